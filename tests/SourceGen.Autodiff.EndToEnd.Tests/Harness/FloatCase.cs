using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Harness;

/// <summary>
/// One float [Differentiable] method seen through flat double vectors (converted to float at the
/// call and back after it). Central differences of a float method are noise at h = 1e-6, so the
/// reference is a VJP computed in double: a closed form, or the hand-derived gradient of the
/// method's double twin (which the double corpus checks against finite differences).
/// </summary>
public sealed record FloatCase
{
    public required string Name { get; init; }

    /// <summary>The differentiable inputs, flattened; values exactly representable in float.</summary>
    public required double[] Point { get; init; }

    /// <summary>A non-trivial seed, one value per element of the flattened result.</summary>
    public required double[] Seed { get; init; }

    /// <summary>Calls the float method.</summary>
    public required Func<double[], double[]> Forward { get; init; }

    /// <summary>Calls the generated float <c>MBackward</c>, adding into the (float-converted) gradient.</summary>
    public required BackwardRun Backward { get; init; }

    /// <summary>Calls the generated float <c>MPullback</c>.</summary>
    public required PullbackStart Pullback { get; init; }

    /// <summary>Calls the generated float <c>MGradient</c>; only for scalar results.</summary>
    public Func<double[], double[]>? Gradient { get; init; }

    /// <summary>Calls the generated <c>MJacobian</c>, where emitted.</summary>
    public Func<double[], double[,]>? Jacobian { get; init; }

    /// <summary>Jᵀ·seed at (x, seed), computed in double.</summary>
    public required Func<double[], double[], double[]> ReferenceVjp { get; init; }

    public override string ToString() => Name;
}

/// <summary>Conversions between the flat double vectors of the checks and float buffers.</summary>
public static class Floats
{
    public static float[] Of(double[] values) => Array.ConvertAll(values, v => (float)v);

    public static double[] Of(float[] values) => Array.ConvertAll(values, v => (double)v);

    /// <summary>Runs <paramref name="run"/> on a float copy of <paramref name="g"/> and copies the result back.</summary>
    public static void Through(double[] g, Action<float[]> run)
    {
        float[] buffer = Of(g);
        run(buffer);
        for (int i = 0; i < g.Length; i++)
        {
            g[i] = buffer[i];
        }
    }
}
