using System;
using System.Collections.Generic;
using System.Linq;
using SourceGen.Autodiff.EndToEnd.Tests.Corpus.Natural;
using SourceGen.Autodiff.EndToEnd.Tests.Harness;
using Xunit;

namespace SourceGen.Autodiff.EndToEnd.Tests;

/// <summary>
/// Helpers that are not scalar (issue 10), called the way their authors wrote them: every
/// generated member of each caller against central differences of the caller itself.
/// </summary>
public sealed class NaturalHelpersTests
{
    private static readonly double[] Lengths = [1.0, 0.7, 0.4];
    private static readonly double[] Target = [0.9, 1.1];
    private static readonly double[] Input = [0.5, -1.2, 2.0];

    private static IEnumerable<DiffCase> Cases()
    {
        // Flat inputs [r0, r1, p0, p1]: r a scaled rotation, p a point.
        double[] rp = [0.8, 0.45, 1.3, -0.6];
        yield return TwoPairs("Loss", rp,
            (r, p) => HelpersKinematics.Loss(r, p),
            (r, p, s, rg, pg) => HelpersKinematics.LossBackward(r, p, s, rg, pg),
            (r, p) => HelpersKinematics.LossGradient(r, p),
            (r, p) => { var b = HelpersKinematics.LossPullback(r, p); return (b.Value, (s, rg, pg) => b.Backward(s, rg, pg)); });
        yield return TwoPairs("RepeatedSum", rp,
            (r, p) => HelpersKinematics.RepeatedSum(r, p, 3),
            (r, p, s, rg, pg) => HelpersKinematics.RepeatedSumBackward(r, p, 3, s, rg, pg),
            (r, p) => HelpersKinematics.RepeatedSumGradient(r, p, 3),
            (r, p) => { var b = HelpersKinematics.RepeatedSumPullback(r, p, 3); return (b.Value, (s, rg, pg) => b.Backward(s, rg, pg)); });
        yield return TwoPairs("Orbit", rp,
            (r, p) => HelpersKinematics.Orbit(r, p, 4),
            (r, p, s, rg, pg) => HelpersKinematics.OrbitBackward(r, p, 4, s, rg, pg),
            (r, p) => HelpersKinematics.OrbitGradient(r, p, 4),
            (r, p) => { var b = HelpersKinematics.OrbitPullback(r, p, 4); return (b.Value, (s, rg, pg) => b.Backward(s, rg, pg)); });
        yield return TwoPairs("TipDistance", rp,
            (r, p) => HelpersKinematics.TipDistance(r, p),
            (r, p, s, rg, pg) => HelpersKinematics.TipDistanceBackward(r, p, s, rg, pg),
            (r, p) => HelpersKinematics.TipDistanceGradient(r, p),
            (r, p) => { var b = HelpersKinematics.TipDistancePullback(r, p); return (b.Value, (s, rg, pg) => b.Backward(s, rg, pg)); });
        yield return new DiffCase
        {
            Name = "RotateTwice",
            Point = rp,
            Seed = SpanCaseBuilder.SeedOf(2),
            Forward = v => SpanCaseBuilder.WithOutput(2, y => HelpersKinematics.RotateTwice(v.AsSpan(0, 2), v.AsSpan(2), y)),
            Backward = (v, s, g) => SpanCaseBuilder.WithOutput(2, y => HelpersKinematics.RotateTwiceBackward(v.AsSpan(0, 2), v.AsSpan(2), y, s, g.AsSpan(0, 2), g.AsSpan(2))),
            Pullback = v =>
            {
                var y = new double[2];
                var b = HelpersKinematics.RotateTwicePullback(v.AsSpan(0, 2), v.AsSpan(2), y);
                return new PullbackRun(y, (s, g) => b.Backward(s, g.AsSpan(0, 2), g.AsSpan(2)));
            },
            Jacobian = v => HelpersKinematics.RotateTwiceJacobian(v.AsSpan(0, 2), v.AsSpan(2), new double[2]),
        };
        yield return new DiffCase
        {
            Name = "ReachError",
            Point = [0.3, -0.8, 1.1],
            Seed = [0.7],
            Forward = a => [HelpersKinematics.ReachError(a, Lengths, Target)],
            Backward = (a, s, g) => [HelpersKinematics.ReachErrorBackward(a, Lengths, Target, s[0], g)],
            Gradient = a => HelpersKinematics.ReachErrorGradient(a, Lengths, Target),
            Pullback = a =>
            {
                var b = HelpersKinematics.ReachErrorPullback(a, Lengths, Target);
                return new PullbackRun([b.Value], (s, g) => b.Backward(s[0], g));
            },
        };
        // Flat inputs [w1 (2×3), b1 (2), w2 (1×2), b2 (1)].
        yield return new DiffCase
        {
            Name = "TwoLayerLoss",
            Point = [0.2, -0.4, 0.6, 0.1, 0.3, -0.5, 0.05, -0.1, 0.9, -0.7, 0.15],
            Seed = [0.7],
            Forward = v => [HelpersLayers.TwoLayerLoss(v.AsSpan(0, 6), v.AsSpan(6, 2), v.AsSpan(8, 2), v.AsSpan(10, 1), Input, 0.25)],
            Backward = (v, s, g) => [HelpersLayers.TwoLayerLossBackward(v.AsSpan(0, 6), v.AsSpan(6, 2), v.AsSpan(8, 2), v.AsSpan(10, 1), Input, 0.25, s[0],
                g.AsSpan(0, 6), g.AsSpan(6, 2), g.AsSpan(8, 2), g.AsSpan(10, 1))],
            Gradient = v => Flat.Of(HelpersLayers.TwoLayerLossGradient(v.AsSpan(0, 6), v.AsSpan(6, 2), v.AsSpan(8, 2), v.AsSpan(10, 1), Input, 0.25)),
            Pullback = v =>
            {
                var b = HelpersLayers.TwoLayerLossPullback(v.AsSpan(0, 6), v.AsSpan(6, 2), v.AsSpan(8, 2), v.AsSpan(10, 1), Input, 0.25);
                return new PullbackRun([b.Value], (s, g) => b.Backward(s[0], g.AsSpan(0, 6), g.AsSpan(6, 2), g.AsSpan(8, 2), g.AsSpan(10, 1)));
            },
        };
    }

