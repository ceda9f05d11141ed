using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Corpus;

/// <summary>Methods with several differentiable inputs of different kinds, for MJacobian.</summary>
public static partial class JacobianCorpus
{
    /// <summary>
    /// A pinhole camera turned by <paramref name="angle"/> about its axis, with radial distortion:
    /// the residual of a 3-D point's projection against an observed pixel (5 inputs, 2 outputs).
    /// </summary>
    [Differentiable]
    public static void Project(ReadOnlySpan<double> point, double focal, double angle, [NoGradient] ReadOnlySpan<double> observed, Span<double> residual)
    {
        double c = Math.Cos(angle), s = Math.Sin(angle);
        double x = c * point[0] - s * point[1];
        double y = s * point[0] + c * point[1];
        double u = x / point[2];
        double v = y / point[2];
        double distortion = 1 + 0.1 * (u * u + v * v);
        residual[0] = focal * u * distortion - observed[0];
        residual[1] = focal * v * distortion - observed[1];
    }

    /// <summary>An array result from a scalar and an array: 1 + 3 inputs, 3 outputs.</summary>
    [Differentiable]
    public static double[] Scaled(double a, double[] x)
    {
        var y = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = a * Math.Sin(x[i]) + x[0] * x[i];
        }
        return y;
    }
}
