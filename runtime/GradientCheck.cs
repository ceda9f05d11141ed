using System;

namespace SourceGen.Autodiff;

/// <summary>
/// Compares analytic derivatives (from generated <c>MBackward</c>/<c>MGradient</c> methods or
/// written by hand) with central finite differences from <see cref="FiniteDifference"/>.
/// </summary>
/// <remarks>
/// Component <c>i</c> passes when <c>|aᵢ - nᵢ| ≤ absoluteTolerance + relativeTolerance · max(|aᵢ|, |nᵢ|)</c>.
/// A NaN or infinity on either side never passes. The defaults suit smooth functions of
/// moderate magnitude; loosen them for functions whose values dwarf their derivatives.
/// </remarks>
public static class GradientCheck
{
    /// <summary>Default relative tolerance of the comparisons.</summary>
    public const double DefaultRelativeTolerance = 1e-5;

    /// <summary>Default absolute tolerance of the comparisons.</summary>
    public const double DefaultAbsoluteTolerance = 1e-7;

    /// <summary>Compares two derivative vectors component by component.</summary>
    /// <param name="analytic">The derivatives under test.</param>
    /// <param name="numeric">The reference derivatives, typically finite differences.</param>
    /// <param name="relativeTolerance">The allowed error per unit of magnitude.</param>
    /// <param name="absoluteTolerance">The allowed error near zero.</param>
    /// <returns>The verdict and the worst component.</returns>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static GradientCheckResult Compare(
        ReadOnlySpan<double> analytic,
        ReadOnlySpan<double> numeric,
        double relativeTolerance = DefaultRelativeTolerance,
        double absoluteTolerance = DefaultAbsoluteTolerance)
    {
        Shapes.RequireLength(numeric.Length, analytic.Length, nameof(numeric), nameof(analytic));
        bool passed = true;
        int worst = -1;
        double worstRatio = double.NegativeInfinity;
        for (int i = 0; i < analytic.Length; i++)
        {
            double error = Math.Abs(analytic[i] - numeric[i]);
            double allowed = Allowed(analytic[i], numeric[i], relativeTolerance, absoluteTolerance);
            bool agrees = error <= allowed; // false for NaN and for infinity on either side
            passed &= agrees;
            double ratio = Severity(error, allowed);
            if (ratio > worstRatio)
            {
                worst = i;
                worstRatio = ratio;
            }
        }

        if (worst < 0)
        {
            return new GradientCheckResult(true, 0, -1, 0, 0, 0, absoluteTolerance);
        }

        return new GradientCheckResult(
            passed,
            analytic.Length,
            worst,
            analytic[worst],
            numeric[worst],
            Math.Abs(analytic[worst] - numeric[worst]),
            Allowed(analytic[worst], numeric[worst], relativeTolerance, absoluteTolerance));
    }

    /// <summary>
    /// Checks the gradient of a scalar function against central finite differences and throws
    /// when they disagree.
    /// </summary>
    /// <param name="f">The function, e.g. a lambda calling the <c>[Differentiable]</c> method.</param>
    /// <param name="x">The point; not modified.</param>
    /// <param name="analytic">The gradient under test at <paramref name="x"/>.</param>
    /// <param name="relativeTolerance">The allowed error per unit of magnitude.</param>
    /// <param name="absoluteTolerance">The allowed error near zero.</param>
    /// <param name="h">The relative finite-difference step.</param>
    /// <exception cref="ArgumentException">The gradient's length differs from the point's.</exception>
    /// <exception cref="GradientCheckException">A component is out of tolerance; the message names the worst one.</exception>
    public static void AssertGradient(
        Func<double[], double> f,
        double[] x,
        ReadOnlySpan<double> analytic,
        double relativeTolerance = DefaultRelativeTolerance,
        double absoluteTolerance = DefaultAbsoluteTolerance,
        double h = FiniteDifference.DefaultStep)
    {
        ArgumentNullException.ThrowIfNull(x);
        Shapes.RequireLength(analytic.Length, x.Length, nameof(analytic), nameof(x));
        ThrowIfFailed(Compare(analytic, FiniteDifference.Gradient(f, x, h), relativeTolerance, absoluteTolerance));
    }

    /// <summary>
    /// Checks a vector-Jacobian product <c>Jᵀ·seed</c> (what <c>MBackward</c> adds into a zeroed
    /// buffer) against central finite differences and throws when they disagree.
    /// </summary>
    /// <param name="f">The vector function.</param>
    /// <param name="x">The point; not modified.</param>
    /// <param name="seed">One weight per output.</param>
    /// <param name="analytic">The product under test, one value per input.</param>
    /// <param name="relativeTolerance">The allowed error per unit of magnitude.</param>
    /// <param name="absoluteTolerance">The allowed error near zero.</param>
    /// <param name="h">The relative finite-difference step.</param>
    /// <exception cref="ArgumentException">A length does not match.</exception>
    /// <exception cref="GradientCheckException">A component is out of tolerance; the message names the worst one.</exception>
    public static void AssertVectorJacobianProduct(
        Func<double[], double[]> f,
        double[] x,
        double[] seed,
        ReadOnlySpan<double> analytic,
        double relativeTolerance = DefaultRelativeTolerance,
        double absoluteTolerance = DefaultAbsoluteTolerance,
        double h = FiniteDifference.DefaultStep)
    {
        ArgumentNullException.ThrowIfNull(x);
        Shapes.RequireLength(analytic.Length, x.Length, nameof(analytic), nameof(x));
        double[] numeric = FiniteDifference.VectorJacobianProduct(f, x, seed, h);
        ThrowIfFailed(Compare(analytic, numeric, relativeTolerance, absoluteTolerance));
    }

    /// <summary>
    /// Checks a full Jacobian <c>J[i, j] = ∂yᵢ/∂xⱼ</c> (what <c>MJacobian</c> returns) against central
    /// finite differences and throws when they disagree; the worst index is row-major.
    /// </summary>
    /// <param name="f">The vector function.</param>
    /// <param name="x">The point; not modified.</param>
    /// <param name="analytic">The Jacobian under test, outputs × inputs.</param>
    /// <param name="relativeTolerance">The allowed error per unit of magnitude.</param>
    /// <param name="absoluteTolerance">The allowed error near zero.</param>
    /// <param name="h">The relative finite-difference step.</param>
    /// <exception cref="ArgumentException">The Jacobian's size does not match.</exception>
    /// <exception cref="GradientCheckException">An entry is out of tolerance; the message names the worst one.</exception>
    public static void AssertJacobian(
        Func<double[], double[]> f,
        double[] x,
        double[,] analytic,
        double relativeTolerance = DefaultRelativeTolerance,
        double absoluteTolerance = DefaultAbsoluteTolerance,
        double h = FiniteDifference.DefaultStep)
    {
        ArgumentNullException.ThrowIfNull(analytic);
        double[,] numeric = FiniteDifference.Jacobian(f, x, h);
        Shapes.RequireLength(analytic.GetLength(0), numeric.GetLength(0), "analytic rows", "the function's result");
        Shapes.RequireLength(analytic.GetLength(1), numeric.GetLength(1), "analytic columns", nameof(x));
        ThrowIfFailed(Compare(RowMajor(analytic), RowMajor(numeric), relativeTolerance, absoluteTolerance));
    }

    // How far a component is from failing: error / allowed, so 1 is the boundary; a NaN
    // comparison ranks as the worst possible.
    private static double Severity(double error, double allowed)
    {
        double ratio = allowed > 0 ? error / allowed : (error == 0 ? 0 : double.PositiveInfinity);
        return double.IsNaN(ratio) ? double.PositiveInfinity : ratio;
    }

    private static double Allowed(double analytic, double numeric, double relativeTolerance, double absoluteTolerance) =>
        absoluteTolerance + (relativeTolerance * Math.Max(Math.Abs(analytic), Math.Abs(numeric)));

    private static double[] RowMajor(double[,] matrix)
    {
        double[] flat = new double[matrix.Length];
        int next = 0;
        foreach (double value in matrix)
        {
            flat[next++] = value;
        }

        return flat;
    }

    private static void ThrowIfFailed(GradientCheckResult result)
    {
        if (!result.Passed)
        {
            throw new GradientCheckException(result);
        }
    }
}
