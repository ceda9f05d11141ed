using System;

namespace SourceGen.Autodiff.Benchmarks.Functions.Loops;

public static partial class Horner
{
    /// <summary>
    /// The analytic gradient without a tape: p'(x) by Horner's rule alongside p(x)
    /// (r' ← r'·x + r before r ← r·x + cᵢ), and ∂p/∂cᵢ = xⁱ by running powers.
    /// </summary>
    public static double ValueBackwardByHand(double x, ReadOnlySpan<double> c, double seed, ref double xGrad, Span<double> cGrad)
    {
        Shapes.RequireLength(cGrad.Length, c.Length, nameof(cGrad), nameof(c));
        double r = 0, dr = 0;
        for (int i = c.Length - 1; i >= 0; i--)
        {
            dr = dr * x + r;
            r = r * x + c[i];
        }
        xGrad += seed * dr;

        double power = seed;
        for (int i = 0; i < c.Length; i++)
        {
            cGrad[i] += power;
            power *= x;
        }
        return r;
    }
}
