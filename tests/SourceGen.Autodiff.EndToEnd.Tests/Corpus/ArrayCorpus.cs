using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Corpus;

/// <summary>Element reads from double[] and spans; element writes into new arrays and span outputs.</summary>
public static partial class ArrayCorpus
{
    /// <summary>Reads from a double[].</summary>
    [Differentiable]
    public static double ArrayReads(double[] x) => x[0] * x[1] + x[2];

    /// <summary>Two span parameters: MGradient returns (double[] a, double[] b).</summary>
    [Differentiable]
    public static double SpanDot(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => a[0] * b[0] + a[1] * b[1];

    /// <summary>Straight-line two-dimensional Rosenbrock.</summary>
    [Differentiable]
    public static double Rosenbrock2(ReadOnlySpan<double> x)
    {
        double t = x[1] - x[0] * x[0];
        double u = 1 - x[0];
        return 100 * t * t + u * u;
    }

    /// <summary>Reads at indices computed from an inactive int.</summary>
    [Differentiable]
    public static double ReadAtIndex(ReadOnlySpan<double> x, int i) => x[i] * x[i + 1];

    /// <summary>Writes into a local new double[n] that is returned.</summary>
    [Differentiable]
    public static double[] NewArray(double[] x)
    {
        var y = new double[3];
        y[0] = x[0] * x[1];
        y[1] = Math.Sin(x[1]);
        y[2] = x[0] - x[1];
        return y;
    }

    /// <summary>Compound assignments into array elements.</summary>
    [Differentiable]
    public static double[] ElementCompound(ReadOnlySpan<double> x)
    {
        var y = new double[2];
        y[0] = x[0];
        y[0] *= x[1];
        y[1] += 2 * x[0];
        y[1] -= x[1] * x[1];
        return y;
    }

    /// <summary>Scalars in, an array out: no MJacobian (no array input).</summary>
    [Differentiable]
    public static double[] Polar(double r, double theta)
    {
        var p = new double[2];
        p[0] = r * Math.Cos(theta);
        p[1] = r * Math.Sin(theta);
        return p;
    }

    /// <summary>Writes into a Span&lt;double&gt; output parameter; returns void.</summary>
    [Differentiable]
    public static void SpanOutput(ReadOnlySpan<double> x, Span<double> y)
    {
        y[0] = x[0] * x[0];
        y[1] = x[0] * x[1] + 1;
    }

    /// <summary>A span output with a scalar parameter beside it.</summary>
    [Differentiable]
    public static void ScaledOutput(ReadOnlySpan<double> x, double s, Span<double> y)
    {
        y[0] = s * x[0];
        y[1] = s * s * x[1];
    }

    /// <summary>Compound assignments into a Span&lt;double&gt; output.</summary>
    [Differentiable]
    public static void OutputCompound(ReadOnlySpan<double> x, Span<double> y)
    {
        y[0] = x[0];
        y[0] += x[1] * x[0];
        y[1] = 1;
        y[1] *= x[1];
    }

    /// <summary>A read at a long index.</summary>
    [Differentiable]
    public static double ReadAtLongIndex(double[] x, long k) => x[k] * x[k + 1];
}
