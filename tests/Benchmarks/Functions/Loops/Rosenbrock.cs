using System;

namespace SourceGen.Autodiff.Benchmarks.Functions.Loops;

/// <summary>The n-dimensional Rosenbrock function: Σ 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)².</summary>
public static partial class Rosenbrock
{
#if LOOPS
    [Differentiable]
#endif
    public static double Value(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length - 1; i++)
        {
            double t = x[i + 1] - x[i] * x[i];
            double u = 1 - x[i];
            s += 100 * t * t + u * u;
        }
        return s;
    }
}
