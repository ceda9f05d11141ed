using System;
using System.Globalization;
using System.IO;
using SourceGen.Autodiff.Benchmarks.Problems;

namespace SourceGen.Autodiff.Benchmarks.Check;

/// <summary>
/// The "check" mode: before trusting a timing, every hand-written and generated gradient is
/// compared with central finite differences (and every backward pass's value with the forward
/// pass). A wrong "limit" would make every ratio meaningless.
/// </summary>
public static class SelfCheck
{
    private const double RelativeTolerance = 1e-5;

    public static ICheckedProblem[] Problems() =>
    [
        ArticleVjpProblem.Create(),
        ScalarMathProblem.Create(),
        SquaredErrorProblem.Create(),
        RosenbrockProblem.Create(),
        LogisticRegressionProblem.Create(),
        MlpProblem.Create(),
        HornerProblem.Create(),
        PendulumProblem.Create(),
        LennardJonesProblem.Create(),
        GaussianMixtureProblem<GaussianMixtureD2>.Create(),
        GaussianMixtureProblem<GaussianMixtureD10>.Create(),
    ];

    /// <summary>Prints one line per comparison; returns 0 when all agree, 1 otherwise.</summary>
    public static int Run(TextWriter output)
    {
        int failures = 0;
        foreach (var problem in Problems())
        {
            double[] numeric = problem.FiniteDifferences();
            double[] forward = problem.ForwardValues();
            failures += Report(output, problem, "hand-written", problem.HandWritten(), forward, numeric);
            var generated = problem.Generated();
            if (generated is null)
                output.WriteLine($"{problem.Name}: generated backward not built (loops need LOOPS)");
            else
                failures += Report(output, problem, "generated", generated, forward, numeric);
        }
        output.WriteLine(failures == 0 ? "self-check passed" : $"self-check FAILED: {failures} disagreement(s)");
        return failures == 0 ? 0 : 1;
    }

    private static int Report(TextWriter output, ICheckedProblem problem, string which, BackwardResult result, double[] forward, double[] numeric)
    {
        var gradient = GradientCheck.Compare(result.Gradient, numeric, RelativeTolerance, problem.AbsoluteTolerance);
        // Values within rounding: a vectorized forward sum may add in another order than a loop.
        bool valuesAgree = GradientCheck.Compare(result.Values, forward, relativeTolerance: 1e-12, absoluteTolerance: 1e-12).Passed;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{problem.Name}: {which}: {gradient}{(valuesAgree ? "" : " Value differs from the forward pass.")}"));
        return gradient.Passed && valuesAgree ? 0 : 1;
    }
}
