using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;

namespace SourceGen.Autodiff.Generator.Tests.RandomPrograms;

/// <summary>Counts over a run, for the test output.</summary>
public sealed class CheckStatistics
{
    private int _passed;
    private int _resampled;
    private int _inconclusive;
    private int _otherStep;

    /// <summary>Programs whose every check passed at one or more sample points (up to <see cref="ProgramCheck.Points"/>).</summary>
    public int Passed => _passed;

    /// <summary>Sample points dropped because a decision flipped within the finite-difference step, or a value was not finite.</summary>
    public int Resampled => _resampled;

    /// <summary>Programs with no usable point in all attempts (not checked).</summary>
    public int Inconclusive => _inconclusive;

    /// <summary>Gradients that agreed only with finite differences at another step (rounding noise at h = 1e-6).</summary>
    public int OtherStep => _otherStep;

    private readonly ConcurrentDictionary<string, long> _ticks = new();

    /// <summary>Adds <paramref name="elapsed"/> to the time spent in <paramref name="phase"/>.</summary>
    public void AddTime(string phase, TimeSpan elapsed) => _ticks.AddOrUpdate(phase, elapsed.Ticks, (_, t) => t + elapsed.Ticks);

    public void CountPassed() => Interlocked.Increment(ref _passed);

    public void CountResampled() => Interlocked.Increment(ref _resampled);

    public void CountInconclusive() => Interlocked.Increment(ref _inconclusive);

    public void CountOtherStep() => Interlocked.Increment(ref _otherStep);

    public override string ToString() =>
        $"{Passed} passed, {Inconclusive} inconclusive (no smooth point found), {Resampled} points resampled, {OtherStep} gradients agreeing only at another finite-difference step; " +
        string.Join(", ", _ticks.OrderBy(t => t.Key).Select(t => $"{t.Key} {TimeSpan.FromTicks(t.Value).TotalSeconds:F1} s"));
}

/// <summary>
/// Checks one compiled program at <see cref="Points"/> random points: FBackward returns exactly F's value and adds
/// the seed-weighted gradient that central finite differences of F give; FPullback's Value is F's
/// value and its Backward adds the same gradient each time it is called, also after the inputs
/// were overwritten; FGradient and FJacobian agree. A point where a decision on a double value
/// (branch, loop exit, side of a kink) flips within the finite-difference step is resampled.
/// </summary>
public static class ProgramCheck
{
    public const double RelativeTolerance = 1e-5;
    public const double AbsoluteTolerance = 1e-6;
    public const double Step = 1e-6;

    /// <summary>Reverse and forward mode compute the same derivative with different rounding.</summary>
    public const double DualRelativeTolerance = 1e-8;
    public const double DualAbsoluteTolerance = 1e-10;

    /// <summary>Generated methods that should compute the same numbers in the same way agree to this.</summary>
    private const double Tight = 1e-9;

    private static readonly double[] OtherSteps = { 1e-5, 1e-7, 1e-4 };

    /// <summary>Smooth points each program is checked at (branches and loop exits differ between points).</summary>
    public const int Points = 3;

    /// <summary>Points drawn at most, counting those resampled because a decision flips within the step.</summary>
    private const int Attempts = 15;

    private enum Outcome
    {
        Passed,
        Resample,
    }

    public static ProgramFailure? Run(RandomProgram program, Probe probe, CheckStatistics statistics)
    {
        var passed = 0;
        for (var attempt = 0; attempt < Attempts && passed < Points; attempt++)
        {
            var point = SamplePoint.For(program, attempt);
            try
            {
                if (At(program, probe, point, statistics) == Outcome.Passed)
                {
                    passed++;
                    continue;
                }
                statistics.CountResampled();
            }
            catch (FailureException failure)
            {
                return new ProgramFailure(program, failure.Kind, failure.Message + "\n" + point);
            }
            catch (Exception e)
            {
                return new ProgramFailure(program, FailureKind.RuntimeException, e + "\n" + point);
            }
        }
        if (passed == 0)
        {
            statistics.CountInconclusive();
        }
        else
        {
            statistics.CountPassed();
        }
        return null;
    }

