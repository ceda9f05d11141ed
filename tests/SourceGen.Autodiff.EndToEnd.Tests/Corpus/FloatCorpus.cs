#if FLOAT
using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Corpus;

/// <summary>
/// float twins of a few corpus methods (float, float[], ReadOnlySpan&lt;float&gt;, Span&lt;float&gt;,
/// MathF): the same control flow in single precision.
/// </summary>
public static partial class FloatCorpus
{
    /// <summary>Straight-line float arithmetic with MathF.</summary>
    [Differentiable]
    public static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));

    /// <summary>The functions reached through float statics and MathF overloads: Log(x, b), Hypot, FusedMultiplyAdd.</summary>
    [Differentiable]
    public static float LogHypotFma(float x) => MathF.Log(x, 3f) + float.Hypot(x, 2f) + MathF.FusedMultiplyAdd(x, x, float.Exp(x));

    /// <summary>Two float scalars and a branch.</summary>
    [Differentiable]
    public static float Branchy(float x, float y)
    {
        if (x > y)
            return x * MathF.Sin(y);
        return x * x - 2f * y;
    }

    /// <summary>The n-dimensional Rosenbrock function over a float span.</summary>
    [Differentiable]
    public static float Rosenbrock(ReadOnlySpan<float> x)
    {
        float s = 0;
        for (int i = 0; i < x.Length - 1; i++)
        {
            float t = x[i + 1] - x[i] * x[i];
            float u = 1 - x[i];
            s += 100 * t * t + u * u;
        }

        return s;
    }

    /// <summary>Horner's rule in float: a float scalar and a float span.</summary>
    [Differentiable]
    public static float Horner(float x, ReadOnlySpan<float> c)
    {
        float r = 0;
        for (int i = c.Length - 1; i >= 0; i--)
            r = r * x + c[i];
        return r;
    }

    /// <summary>foreach over a float[] with MathF and continue.</summary>
    [Differentiable]
    public static float SoftplusOfPositives(float[] x)
    {
        float s = 0;
        foreach (float v in x)
        {
            if (v < 0)
                continue;
            s += MathF.Log(1 + MathF.Exp(v));
        }

        return s;
    }

    /// <summary>log-sum-exp with max shift in float.</summary>
    [Differentiable]
    public static float LogSumExp(ReadOnlySpan<float> x)
    {
        float m = x[0];
        for (int i = 1; i < x.Length; i++)
        {
            if (x[i] > m)
                m = x[i];
        }

        float s = 0;
        for (int i = 0; i < x.Length; i++)
            s += MathF.Exp(x[i] - m);
        return m + MathF.Log(s);
    }

    /// <summary>The recurrence h = tanh(w·h + u·xₜ) in float, in a while loop.</summary>
    [Differentiable]
    public static float Recurrence(float w, float u, ReadOnlySpan<float> x)
    {
        float h = 0;
        int t = 0;
        while (t < x.Length)
        {
            h = MathF.Tanh(w * h + u * x[t]);
            t++;
        }

        return h;
    }

    /// <summary>Leaky ReLU into a float span output.</summary>
    [Differentiable]
    public static void LeakyReluLayer(ReadOnlySpan<float> x, Span<float> y)
    {
        for (int i = 0; i < x.Length; i++)
            y[i] = x[i] < 0 ? 0.1f * x[i] : x[i];
    }

    /// <summary>A float computed in double and narrowed back: the adjoint crosses both conversions.</summary>
    [Differentiable]
    public static float MixedPrecision(float x)
    {
        double wide = Math.Sqrt((double)x) * 3.0;
        return (float)wide * x;
    }

    /// <summary>A local float[] written in a loop and read in another: Σ xᵢ³ (regression: its elements are restored from the tape as float).</summary>
    [Differentiable]
    public static float LocalArray(ReadOnlySpan<float> x)
    {
        var t = new float[x.Length];
        for (int i = 0; i < x.Length; i++)
            t[i] = x[i] * x[i];
        float s = 0;
        for (int i = 0; i < x.Length; i++)
            s += t[i] * x[i];
        return s;
    }
}
#endif
