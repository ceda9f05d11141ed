using System;
using System.Collections.Generic;
using System.Linq;
using SourceGen.Autodiff.EndToEnd.Tests.Corpus.Natural;
using SourceGen.Autodiff.EndToEnd.Tests.Harness;
using Xunit;

namespace SourceGen.Autodiff.EndToEnd.Tests;

/// <summary>
/// The natural array programs (Corpus/Natural/Arrays*.cs): every generated member against central
/// finite differences of the method as written.
/// </summary>
public sealed class NaturalArraysTests
{
    public static TheoryData<string> Names() => new(Cases.Keys);

    public static TheoryData<string> WithGradient() => new(Cases.Where(c => c.Value.Gradient is not null).Select(c => c.Key));

    public static TheoryData<string> WithJacobian() => new(Cases.Where(c => c.Value.Jacobian is not null).Select(c => c.Key));

    [Theory]
    [MemberData(nameof(Names))]
    public void Backward_returns_the_methods_result(string name) => DiffChecks.BackwardReturnsTheResult(Cases[name]);

    [Theory]
    [MemberData(nameof(Names))]
    public void Backward_matches_central_differences(string name) => DiffChecks.BackwardMatchesFiniteDifferences(Cases[name]);

    [Theory]
    [MemberData(nameof(Names))]
    public void Backward_adds_into_its_buffers(string name) => DiffChecks.BackwardAddsIntoBuffers(Cases[name]);

    [Theory]
    [MemberData(nameof(WithGradient))]
    public void Gradient_matches_central_differences(string name) => DiffChecks.GradientMatchesFiniteDifferences(Cases[name]);

    [Theory]
    [MemberData(nameof(Names))]
    public void Pullback_backward_twice_gives_twice(string name) => DiffChecks.PullbackBackwardTwiceGivesTwice(Cases[name]);

    [Theory]
    [MemberData(nameof(WithJacobian))]
    public void Jacobian_matches_central_differences(string name) => DiffChecks.JacobianMatchesFiniteDifferences(Cases[name]);

    [Fact]
    public void Rnn_with_no_steps_is_the_sum_of_its_start()
    {
        var (wGrad, x0Grad) = ArraysInLoops.RnnGradient([0.5, -0.25, 1], [0.3, 0.1, -0.7], 0);
        Assert.Equal([0, 0, 0], wGrad);
        Assert.Equal([1, 1, 1], x0Grad);
    }