    private sealed class FailureException : Exception
    {
        public FailureException(FailureKind kind, string message)
            : base(message) => Kind = kind;

        public FailureKind Kind { get; }
    }

    private static Outcome At(RandomProgram program, Probe probe, SamplePoint point, CheckStatistics statistics)
    {
        double[] y;
        try
        {
            y = probe.Forward(point.X);
        }
        catch (Exception e)
        {
            throw new FailureException(FailureKind.InvalidProgram, "F itself threw: " + e);
        }
        if (y.Any(v => !double.IsFinite(v) || Math.Abs(v) > 1e8))
        {
            return Outcome.Resample;
        }
        var trace = new Baseline(new List<int>(), new List<double>(), Coverage.Of(program).Contains("Math " + Functions.Stop.Name));
        var twin = probe.Twin(point.X, -1, trace.Decisions, trace.Stops, false, new double[y.Length]);
        if (!twin.SequenceEqual(y))
        {
            throw new FailureException(FailureKind.InvalidProgram, $"the twin computes {Show(twin)}, F computes {Show(y)}");
        }
        var numeric = Numeric(probe, point, trace, Step);
        if (numeric is null)
        {
            return Outcome.Resample;
        }

        // Backward: exact value, gradient added to what the buffers held.
        var buffers = (double[])point.GradientStart.Clone();
        var returned = probe.Backward(point.X, point.Seed, buffers);
        Identical(y, returned, "FBackward's result");
        var added = buffers.Select((g, i) => g - point.GradientStart[i]).ToArray();
        var check = GradientCheck.Compare(added, numeric, RelativeTolerance, AbsoluteTolerance);
        if (!check.Passed)
        {
            var agreesElsewhere = OtherSteps.Any(h => Numeric(probe, point, trace, h) is { } other
                && GradientCheck.Compare(added, other, RelativeTolerance, AbsoluteTolerance).Passed);
            if (!agreesElsewhere)
            {
                throw new FailureException(FailureKind.WrongGradient,
                    $"FBackward's gradient differs from central finite differences (h = {Step}): {check}\n   analytic {Show(added)}\n   numeric  {Show(numeric)}");
            }
            statistics.CountOtherStep();
        }

        // Forward mode: exact up to rounding, so it also catches errors below the finite-difference noise.
        var dual = DualVectorJacobianProduct(probe, point, y.Length);
        var exact = GradientCheck.Compare(added, dual, DualRelativeTolerance, DualAbsoluteTolerance);
        if (!exact.Passed)
        {
            throw new FailureException(FailureKind.WrongGradient,
                $"FBackward's gradient differs from forward-mode dual numbers: {exact}\n   analytic {Show(added)}\n   dual     {Show(dual)}\n   numeric  {Show(numeric)} (h = {Step})");
        }

        // Pullback: Value, then Backward once and twice (accumulating), after the inputs were overwritten.
        var once = new double[added.Length];
        var twice = new double[added.Length];
        var value = probe.Pullback(point.X, point.Seed, once, twice);
        Identical(y, value, "FPullback(...).Value");
        Close(added, once, "FPullback(...).Backward vs FBackward");
        Close(added.Select(g => 2 * g).ToArray(), twice, "FPullback(...).Backward called twice vs 2 x FBackward");

        if (probe.Gradient is not null)
        {
            var gradient = probe.Gradient(point.X);
            Close(added, gradient.Select(g => g * point.Seed[0]).ToArray(), "FGradient x seed vs FBackward");
        }
        if (probe.Jacobian is not null)
        {
            CheckJacobian(program, probe, point, trace);
        }
        return Outcome.Passed;
    }