    private static IEnumerable<DiffCase> ClassifierCases()
    {
        double[] z = [0.4, -1.3, 2.2, 0.9];
        yield return new DiffCase
        {
            Name = "CrossEntropy",
            Point = z,
            Seed = [0.7],
            Forward = v => [HelpersClassifier.CrossEntropy(v, 2)],
            Backward = (v, s, g) => [HelpersClassifier.CrossEntropyBackward(v, 2, s[0], g)],
            Gradient = v => HelpersClassifier.CrossEntropyGradient(v, 2),
            Pullback = v =>
            {
                var b = HelpersClassifier.CrossEntropyPullback(v, 2);
                return new PullbackRun([b.Value], (s, g) => b.Backward(s[0], g));
            },
            // ∂/∂z = softmax(z) - onehot(label).
            ExactVjp = (v, s) =>
            {
                double[] p = HelpersClassifier.Softmax(v);
                p[2] -= 1;
                return Vectors.Scale(p, s[0]);
            },
        };
        // w: 3 classes × 2 features.
        yield return new DiffCase
        {
            Name = "SampleLoss",
            Point = [0.3, -0.2, 0.8, 0.5, -0.6, 0.1],
            Seed = [0.7],
            Forward = v => [HelpersClassifier.SampleLoss(v, Features, 1)],
            Backward = (v, s, g) => [HelpersClassifier.SampleLossBackward(v, Features, 1, s[0], g)],
            Gradient = v => HelpersClassifier.SampleLossGradient(v, Features, 1),
            Pullback = v =>
            {
                var b = HelpersClassifier.SampleLossPullback(v, Features, 1);
                return new PullbackRun([b.Value], (s, g) => b.Backward(s[0], g));
            },
        };
        // Flat input [z0..z3, temperature].
        double[] zt = [0.4, -1.3, 2.2, 0.9, 1.7];
        yield return new DiffCase
        {
            Name = "Tempered",
            Point = zt,
            Seed = SpanCaseBuilder.SeedOf(4),
            Forward = v => HelpersClassifier.Tempered(v.AsSpan(0, 4), v[4]),
            Backward = (v, s, g) => HelpersClassifier.TemperedBackward(v.AsSpan(0, 4), v[4], s, g.AsSpan(0, 4), ref g[4]),
            Pullback = v =>
            {
                var b = HelpersClassifier.TemperedPullback(v.AsSpan(0, 4), v[4]);
                return new PullbackRun(b.Value, (s, g) => b.Backward(s, g.AsSpan(0, 4), ref g[4]));
            },
            Jacobian = v => HelpersClassifier.TemperedJacobian(v.AsSpan(0, 4), v[4]),
        };
        yield return new DiffCase
        {
            Name = "ExpectedClass",
            Point = zt,
            Seed = [0.7],
            Forward = v => [HelpersClassifier.ExpectedClass(v.AsSpan(0, 4), v[4])],
            Backward = (v, s, g) => [HelpersClassifier.ExpectedClassBackward(v.AsSpan(0, 4), v[4], s[0], g.AsSpan(0, 4), ref g[4])],
            Gradient = v => Flat.Of(HelpersClassifier.ExpectedClassGradient(v.AsSpan(0, 4), v[4])),
            Pullback = v =>
            {
                var b = HelpersClassifier.ExpectedClassPullback(v.AsSpan(0, 4), v[4]);
                return new PullbackRun([b.Value], (s, g) => b.Backward(s[0], g.AsSpan(0, 4), ref g[4]));
            },
        };
    }

