using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Harness;

/// <summary>The checks every <see cref="FloatCase"/> goes through, at single-precision tolerances.</summary>
public static class FloatChecks
{
    // float carries ~7 digits; a gradient assembled from a few dozen float operations keeps ~5.
    private const double Relative = 2e-5;
    private const double Absolute = 2e-5;

    public static void BackwardReturnsTheResult(FloatCase c)
    {
        double[] result = c.Backward(Copy(c.Point), c.Seed, new double[c.Point.Length]);
        Close.All(c.Forward(Copy(c.Point)), result, 1e-6, 1e-6, $"{c.Name}: MBackward's result vs the float method's");
    }

    public static void BackwardMatchesTheReference(FloatCase c)
    {
        double[] grad = new double[c.Point.Length];
        c.Backward(Copy(c.Point), c.Seed, grad);
        Close.All(c.ReferenceVjp(Copy(c.Point), c.Seed), grad, Relative, Absolute, $"{c.Name}: float MBackward vs the double reference");
    }

    public static void BackwardAddsIntoBuffers(FloatCase c)
    {
        double[] before = new double[c.Point.Length];
        for (int i = 0; i < before.Length; i++)
        {
            before[i] = 0.5 + 0.25 * i;
        }

        double[] grad = Copy(before);
        c.Backward(Copy(c.Point), c.Seed, grad);
        double[] reference = c.ReferenceVjp(Copy(c.Point), c.Seed);
        for (int i = 0; i < reference.Length; i++)
        {
            reference[i] += before[i];
        }

        Close.All(reference, grad, Relative, Absolute, $"{c.Name}: prefilled float buffers after MBackward");
    }

    public static void GradientMatchesTheReference(FloatCase c) =>
        Close.All(c.ReferenceVjp(Copy(c.Point), [1]), c.Gradient!(Copy(c.Point)), Relative, Absolute, $"{c.Name}: float MGradient vs the double reference");

    public static void PullbackBackwardTwiceGivesTwice(FloatCase c)
    {
        PullbackRun run = c.Pullback(Copy(c.Point));
        Close.All(c.Forward(Copy(c.Point)), run.Value, 1e-6, 1e-6, $"{c.Name}: MPullback(...).Value vs the float method's");
        double[] reference = c.ReferenceVjp(Copy(c.Point), c.Seed);
        double[] grad = new double[c.Point.Length];
        run.Backward(c.Seed, grad);
        Close.All(reference, grad, Relative, Absolute, $"{c.Name}: first float MPullback(...).Backward");
        run.Backward(c.Seed, grad);
        Close.All(Array.ConvertAll(reference, v => 2 * v), grad, Relative, Absolute, $"{c.Name}: second float MPullback(...).Backward (accumulated)");
    }

    /// <summary>Row i of the Jacobian is the reference VJP with the unit seed eᵢ.</summary>
    public static void JacobianMatchesTheReference(FloatCase c)
    {
        double[,] jacobian = c.Jacobian!(Copy(c.Point));
        Xunit.Assert.Equal(c.Seed.Length, jacobian.GetLength(0));
        Xunit.Assert.Equal(c.Point.Length, jacobian.GetLength(1));
        for (int i = 0; i < c.Seed.Length; i++)
        {
            var row = new double[c.Point.Length];
            for (int j = 0; j < row.Length; j++)
            {
                row[j] = jacobian[i, j];
            }

            Close.All(c.ReferenceVjp(Copy(c.Point), Vectors.Unit(c.Seed.Length, i)), row, Relative, Absolute, $"{c.Name}: float MJacobian row {i}");
        }
    }

    private static double[] Copy(double[] values) => (double[])values.Clone();
}
