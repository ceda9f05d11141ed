using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Harness;

/// <summary>Small element-wise helpers for writing hand-derived gradients.</summary>
public static class Vectors
{
    public static double[] Map(double[] x, Func<double, double> f)
    {
        var result = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            result[i] = f(x[i]);
        }

        return result;
    }

    public static double[] Scale(double[] values, double factor) => Map(values, v => factor * v);

    /// <summary>The unit vector eᵢ of <paramref name="length"/>.</summary>
    public static double[] Unit(int length, int index)
    {
        var e = new double[length];
        e[index] = 1;
        return e;
    }

    /// <summary>a·x + b·y element-wise.</summary>
    public static double[] Combine(double a, double[] x, double b, double[] y)
    {
        var result = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            result[i] = a * x[i] + b * y[i];
        }

        return result;
    }
}