    private static readonly double[] Features = [1.5, -0.4];

    private static IEnumerable<DiffCase> VectorCases()
    {
        // Flat input [u0, u1, v0, v1, a, b].
        yield return new DiffCase
        {
            Name = "Combination",
            Point = [0.3, -0.7, 1.2, 0.4, 0.8, -1.3],
            Seed = [0.7],
            Forward = w => [HelpersVectors.Combination(w.AsSpan(0, 2), w.AsSpan(2, 2), w[4], w[5])],
            Backward = (w, s, g) => [HelpersVectors.CombinationBackward(w.AsSpan(0, 2), w.AsSpan(2, 2), w[4], w[5], s[0], g.AsSpan(0, 2), g.AsSpan(2, 2), ref g[4], ref g[5])],
            Gradient = w => Flat.Of(HelpersVectors.CombinationGradient(w.AsSpan(0, 2), w.AsSpan(2, 2), w[4], w[5])),
            Pullback = w =>
            {
                var b = HelpersVectors.CombinationPullback(w.AsSpan(0, 2), w.AsSpan(2, 2), w[4], w[5]);
                return new PullbackRun([b.Value], (s, g) => b.Backward(s[0], g.AsSpan(0, 2), g.AsSpan(2, 2), ref g[4], ref g[5]));
            },
        };
        // Flat input [x0 (3), k], 4 steps into a 3-element output.
        yield return new DiffCase
        {
            Name = "Decay",
            Point = [0.9, -0.5, 1.4, 0.6],
            Seed = SpanCaseBuilder.SeedOf(3),
            Forward = w => SpanCaseBuilder.WithOutput(3, x => HelpersVectors.Decay(w.AsSpan(0, 3), w[3], 4, x)),
            Backward = (w, s, g) => SpanCaseBuilder.WithOutput(3, x => HelpersVectors.DecayBackward(w.AsSpan(0, 3), w[3], 4, x, s, g.AsSpan(0, 3), ref g[3])),
            Pullback = w =>
            {
                var x = new double[3];
                var b = HelpersVectors.DecayPullback(w.AsSpan(0, 3), w[3], 4, x);
                return new PullbackRun(x, (s, g) => b.Backward(s, g.AsSpan(0, 3), ref g[3]));
            },
            Jacobian = w => HelpersVectors.DecayJacobian(w.AsSpan(0, 3), w[3], 4, new double[3]),
        };
        yield return new DiffCase
        {
            Name = "AfterReset",
            Point = [0.9, -0.5, 1.4],
            Seed = [0.7],
            Forward = w => [HelpersReset.AfterReset(w)],
            Backward = (w, s, g) => [HelpersReset.AfterResetBackward(w, s[0], g)],
            Gradient = w => HelpersReset.AfterResetGradient(w),
            Pullback = w =>
            {
                var b = HelpersReset.AfterResetPullback(w);
                return new PullbackRun([b.Value], (s, g) => b.Backward(s[0], g));
            },
            // y = (0, 1, x2²): the value is 0 + x2² + x2², so only x2 has a gradient, 4 x2.
            ExactVjp = (w, s) => [0, 0, 4 * w[2] * s[0]],
        };
        foreach (double a in new[] { 0.8, -0.6 })
        {
            yield return new DiffCase
            {
                Name = $"Branchy({a})",
                Point = [0.3, -0.7, a],
                Seed = [0.7],
                Forward = w => [HelpersVectors.Branchy(w.AsSpan(0, 2), w[2])],
                Backward = (w, s, g) => [HelpersVectors.BranchyBackward(w.AsSpan(0, 2), w[2], s[0], g.AsSpan(0, 2), ref g[2])],
                Gradient = w => Flat.Of(HelpersVectors.BranchyGradient(w.AsSpan(0, 2), w[2])),
                Pullback = w =>
                {
                    var b = HelpersVectors.BranchyPullback(w.AsSpan(0, 2), w[2]);
                    return new PullbackRun([b.Value], (s, g) => b.Backward(s[0], g.AsSpan(0, 2), ref g[2]));
                },
            };
        }
    }

