#if USER_DERIVATIVES
using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Corpus;

/// <summary>
/// Functions the generator does not differentiate (no [Differentiable]), each with a hand-written
/// vector-Jacobian product registered by [DerivativeOf]: the original's parameters, the seed,
/// one buffer per differentiable parameter; it adds into the buffers and returns the value.
/// </summary>
public static class OpaqueFunctions
{
    public static double Softplus(double v) => v > 30 ? v : Math.Log(1 + Math.Exp(v));

    [DerivativeOf(typeof(OpaqueFunctions), nameof(Softplus))]
    public static double SoftplusVjp(double v, double seed, ref double vGrad)
    {
        vGrad += seed / (1 + Math.Exp(-v));
        return Softplus(v);
    }

    public static double Hypot(double a, double b) => Math.Sqrt(a * a + b * b);

    [DerivativeOf(typeof(OpaqueFunctions), nameof(Hypot))]
    public static double HypotVjp(double a, double b, double seed, ref double aGrad, ref double bGrad)
    {
        double h = Hypot(a, b);
        aGrad += seed * a / h;
        bGrad += seed * b / h;
        return h;
    }

    /// <summary>‖x‖ over a span.</summary>
    public static double Norm(ReadOnlySpan<double> x)
    {
        double s = 0;
        foreach (double v in x)
        {
            s += v * v;
        }

        return Math.Sqrt(s);
    }

    [DerivativeOf(typeof(OpaqueFunctions), nameof(Norm))]
    public static double NormVjp(ReadOnlySpan<double> x, double seed, Span<double> xGrad)
    {
        double norm = Norm(x);
        for (int i = 0; i < x.Length; i++)
        {
            xGrad[i] += seed * x[i] / norm;
        }

        return norm;
    }

    /// <summary>x·kᵗʰ power with an int exponent: the int gets no buffer.</summary>
    public static double IntPower(double x, int k) => Math.Pow(x, k);

    [DerivativeOf(typeof(OpaqueFunctions), nameof(IntPower))]
    public static double IntPowerVjp(double x, int k, double seed, ref double xGrad)
    {
        xGrad += seed * k * Math.Pow(x, k - 1);
        return IntPower(x, k);
    }

    /// <summary>w·x² with w as data: only x gets a buffer.</summary>
    public static double WeightedSquare(double x, [NoGradient] double w) => w * x * x;

    [DerivativeOf(typeof(OpaqueFunctions), nameof(WeightedSquare))]
    public static double WeightedSquareVjp(double x, double w, double seed, ref double xGrad)
    {
        xGrad += seed * 2 * w * x;
        return WeightedSquare(x, w);
    }

    /// <summary>a·b for a double[] and a span.</summary>
    public static double Dot(double[] a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    [DerivativeOf(typeof(OpaqueFunctions), nameof(Dot))]
    public static double DotVjp(double[] a, ReadOnlySpan<double> b, double seed, Span<double> aGrad, Span<double> bGrad)
    {
        for (int i = 0; i < a.Length; i++)
        {
            aGrad[i] += seed * b[i];
            bGrad[i] += seed * a[i];
        }

        return Dot(a, b);
    }

    /// <summary>Rounding with the straight-through estimator: the registered derivative is 1, not 0.</summary>
    public static double RoundStraightThrough(double x) => Math.Round(x);

    [DerivativeOf(typeof(OpaqueFunctions), nameof(RoundStraightThrough))]
    public static double RoundStraightThroughVjp(double x, double seed, ref double xGrad)
    {
        xGrad += seed;
        return Math.Round(x);
    }
}

/// <summary>[Differentiable] methods that call the <see cref="OpaqueFunctions"/> through their registered derivatives.</summary>
public static partial class UserDerivativeCorpus
{
    [Differentiable]
    public static double SoftplusTimesX(double x) => OpaqueFunctions.Softplus(x) * x;

    [Differentiable]
    public static double HypotOfProducts(double a, double b) => OpaqueFunctions.Hypot(a * b, a + b) + a;

    /// <summary>A registered span derivative, with the span passed through.</summary>
    [Differentiable]
    public static double NormPlusFirst(ReadOnlySpan<double> x) => OpaqueFunctions.Norm(x) * x[0];

    /// <summary>A registered derivative called in a loop with loop-dependent arguments.</summary>
    [Differentiable]
    public static double HypotChain(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length - 1; i++)
        {
            s += OpaqueFunctions.Hypot(x[i], x[i + 1]);
        }

        return s;
    }

    /// <summary>
    /// Registered derivatives on both sides of a branch on an active value (in statements: a call
    /// inside ?: is DIFF006, since it would not run exactly once where it is written).
    /// </summary>
    [Differentiable]
    public static double SoftplusBranch(double x)
    {
        double y;
        if (x > 0)
        {
            y = OpaqueFunctions.Softplus(x);
        }
        else
        {
            y = 2 * OpaqueFunctions.Softplus(-x * x);
        }

        return y;
    }

    /// <summary>An int argument and a [NoGradient] argument of registered derivatives.</summary>
    [Differentiable]
    public static double PowerAndWeight(double x, int k) => OpaqueFunctions.IntPower(x, k) + OpaqueFunctions.WeightedSquare(x, 3);

    /// <summary>A registered derivative with a double[] and a span parameter.</summary>
    [Differentiable]
    public static double DotCall(double[] a, ReadOnlySpan<double> b) => OpaqueFunctions.Dot(a, b) * a[1];

    /// <summary>A recurrence through a registered derivative: h ← softplus(w·h + xₜ).</summary>
    [Differentiable]
    public static double SoftplusRecurrence(double w, ReadOnlySpan<double> x)
    {
        double h = 0;
        for (int t = 0; t < x.Length; t++)
        {
            h = OpaqueFunctions.Softplus(w * h + x[t]);
        }

        return h;
    }

    /// <summary>A registered derivative's result multiplied in a loop: Σ softplus(xᵢ)·xᵢ.</summary>
    [Differentiable]
    public static double SoftplusTimesXInLoop(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
            s += OpaqueFunctions.Softplus(x[i]) * x[i];
        return s;
    }

    /// <summary>The straight-through estimator: the generated gradient follows the registered derivative.</summary>
    [Differentiable]
    public static double Quantized(double x) => OpaqueFunctions.RoundStraightThrough(x * 4) * x;
}
#endif
