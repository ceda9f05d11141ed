using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Harness;

/// <summary>
/// The checks every corpus method goes through. Derivatives are compared with central finite
/// differences of the original method (or a hand-derived formula), never with other generated code.
/// </summary>
public static class DiffChecks
{
    // Central differences with h = 1e-6 are good to ~1e-9 here: the runtime's defaults
    // (1e-5 relative, 1e-7 absolute) leave room for that and still catch any wrong rule.
    private const double FiniteDifferenceRelative = GradientCheck.DefaultRelativeTolerance;
    private const double FiniteDifferenceAbsolute = GradientCheck.DefaultAbsoluteTolerance;

    // Hand-derived formulas and the method itself may only associate operations differently.
    private const double Exact = 1e-12;

    /// <summary>MBackward returns what M returns and leaves its inputs alone.</summary>
    public static void BackwardReturnsTheResult(DiffCase c)
    {
        double[] x = Copy(c.Point);
        double[] result = c.Backward(x, c.Seed, new double[x.Length]);
        Close.All(c.Forward(Copy(c.Point)), result, Exact, Exact, $"{c.Name}: MBackward's result vs the method's");
        Close.All(c.Point, x, 0, 0, $"{c.Name}: inputs after MBackward");
    }

    public static void BackwardMatchesFiniteDifferences(DiffCase c)
    {
        double[] grad = new double[c.Point.Length];
        c.Backward(Copy(c.Point), c.Seed, grad);
        Close.All(NumericVjp(c), grad, FiniteDifferenceRelative, FiniteDifferenceAbsolute, $"{c.Name}: MBackward vs central differences");
    }

    public static void BackwardMatchesExactFormula(DiffCase c)
    {
        double[] grad = new double[c.Point.Length];
        c.Backward(Copy(c.Point), c.Seed, grad);
        Close.All(c.ExactVjp!(Copy(c.Point), c.Seed), grad, Exact, Exact, $"{c.Name}: MBackward vs the hand-derived gradient");
    }

    /// <summary>Buffers are added to, not overwritten, like PyTorch's .grad.</summary>
    public static void BackwardAddsIntoBuffers(DiffCase c)
    {
        double[] before = new double[c.Point.Length];
        for (int i = 0; i < before.Length; i++)
        {
            before[i] = 0.5 + 0.25 * i;
        }

        double[] grad = Copy(before);
        c.Backward(Copy(c.Point), c.Seed, grad);
        Close.All(Add(before, NumericVjp(c)), grad, FiniteDifferenceRelative, FiniteDifferenceAbsolute, $"{c.Name}: prefilled buffers after MBackward");
    }

    public static void GradientMatchesFiniteDifferences(DiffCase c)
    {
        double[] numeric = FiniteDifference.Gradient(x => c.Forward(x)[0], Copy(c.Point));
        Close.All(numeric, c.Gradient!(Copy(c.Point)), FiniteDifferenceRelative, FiniteDifferenceAbsolute, $"{c.Name}: MGradient vs central differences");
    }

    /// <summary>One forward pass, then Backward twice into the same buffers gives twice the gradient.</summary>
    public static void PullbackBackwardTwiceGivesTwice(DiffCase c)
    {
        PullbackRun run = c.Pullback(Copy(c.Point));
        Close.All(c.Forward(Copy(c.Point)), run.Value, Exact, Exact, $"{c.Name}: MPullback(...).Value vs the method's result");

        double[] numeric = NumericVjp(c);
        double[] grad = new double[c.Point.Length];
        run.Backward(c.Seed, grad);
        Close.All(numeric, grad, FiniteDifferenceRelative, FiniteDifferenceAbsolute, $"{c.Name}: first MPullback(...).Backward vs central differences");
        run.Backward(c.Seed, grad);
        Close.All(Add(numeric, numeric), grad, FiniteDifferenceRelative, FiniteDifferenceAbsolute, $"{c.Name}: second MPullback(...).Backward (accumulated)");
    }

    public static void JacobianMatchesFiniteDifferences(DiffCase c)
    {
        double[,] numeric = FiniteDifference.Jacobian(c.Forward, Copy(c.Point));
        double[,] generated = c.Jacobian!(Copy(c.Point));
        Xunit.Assert.Equal(numeric.GetLength(0), generated.GetLength(0)); // outputs
        Xunit.Assert.Equal(c.Point.Length, generated.GetLength(1)); // every differentiable input
        Close.All(Flat.Of(numeric), Flat.Of(generated), FiniteDifferenceRelative, FiniteDifferenceAbsolute,
            $"{c.Name}: MJacobian vs central differences (row-major)");
    }

    private static double[] NumericVjp(DiffCase c) =>
        FiniteDifference.VectorJacobianProduct(c.Forward, Copy(c.Point), c.Seed);

    private static double[] Copy(double[] values) => (double[])values.Clone();

    private static double[] Add(double[] a, double[] b)
    {
        var sum = new double[a.Length];
        for (int i = 0; i < a.Length; i++)
        {
            sum[i] = a[i] + b[i];
        }

        return sum;
    }
}