    private static IEnumerable<DiffCase> FieldCases()
    {
        // Flat input [x, y, a]; the tuple flattened [dx, dy].
        yield return new DiffCase
        {
            Name = "Field",
            Point = [0.7, -1.2, 1.3],
            Seed = [0.7, -1.1],
            Forward = w => Flat.Of(HelpersField.Field(w[0], w[1], w[2])),
            Backward = (w, s, g) => Flat.Of(HelpersField.FieldBackward(w[0], w[1], w[2], s[0], s[1], ref g[0], ref g[1], ref g[2])),
            Pullback = w =>
            {
                var b = HelpersField.FieldPullback(w[0], w[1], w[2]);
                return new PullbackRun(Flat.Of(b.Value), (s, g) => b.Backward(s[0], s[1], ref g[0], ref g[1], ref g[2]));
            },
            Jacobian = w => HelpersField.FieldJacobian(w[0], w[1], w[2]),
            // dx = a x y, dy = a (x - y).
            ExactVjp = (w, s) => [s[0] * w[2] * w[1] + s[1] * w[2], s[0] * w[2] * w[0] - s[1] * w[2], s[0] * w[0] * w[1] + s[1] * (w[0] - w[1])],
        };
        foreach (var (name, run) in new (string, Func<double, double, double, double>)[] { ("Integrate", (x, y, a) => HelpersField.Integrate(x, y, a, 5)), ("Midpoint", HelpersField.Midpoint), ("Work", HelpersField.Work) })
        {
            yield return new DiffCase
            {
                Name = name,
                Point = [0.7, -1.2, 0.4],
                Seed = [0.7],
                Forward = w => [run(w[0], w[1], w[2])],
                Backward = (w, s, g) => [name switch
                {
                    "Integrate" => HelpersField.IntegrateBackward(w[0], w[1], w[2], 5, s[0], ref g[0], ref g[1], ref g[2]),
                    "Work" => HelpersField.WorkBackward(w[0], w[1], w[2], s[0], ref g[0], ref g[1], ref g[2]),
                    _ => HelpersField.MidpointBackward(w[0], w[1], w[2], s[0], ref g[0], ref g[1], ref g[2]),
                }],
                Gradient = w => Flat.Of(name switch
                {
                    "Integrate" => HelpersField.IntegrateGradient(w[0], w[1], w[2], 5),
                    "Work" => HelpersField.WorkGradient(w[0], w[1], w[2]),
                    _ => HelpersField.MidpointGradient(w[0], w[1], w[2]),
                }),
                Pullback = w =>
                {
                    if (name == "Integrate")
                    {
                        var b = HelpersField.IntegratePullback(w[0], w[1], w[2], 5);
                        return new PullbackRun([b.Value], (s, g) => b.Backward(s[0], ref g[0], ref g[1], ref g[2]));
                    }
                    if (name == "Work")
                    {
                        var k = HelpersField.WorkPullback(w[0], w[1], w[2]);
                        return new PullbackRun([k.Value], (s, g) => k.Backward(s[0], ref g[0], ref g[1], ref g[2]));
                    }
                    var m = HelpersField.MidpointPullback(w[0], w[1], w[2]);
                    return new PullbackRun([m.Value], (s, g) => m.Backward(s[0], ref g[0], ref g[1], ref g[2]));
                },
            };
        }
    }

