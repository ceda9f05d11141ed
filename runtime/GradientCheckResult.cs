using System.Globalization;

namespace SourceGen.Autodiff;

/// <summary>
/// The outcome of <see cref="GradientCheck.Compare"/>: whether every component agreed, and the
/// component that came closest to failing (or failed worst).
/// </summary>
/// <param name="Passed">Whether every component is within tolerance.</param>
/// <param name="Length">The number of components compared.</param>
/// <param name="WorstIndex">
/// The component with the largest error relative to its allowed error; -1 when nothing was compared.
/// </param>
/// <param name="WorstAnalytic">The analytic value at <paramref name="WorstIndex"/>.</param>
/// <param name="WorstNumeric">The numeric value at <paramref name="WorstIndex"/>.</param>
/// <param name="MaxError">The absolute difference at <paramref name="WorstIndex"/>.</param>
/// <param name="AllowedError">
/// The allowed difference at <paramref name="WorstIndex"/>:
/// <c>absoluteTolerance + relativeTolerance · max(|analytic|, |numeric|)</c>.
/// </param>
public sealed record GradientCheckResult(
    bool Passed,
    int Length,
    int WorstIndex,
    double WorstAnalytic,
    double WorstNumeric,
    double MaxError,
    double AllowedError)
{
    /// <summary>One line such as <c>Gradient check failed at index 1 of 3: analytic 2, numeric 2.5, error 0.5 (allowed 1e-5).</c></summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        string verdict = Passed ? "passed" : "failed";
        if (WorstIndex < 0)
        {
            return $"Gradient check {verdict}: no components to compare.";
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"Gradient check {verdict}: worst index {WorstIndex} of {Length}: analytic {WorstAnalytic:R}, "
            + $"numeric {WorstNumeric:R}, error {MaxError:R} (allowed {AllowedError:R}).");
    }
}
