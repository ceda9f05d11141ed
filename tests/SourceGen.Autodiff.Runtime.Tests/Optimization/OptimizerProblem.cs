using System;

namespace SourceGen.Autodiff.Runtime.Tests.Optimization;

/// <summary>
/// The problem of Reference/optimizer_trajectories.py: f(p) = (1 - p0)² + 100 (p1 - p0²)² + 0.5 p2⁴
/// from (-1.2, 1, 0.8), with the gradient written out as the script writes it.
/// </summary>
internal static class OptimizerProblem
{
    public static double[] Start => [-1.2, 1.0, 0.8];

    public static void Gradient(ReadOnlySpan<double> p, Span<double> gradient)
    {
        double p0 = p[0], p1 = p[1], p2 = p[2];
        gradient[0] = -2 * (1 - p0) - 400 * p0 * (p1 - p0 * p0);
        gradient[1] = 200 * (p1 - p0 * p0);
        gradient[2] = 2 * p2 * p2 * p2;
    }
}