    private static IEnumerable<DiffCase> All() => Cases().Concat(ClassifierCases()).Concat(VectorCases()).Concat(FieldCases());

    private delegate void PairBackward(double seed, Span<double> rGrad, Span<double> pGrad);

    /// <summary>A scalar method of two 2-element arrays or spans, flat input [r0, r1, p0, p1].</summary>
    private static DiffCase TwoPairs(
        string name,
        double[] point,
        Func<double[], double[], double> method,
        Func<double[], double[], double, Span<double>, Span<double>, double> backward,
        Func<double[], double[], (double[], double[])> gradient,
        Func<double[], double[], (double Value, PairBackward Backward)> pullback) => new()
        {
            Name = name,
            Point = point,
            Seed = [0.7],
            Forward = v => [method(v[..2], v[2..])],
            Backward = (v, s, g) => [backward(v[..2], v[2..], s[0], g.AsSpan(0, 2), g.AsSpan(2))],
            Gradient = v => Flat.Of(gradient(v[..2], v[2..])),
            Pullback = v =>
            {
                var (value, back) = pullback(v[..2], v[2..]);
                return new PullbackRun([value], (s, g) => back(s[0], g.AsSpan(0, 2), g.AsSpan(2)));
            },
        };

    public static TheoryData<string> Names() => new(All().Select(c => c.Name));

    private static DiffCase Get(string name) => All().Single(c => c.Name == name);

    [Theory]
    [MemberData(nameof(Names))]
    public void Backward_returns_the_result(string name) => DiffChecks.BackwardReturnsTheResult(Get(name));

    [Theory]
    [MemberData(nameof(Names))]
    public void Backward_matches_central_differences(string name) => DiffChecks.BackwardMatchesFiniteDifferences(Get(name));

    [Theory]
    [MemberData(nameof(Names))]
    public void Backward_adds_into_its_buffers(string name) => DiffChecks.BackwardAddsIntoBuffers(Get(name));

    [Theory]
    [MemberData(nameof(Names))]
    public void Gradient_matches_central_differences(string name)
    {
        DiffCase c = Get(name);
        if (c.Gradient is not null)
        {
            DiffChecks.GradientMatchesFiniteDifferences(c);
        }
        else if (c.Jacobian is not null)
        {
            DiffChecks.JacobianMatchesFiniteDifferences(c);
        }
    }

    [Theory]
    [InlineData("CrossEntropy")]
    [InlineData("AfterReset")]
    [InlineData("Field")]
    public void Backward_matches_the_hand_derived_gradient(string name) => DiffChecks.BackwardMatchesExactFormula(Get(name));

