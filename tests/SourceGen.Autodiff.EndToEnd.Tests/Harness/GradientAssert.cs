using System;
using Xunit;

namespace SourceGen.Autodiff.EndToEnd.Tests.Harness;

/// <summary>Checks for hand-written natural-program tests: a generated gradient against central finite differences.</summary>
public static class GradientAssert
{
    /// <summary>|expected - actual| within 10^-digits, relative to |expected| when it is above 1.</summary>
    public static void Near(double expected, double actual, int digits = 6) =>
        Assert.True(Math.Abs(expected - actual) <= Math.Max(1, Math.Abs(expected)) * Math.Pow(10, -digits), $"expected {expected}, generated {actual}");

    /// <summary>Every component of <paramref name="gradient"/> against a central difference of <paramref name="f"/> at <paramref name="x"/>.</summary>
    public static void MatchesFiniteDifferences(Func<double[], double> f, double[] x, double[] gradient, int digits = 6)
    {
        double[] numeric = FiniteDifference.Gradient(f, (double[])x.Clone());
        Assert.Equal(x.Length, gradient.Length);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.True(Math.Abs(numeric[i] - gradient[i]) <= Math.Max(1, Math.Abs(numeric[i])) * Math.Pow(10, -digits),
                $"component {i}: finite difference {numeric[i]}, generated {gradient[i]}");
        }
    }
}