    private static void CheckJacobian(RandomProgram program, Probe probe, SamplePoint point, Baseline trace)
    {
        var jacobian = probe.Jacobian!(point.X);
        if (jacobian.GetLength(0) != program.OutputWidth || jacobian.GetLength(1) != point.X.Length)
        {
            throw new FailureException(FailureKind.WrongGradient, $"FJacobian is {jacobian.GetLength(0)} x {jacobian.GetLength(1)}, expected {program.OutputWidth} x {point.X.Length}");
        }
        var flipped = false;
        var numeric = FiniteDifference.Jacobian(x => Evaluate(probe, x, program.OutputWidth, trace, ref flipped), point.X, Step);
        if (flipped)
        {
            return; // the VJP check above passed at this point; a kink within the step leaves the Jacobian untested here
        }
        var analytic = new List<double>();
        var expected = new List<double>();
        for (var i = 0; i < program.OutputWidth; i++)
        {
            for (var j = 0; j < point.X.Length; j++)
            {
                analytic.Add(jacobian[i, j]);
                expected.Add(numeric[i, j]);
            }
        }
        var check = GradientCheck.Compare(analytic.ToArray(), expected.ToArray(), RelativeTolerance, AbsoluteTolerance);
        if (!check.Passed)
        {
            throw new FailureException(FailureKind.WrongGradient,
                $"FJacobian (row-major) differs from finite differences: {check}\n   analytic {Show(analytic.ToArray())}\n   numeric  {Show(expected.ToArray())}");
        }
    }

    /// <summary>seedᵀ·J from one forward-mode sweep of the twin per input.</summary>
    private static double[] DualVectorJacobianProduct(Probe probe, SamplePoint point, int outputs)
    {
        var product = new double[point.X.Length];
        for (var j = 0; j < product.Length; j++)
        {
            var tangent = new double[outputs];
            probe.Twin(point.X, j, new List<int>(), new List<double>(), false, tangent);
            for (var i = 0; i < outputs; i++)
            {
                product[j] += point.Seed[i] * tangent[i];
            }
        }
        return product;
    }

    /// <summary>
    /// Central finite differences of seed · F at the point (of the twin with Gradient.Stop values
    /// frozen, when the program stops a gradient); null when a decision flips within the step.
    /// </summary>
    private static double[]? Numeric(Probe probe, SamplePoint point, Baseline trace, double h)
    {
        var flipped = false;
        var vjp = FiniteDifference.VectorJacobianProduct(x => Evaluate(probe, x, point.Seed.Length, trace, ref flipped), point.X, point.Seed, h);
        return flipped ? null : vjp;
    }

    /// <summary>
    /// The decisions and stopped values at the sample point; whether finite differences go through
    /// the twin replaying the stopped values (programs with Gradient.Stop) instead of F itself.
    /// </summary>
    private sealed record Baseline(List<int> Decisions, List<double> Stops, bool ThroughTwin);

    private static double[] Evaluate(Probe probe, double[] x, int outputs, Baseline baseline, ref bool flipped)
    {
        var decisions = new List<int>();
        var values = probe.Twin(x, -1, decisions, baseline.Stops, true, new double[outputs]);
        flipped |= !decisions.SequenceEqual(baseline.Decisions);
        return baseline.ThroughTwin ? values : probe.Forward(x);
    }

    private static void Identical(double[] expected, double[] actual, string what)
    {
        if (!expected.SequenceEqual(actual))
        {
            throw new FailureException(FailureKind.WrongValue, $"{what} is {Show(actual)}, F returns {Show(expected)}");
        }
    }

    private static void Close(double[] expected, double[] actual, string what)
    {
        var check = GradientCheck.Compare(actual, expected, Tight, 1e-12);
        if (!check.Passed)
        {
            throw new FailureException(FailureKind.WrongGradient, $"{what}: {check}\n   expected {Show(expected)}\n   actual   {Show(actual)}");
        }
    }

    public static string Show(IEnumerable<double> values) =>
        "[" + string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]";
}