    [Fact]
    public void A_window_outside_its_array_throws_as_the_method_does()
    {
        double[] x = [0.4, -1.1, 0.8];
        Assert.Throws<ArgumentOutOfRangeException>(() => ArraysSliced.WeightedTail(x, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => ArraysSliced.WeightedTailBackward(x, 4, 1, new double[3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ArraysSliced.MovingAverageJacobian([1, 2, 3, 4], -1));
    }

    private static readonly double[] W = [0.9, -0.6, 1.3, 0.4];
    private static readonly double[] X0 = [0.5, -0.8, 0.2, 1.1];
    private static readonly double[] Batch = [0.5, -1, 0.25, 1.5, 0.3, -0.7];
    private static readonly double[] Rod = [0, 0.4, 1.2, 0.7, -0.3, 0];

    private static readonly Dictionary<string, DiffCase> Cases = new DiffCase[]
    {
        TwoArrays("Rnn", [.. W, .. X0], 4, (a, b) => ArraysInLoops.Rnn(a, b, 3),
            (a, b, s, ga, gb) => ArraysInLoops.RnnBackward(a, b, 3, s, ga, gb), (a, b) => ArraysInLoops.RnnGradient(a, b, 3),
            (a, b) => { var r = ArraysInLoops.RnnPullback(a, b, 3); return (r.Value, (s, ga, gb) => r.Backward(s, ga, gb)); }),
        new()
        {
            Name = "RnnLoss (taped call)",
            Point = [.. W, .. X0, 0.25],
            Seed = [1.3],
            Forward = p => [ArraysInLoops.RnnLoss(p[..4], p[4..8], p[8])],
            Backward = (p, s, g) =>
            {
                double targetGrad = g[8];
                double value = ArraysInLoops.RnnLossBackward(p[..4], p[4..8], p[8], s[0], g.AsSpan(0, 4), g.AsSpan(4, 4), ref targetGrad);
                g[8] = targetGrad;
                return [value];
            },
            Gradient = p =>
            {
                var (w, x0, target) = ArraysInLoops.RnnLossGradient(p[..4], p[4..8], p[8]);
                return [.. w, .. x0, target];
            },
            Pullback = p =>
            {
                var run = ArraysInLoops.RnnLossPullback(p[..4], p[4..8], p[8]);
                return new PullbackRun([run.Value], (s, g) =>
                {
                    double targetGrad = g[8];
                    run.Backward(s[0], g.AsSpan(0, 4), g.AsSpan(4, 4), ref targetGrad);
                    g[8] = targetGrad;
                });
            },
        },
        SpanAndScalar("HeatEnergy (tuple swap)", [.. Rod, 0.2], p => ArraysInLoops.HeatEnergy(p[..^1], p[^1], 5),
            (p, s, g, ref a) => ArraysInLoops.HeatEnergyBackward(p[..^1], p[^1], 5, s, g, ref a),
            p => ArraysInLoops.HeatEnergyGradient(p[..^1], p[^1], 5),
            p => { var r = ArraysInLoops.HeatEnergyPullback(p[..^1], p[^1], 5); return (r.Value, (s, g, ref a) => r.Backward(s, g, ref a)); }),
        SpanAndScalar("Relax (h = hNext, then hNext = new)", [0.4, -1.1, 0.8, 1.5, 0.3], p => ArraysInLoops.Relax(p[..^1], p[^1], 4),
            (p, s, g, ref a) => ArraysInLoops.RelaxBackward(p[..^1], p[^1], 4, s, g, ref a),
            p => ArraysInLoops.RelaxGradient(p[..^1], p[^1], 4),
            p => { var r = ArraysInLoops.RelaxPullback(p[..^1], p[^1], 4); return (r.Value, (s, g, ref a) => r.Backward(s, g, ref a)); }),
        new()
        {
            Name = "HeatProfile (swap through a temporary)",
            Point = [.. Rod, 0.15],
            Seed = [0.3, -0.5, 1.1, 0.9, -0.2, 0.6],
            Forward = p => ArraysInLoops.HeatProfile(p[..^1], p[^1], 4),
            Backward = (p, s, g) =>
            {
                double alphaGrad = g[^1];
                var value = ArraysInLoops.HeatProfileBackward(p[..^1], p[^1], 4, s, g.AsSpan(0, g.Length - 1), ref alphaGrad);
                g[^1] = alphaGrad;
                return value;
            },
            Jacobian = p => ArraysInLoops.HeatProfileJacobian(p[..^1], p[^1], 4),
            Pullback = p =>
            {
                var run = ArraysInLoops.HeatProfilePullback(p[..^1], p[^1], 4);
                return new PullbackRun(run.Value, (s, g) =>
                {
                    double alphaGrad = g[^1];
                    run.Backward(s, g.AsSpan(0, g.Length - 1), ref alphaGrad);
                    g[^1] = alphaGrad;
                });
            },
        },
        new()
        {
            Name = "Oscillator (stages allocated per step)",
            Point = [1, -0.3, 2.5, 0.4],
            Seed = [0.8, -1.2],
            Forward = p => ArraysInLoops.Oscillator(p[..2], p[2], p[3], 12),
            Backward = (p, s, g) =>
            {
                double kGrad = g[2], cGrad = g[3];
                var value = ArraysInLoops.OscillatorBackward(p[..2], p[2], p[3], 12, s, g.AsSpan(0, 2), ref kGrad, ref cGrad);
                g[2] = kGrad;
                g[3] = cGrad;
                return value;
            },
            Jacobian = p => ArraysInLoops.OscillatorJacobian(p[..2], p[2], p[3], 12),
            Pullback = p =>
            {
                var run = ArraysInLoops.OscillatorPullback(p[..2], p[2], p[3], 12);
                return new PullbackRun(run.Value, (s, g) =>
                {
                    double kGrad = g[2], cGrad = g[3];
                    run.Backward(s, g.AsSpan(0, 2), ref kGrad, ref cGrad);
                    g[2] = kGrad;
                    g[3] = cGrad;
                });
            },
        },
        Vector("Norm centered (array created in a branch)", [0.4, -1.1, 0.8, 1.5], p => ArraysInLoops.Norm(p, true),
            (p, s, g) => ArraysInLoops.NormBackward(p, true, s, g), p => ArraysInLoops.NormGradient(p, true),
            p => { var r = ArraysInLoops.NormPullback(p, true); return (r.Value, (s, g) => r.Backward(s, g)); }),
        Vector("Norm as is (the other branch)", [0.4, -1.1, 0.8, 1.5], p => ArraysInLoops.Norm(p, false),
            (p, s, g) => ArraysInLoops.NormBackward(p, false, s, g), p => ArraysInLoops.NormGradient(p, false),
            p => { var r = ArraysInLoops.NormPullback(p, false); return (r.Value, (s, g) => r.Backward(s, g)); }),
        Vector("PathLength (Span over a new array per segment)", [0, 0, 0, 1, 0.5, -0.2, 1.7, 1.1, 0.4, 2.1, 0.3, 1.2], ArraysAsSpans.PathLength,
            (p, s, g) => ArraysAsSpans.PathLengthBackward(p, s, g), ArraysAsSpans.PathLengthGradient,
            p => { var r = ArraysAsSpans.PathLengthPullback(p); return (r.Value, (s, g) => r.Backward(s, g)); }),
        TwoArrays("TorqueMagnitude (stackalloc 3-vector)", [0.3, -1.2, 0.8, 2.1, 0.4, -0.6], 3, ArraysAsSpans.TorqueMagnitude,
            (a, b, s, ga, gb) => ArraysAsSpans.TorqueMagnitudeBackward(a, b, s, ga, gb), ArraysAsSpans.TorqueMagnitudeGradient,
            (a, b) => { var r = ArraysAsSpans.TorqueMagnitudePullback(a, b); return (r.Value, (s, ga, gb) => r.Backward(s, ga, gb)); }),
        SpanAndScalar("Trapezoid (y[^1])", [0.3, 1.2, -0.4, 0.8, 2.0, 0.05], p => ArraysFromTheEnd.Trapezoid(p[..^1], p[^1]),
            (p, s, g, ref a) => ArraysFromTheEnd.TrapezoidBackward(p[..^1], p[^1], s, g, ref a),
            p => ArraysFromTheEnd.TrapezoidGradient(p[..^1], p[^1]),
            p => { var r = ArraysFromTheEnd.TrapezoidPullback(p[..^1], p[^1]); return (r.Value, (s, g, ref a) => r.Backward(s, g, ref a)); }),
        Vector("Momentum (prices[^1], prices[^k])", [101, 99.5, 102.25, 104, 103.5], p => ArraysFromTheEnd.Momentum(p, 3),
            (p, s, g) => ArraysFromTheEnd.MomentumBackward(p, 3, s, g), p => ArraysFromTheEnd.MomentumGradient(p, 3),
            p => { var r = ArraysFromTheEnd.MomentumPullback(p, 3); return (r.Value, (s, g) => r.Backward(s, g)); }),
        Vector("LastStages (a local array's [^1] and [^2])", [0.9, 1.1, -0.7, 1.3], ArraysFromTheEnd.LastStages,
            (p, s, g) => ArraysFromTheEnd.LastStagesBackward(p, s, g), ArraysFromTheEnd.LastStagesGradient,
            p => { var r = ArraysFromTheEnd.LastStagesPullback(p); return (r.Value, (s, g) => r.Backward(s, g)); }),
        new()
        {
            Name = "MovingAverage (foreach over x.AsSpan(i, k))",
            Point = [1.2, -0.4, 0.9, 2.2, 0.1, -1.3],
            Seed = [0.3, -0.5, 1.1, 0.9],
            Forward = p => ArraysSliced.MovingAverage(p, 3),
            Backward = (p, s, g) => ArraysSliced.MovingAverageBackward(p, 3, s, g),
            Jacobian = p => ArraysSliced.MovingAverageJacobian(p, 3),
            Pullback = p =>
            {
                var run = ArraysSliced.MovingAveragePullback(p, 3);
                return new PullbackRun(run.Value, (s, g) => run.Backward(s, g));
            },
        },
        SpanAndScalar("Trapezoid over a span (foreach over y[1..^1])", [0.3, 1.2, -0.4, 0.8, 2.0, 0.05], p => ArraysSliced.Trapezoid(p[..^1], p[^1]),
            (p, s, g, ref a) => ArraysSliced.TrapezoidBackward(p[..^1], p[^1], s, g, ref a),
            p => ArraysSliced.TrapezoidGradient(p[..^1], p[^1]),
            p => { var r = ArraysSliced.TrapezoidPullback(p[..^1], p[^1]); return (r.Value, (s, g, ref a) => r.Backward(s, g, ref a)); }),
        Vector("SumOfSquaredLogReturns (Slice(1) and [..^1])", [101, 99.5, 102.25, 104, 103.5], p => ArraysSliced.SumOfSquaredLogReturns(p),
            (p, s, g) => ArraysSliced.SumOfSquaredLogReturnsBackward(p, s, g), p => ArraysSliced.SumOfSquaredLogReturnsGradient(p),
            p => { var r = ArraysSliced.SumOfSquaredLogReturnsPullback(p); return (r.Value, (s, g) => r.Backward(s, g)); }),
        Vector("WeightedTail (x[^n..] only read)", [0.4, -1.1, 0.8, 1.5, 0.3], p => ArraysSliced.WeightedTail(p, 3),
            (p, s, g) => ArraysSliced.WeightedTailBackward(p, 3, s, g), p => ArraysSliced.WeightedTailGradient(p, 3),
            p => { var r = ArraysSliced.WeightedTailPullback(p, 3); return (r.Value, (s, g) => r.Backward(s, g)); }),
        Vector("CumulativeMax (ToArray() then written)", [0.4, -1.1, 0.8, 1.5, 0.3], ArraysSliced.CumulativeMax,
            (p, s, g) => ArraysSliced.CumulativeMaxBackward(p, s, g), ArraysSliced.CumulativeMaxGradient,
            p => { var r = ArraysSliced.CumulativeMaxPullback(p); return (r.Value, (s, g) => r.Backward(s, g)); }),
        TwoArrays("HeadAndTail (writes through AsSpan windows)", [0.3, -1.2, 0.8, 2.1, 0.4, -0.6], 3, ArraysSliced.HeadAndTail,
            (a, b, s, ga, gb) => ArraysSliced.HeadAndTailBackward(a, b, s, ga, gb), ArraysSliced.HeadAndTailGradient,
            (a, b) => { var r = ArraysSliced.HeadAndTailPullback(a, b); return (r.Value, (s, ga, gb) => r.Backward(s, ga, gb)); }),
        TwoArrays("BatchLoss (Array.Clear per sample)", [0.3, -0.6, 0.9, 0.2, -0.4, 0.7, 1.1, -0.8], 6,
            (a, b) => ArraysFilledAndCopied.BatchLoss(a, b, Batch, 3),
            (a, b, s, ga, gb) => ArraysFilledAndCopied.BatchLossBackward(a, b, Batch, 3, s, ga, gb), (a, b) => ArraysFilledAndCopied.BatchLossGradient(a, b, Batch, 3),
            (a, b) => { var r = ArraysFilledAndCopied.BatchLossPullback(a, b, Batch, 3); return (r.Value, (s, ga, gb) => r.Backward(s, ga, gb)); }),
        new()
        {
            Name = "Cohorts (AsSpan().Fill(start))",
            Point = [0.2, 0.5, 1.1, 0.8],
            Seed = [0.3, -0.5, 1.1],
            Forward = p => ArraysFilledAndCopied.Cohorts(p[0], p[1..], 4),
            Backward = (p, s, g) =>
            {
                double startGrad = g[0];
                var value = ArraysFilledAndCopied.CohortsBackward(p[0], p[1..], 4, s, ref startGrad, g.AsSpan(1));
                g[0] = startGrad;
                return value;
            },
            Jacobian = p => ArraysFilledAndCopied.CohortsJacobian(p[0], p[1..], 4),
            Pullback = p =>
            {
                var run = ArraysFilledAndCopied.CohortsPullback(p[0], p[1..], 4);
                return new PullbackRun(run.Value, (s, g) =>
                {
                    double startGrad = g[0];
                    run.Backward(s, ref startGrad, g.AsSpan(1));
                    g[0] = startGrad;
                });
            },
        },
        new()
        {
            Name = "VerletEnergy (CopyTo into the previous and current positions)",
            Point = [0.5, -0.8, 1.1, 0.3, 0.2, -0.4, 0.1],
            Seed = [0.7],
            Forward = p => [ArraysFilledAndCopied.VerletEnergy(p[..3], p[3..6], p[6], 6)],
            Backward = (p, s, g) =>
            {
                double dtGrad = g[6];
                double value = ArraysFilledAndCopied.VerletEnergyBackward(p[..3], p[3..6], p[6], 6, s[0], g.AsSpan(0, 3), g.AsSpan(3, 3), ref dtGrad);
                g[6] = dtGrad;
                return [value];
            },
            Gradient = p =>
            {
                var (x0, v0, dt) = ArraysFilledAndCopied.VerletEnergyGradient(p[..3], p[3..6], p[6], 6);
                return [.. x0, .. v0, dt];
            },
            Pullback = p =>
            {
                var run = ArraysFilledAndCopied.VerletEnergyPullback(p[..3], p[3..6], p[6], 6);
                return new PullbackRun([run.Value], (s, g) =>
                {
                    double dtGrad = g[6];
                    run.Backward(s[0], g.AsSpan(0, 3), g.AsSpan(3, 3), ref dtGrad);
                    g[6] = dtGrad;
                });
            },
        },
        SpanAndScalar("PaddedSmooth (Array.Fill, Array.Copy into a window)", [0.4, -1.1, 0.8, 1.5, 0.3], p => ArraysFilledAndCopied.PaddedSmooth(p[..^1], p[^1]),
            (p, s, g, ref a) => ArraysFilledAndCopied.PaddedSmoothBackward(p[..^1], p[^1], s, g, ref a),
            p => ArraysFilledAndCopied.PaddedSmoothGradient(p[..^1], p[^1]),
            p => { var r = ArraysFilledAndCopied.PaddedSmoothPullback(p[..^1], p[^1]); return (r.Value, (s, g, ref a) => r.Backward(s, g, ref a)); }),
    }.ToDictionary(c => c.Name);

    private static double[] Join((double[] First, double[] Second) parts) => [.. parts.First, .. parts.Second];

    private delegate double TwoArraysBackward(double[] a, double[] b, double seed, Span<double> aGrad, Span<double> bGrad);

    private delegate void TwoArraysPullbackBackward(double seed, Span<double> aGrad, Span<double> bGrad);

    /// <summary>double M(double[] a, double[] b): flat point [a..., b...], a of length <paramref name="split"/>.</summary>
    private static DiffCase TwoArrays(string name, double[] point, int split, Func<double[], double[], double> method, TwoArraysBackward backward,
        Func<double[], double[], (double[], double[])> gradient, Func<double[], double[], (double, TwoArraysPullbackBackward)> pullback) => new()
        {
            Name = name,
            Point = point,
            Seed = [0.7],
            Forward = p => [method(p[..split], p[split..])],
            Backward = (p, s, g) => [backward(p[..split], p[split..], s[0], g.AsSpan(0, split), g.AsSpan(split))],
            Gradient = p => Join(gradient(p[..split], p[split..])),
            Pullback = p =>
            {
                var (value, back) = pullback(p[..split], p[split..]);
                return new PullbackRun([value], (s, g) => back(s[0], g.AsSpan(0, split), g.AsSpan(split)));
            },
        };

    private delegate double VectorBackward(double[] x, double seed, Span<double> grad);

    private delegate void VectorPullbackBackward(double seed, Span<double> grad);

    private delegate double SpanScalarBackward(double[] x, double seed, Span<double> grad, ref double scalarGrad);

    private delegate void SpanScalarPullbackBackward(double seed, Span<double> grad, ref double scalarGrad);

    /// <summary>double M(double[] x): a scalar result of one array.</summary>
    private static DiffCase Vector(string name, double[] point, Func<double[], double> method, VectorBackward backward,
        Func<double[], double[]> gradient, Func<double[], (double, VectorPullbackBackward)> pullback) => new()
        {
            Name = name,
            Point = point,
            Seed = [0.7],
            Forward = p => [method(p)],
            Backward = (p, s, g) => [backward(p, s[0], g)],
            Gradient = gradient,
            Pullback = p =>
            {
                var (value, back) = pullback(p);
                return new PullbackRun([value], (s, g) => back(s[0], g));
            },
        };

    /// <summary>double M(double[] x, double a): flat point [x..., a].</summary>
    private static DiffCase SpanAndScalar(string name, double[] point, Func<double[], double> method, SpanScalarBackward backward,
        Func<double[], (double[], double)> gradient, Func<double[], (double, SpanScalarPullbackBackward)> pullback) => new()
        {
            Name = name,
            Point = point,
            Seed = [0.7],
            Forward = p => [method(p)],
            Backward = (p, s, g) =>
            {
                double scalarGrad = g[^1];
                double value = backward(p, s[0], g.AsSpan(0, g.Length - 1), ref scalarGrad);
                g[^1] = scalarGrad;
                return [value];
            },
            Gradient = p =>
            {
                var (x, a) = gradient(p);
                return [.. x, a];
            },
            Pullback = p =>
            {
                var (value, back) = pullback(p);
                return new PullbackRun([value], (s, g) =>
                {
                    double scalarGrad = g[^1];
                    back(s[0], g.AsSpan(0, g.Length - 1), ref scalarGrad);
                    g[^1] = scalarGrad;
                });
            },
        };
}
