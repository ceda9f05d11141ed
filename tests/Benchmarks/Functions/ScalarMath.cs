using System;

namespace SourceGen.Autodiff.Benchmarks.Functions;

/// <summary>A straight-line scalar function of three variables built from several Math calls.</summary>
public static partial class ScalarMath
{
    [Differentiable]
    public static double Wave(double a, double b, double c)
    {
        double r = Math.Sqrt(a * a + b * b + 1);
        double s = Math.Sin(a * b) * Math.Exp(-0.5 * c);
        double t = Math.Log(1 + c * c) / r;
        return s + t + Math.Tanh(a - c) * Math.Cos(b);
    }
}
