using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Corpus.Natural;

/// <summary>Indices from the end, x[^1] and x[^k], as numeric code reads the last samples.</summary>
public static partial class ArraysFromTheEnd
{
    /// <summary>The trapezoid rule for the integral of samples y spaced h apart.</summary>
    [Differentiable]
    public static double Trapezoid(double[] y, double h)
    {
        double inner = 0;
        for (int i = 1; i < y.Length - 1; i++)
        {
            inner += y[i];
        }

        return h * (0.5 * y[0] + inner + 0.5 * y[^1]);
    }

    /// <summary>The relative change over the last k samples of a price series (a span).</summary>
    [Differentiable]
    public static double Momentum(ReadOnlySpan<double> prices, int k) => (prices[^1] - prices[^k]) / prices[^k];

    /// <summary>A local buffer read from its end: the last two stages of a running product.</summary>
    [Differentiable]
    public static double LastStages(double[] x)
    {
        var running = new double[x.Length];
        running[0] = x[0];
        for (int i = 1; i < x.Length; i++)
        {
            running[i] = running[i - 1] * x[i];
        }

        return running[^1] + Math.Sin(running[^2]);
    }
}