    [Theory]
    [MemberData(nameof(Names))]
    public void Pullback_backward_twice_gives_twice(string name) => DiffChecks.PullbackBackwardTwiceGivesTwice(Get(name));

    /// <summary>Rotate((cos t, sin t), p) is p turned by t: Loss = q0² + q1 has the closed-form gradient below.</summary>
    [Fact]
    public void Loss_matches_the_hand_derived_gradient()
    {
        double[] r = [0.8, 0.45], p = [1.3, -0.6];
        double q0 = r[0] * p[0] - r[1] * p[1];
        double[] rGrad = new double[2], pGrad = new double[2];
        HelpersKinematics.LossBackward(r, p, 1, rGrad, pGrad);
        // ∂/∂r0 = 2 q0 p0 + p1, ∂/∂r1 = -2 q0 p1 + p0, ∂/∂p0 = 2 q0 r0 + r1, ∂/∂p1 = -2 q0 r1 + r0.
        Assert.Equal(2 * q0 * p[0] + p[1], rGrad[0], 12);
        Assert.Equal(-2 * q0 * p[1] + p[0], rGrad[1], 12);
        Assert.Equal(2 * q0 * r[0] + r[1], pGrad[0], 12);
        Assert.Equal(-2 * q0 * r[1] + r[0], pGrad[1], 12);
    }

    /// <summary>The callers allocate their local arrays; their backwards allocate exactly that and nothing more.</summary>
    [Fact]
    public void Backwards_calling_span_helpers_allocate_only_what_the_method_does()
    {
        double[] r = [0.8, 0.45], p = [1.3, -0.6], rGrad = new double[2], pGrad = new double[2], tip = new double[2], seed = [0.7, -1.1];
        double[] angles = [0.3, -0.8, 1.1], anglesGrad = new double[3];
        long forward = Allocations.InSteadyState(() =>
        {
            HelpersKinematics.Orbit(r, p, 4);
            HelpersKinematics.RotateTwice(r, p, tip);
            HelpersKinematics.ReachError(angles, Lengths, Target);
        });
        long backward = Allocations.InSteadyState(() =>
        {
            HelpersKinematics.OrbitBackward(r, p, 4, 0.7, rGrad, pGrad);
            HelpersKinematics.RotateTwiceBackward(r, p, tip, seed, rGrad, pGrad);
            HelpersKinematics.ReachErrorBackward(angles, Lengths, Target, 0.7, anglesGrad);
        });
        Assert.True(forward > 0);
        Assert.Equal(forward, backward);
    }

    /// <summary>Through a caller of a caller (taped entry points), with array results and Span outputs in loops: the same.</summary>
    [Fact]
    public void Backwards_through_nested_helpers_allocate_only_what_the_methods_do()
    {
        double[] r = [0.8, 0.45], p = [1.3, -0.6], rGrad = new double[2], pGrad = new double[2];
        double[] z = [0.4, -1.3, 2.2, 0.9], zGrad = new double[4], x = new double[3], x0 = [0.9, -0.5, 1.4], x0Grad = new double[3], seed = [0.7, -1.1, 0.2];
        double tGrad = 0, kGrad = 0;
        long forward = Allocations.InSteadyState(() =>
        {
            HelpersKinematics.TipDistance(r, p);
            HelpersClassifier.ExpectedClass(z, 1.7);
            HelpersClassifier.CrossEntropy(z, 2);
            HelpersVectors.Decay(x0, 0.6, 4, x);
        });
        long backward = Allocations.InSteadyState(() =>
        {
            HelpersKinematics.TipDistanceBackward(r, p, 0.7, rGrad, pGrad);
            HelpersClassifier.ExpectedClassBackward(z, 1.7, 0.7, zGrad, ref tGrad);
            HelpersClassifier.CrossEntropyBackward(z, 2, 0.7, zGrad);
            HelpersVectors.DecayBackward(x0, 0.6, 4, x, seed, x0Grad, ref kGrad);
        });
        Assert.True(forward > 0);
        Assert.Equal(forward, backward);
    }
}
