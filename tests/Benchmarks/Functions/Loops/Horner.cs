using System;

namespace SourceGen.Autodiff.Benchmarks.Functions.Loops;

/// <summary>Horner's evaluation of the polynomial Σ cᵢ·xⁱ: a loop-carried, overwritten value.</summary>
public static partial class Horner
{
#if LOOPS
    [Differentiable]
#endif
    public static double Value(double x, ReadOnlySpan<double> c)
    {
        double r = 0;
        for (int i = c.Length - 1; i >= 0; i--)
            r = r * x + c[i];
        return r;
    }
}
