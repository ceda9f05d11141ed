using System;

namespace SourceGen.Autodiff.Benchmarks.Functions.Loops;

public static partial class Rosenbrock
{
    /// <summary>
    /// The hand-written backward pass from shared/EXAMPLES.md: the accumulator's adjoint is the
    /// seed in every iteration, so the reverse sweep runs fused with the forward loop.
    /// </summary>
    public static double ValueBackwardByHand(ReadOnlySpan<double> x, double seed, Span<double> xGrad)
    {
        Shapes.RequireLength(xGrad.Length, x.Length, nameof(xGrad), nameof(x));
        double s = 0;
        for (int i = 0; i < x.Length - 1; i++)
        {
            double xi = x[i];
            double t = x[i + 1] - xi * xi;
            double u = 1 - xi;
            s += 100 * t * t + u * u;

            double tBar = 200 * t * seed;
            xGrad[i + 1] += tBar;
            xGrad[i] += -2 * xi * tBar - 2 * u * seed;
        }
        return s;
    }
}
