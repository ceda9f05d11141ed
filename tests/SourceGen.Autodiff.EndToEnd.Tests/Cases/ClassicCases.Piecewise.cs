using System;
using SourceGen.Autodiff.EndToEnd.Tests.Corpus;
using SourceGen.Autodiff.EndToEnd.Tests.Harness;
using static SourceGen.Autodiff.EndToEnd.Tests.Harness.ScalarCaseBuilder;
using static SourceGen.Autodiff.EndToEnd.Tests.Harness.SpanCaseBuilder;
using static SourceGen.Autodiff.EndToEnd.Tests.Harness.Vectors;
using static SourceGen.Autodiff.EndToEnd.Tests.Cases.ClassicData;
using static SourceGen.Autodiff.EndToEnd.Tests.Cases.ClassicGradients;

namespace SourceGen.Autodiff.EndToEnd.Tests.Cases;

/// <summary>Piecewise classics of <see cref="ClassicCorpus"/>, each at a point in every piece: Huber, clamp, smooth step, budgets, roots of positives.</summary>
public static partial class ClassicCases
{
    private static DiffCase[] Piecewise { get; } =
    [
        Unary("Huber_inside", 0.6, ClassicCorpus.Huber, ClassicCorpus.HuberBackward, ClassicCorpus.HuberGradient,
            ClassicCorpus.HuberPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            r => r),
        Unary("Huber_above", 2.5, ClassicCorpus.Huber, ClassicCorpus.HuberBackward, ClassicCorpus.HuberGradient,
            ClassicCorpus.HuberPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            r => 1),
        Unary("Huber_below", -1.7, ClassicCorpus.Huber, ClassicCorpus.HuberBackward, ClassicCorpus.HuberGradient,
            ClassicCorpus.HuberPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            r => -1),

        // Residuals 1.3 (> δ), -1.5 (< -δ), 0.15 and -0.3 (inside) with δ = 0.8; flat input [prediction..., δ].
        SpanThenScalar("HuberLoss", [1.5, -2, 0.25, 3, 0.8], (x, d) => ClassicCorpus.HuberLoss(x, HuberTargets, d),
            (x, d, s, gx, ref gd) => ClassicCorpus.HuberLossBackward(x, HuberTargets, d, s, gx, ref gd),
            (x, d) => ClassicCorpus.HuberLossGradient(x, HuberTargets, d), (x, d) => ClassicCorpus.HuberLossPullback(x, HuberTargets, d),
            p => p.Value, (p, s, gx, ref gd) => p.Backward(s, gx, ref gd),
            HuberLossGradient),

        ClampCase("Clamp_below", [-2, -1, 1], [0, 1, 0]),
        ClampCase("Clamp_above", [3, -1, 1], [0, 0, 1]),
        ClampCase("Clamp_inside", [0.3, -1, 1], [1, 0, 0]),

        Binary("SmoothStep_inside", [0.3, 2], ClassicCorpus.SmoothStep, ClassicCorpus.SmoothStepBackward, ClassicCorpus.SmoothStepGradient,
            ClassicCorpus.SmoothStepPullback, p => p.Value, (p, s, ref gt, ref gs) => p.Backward(s, ref gt, ref gs),
            (t, scale) => (scale * 6 * t * (1 - t), t * t * (3 - 2 * t))),
        Binary("SmoothStep_below", [-0.5, 2], ClassicCorpus.SmoothStep, ClassicCorpus.SmoothStepBackward, ClassicCorpus.SmoothStepGradient,
            ClassicCorpus.SmoothStepPullback, p => p.Value, (p, s, ref gt, ref gs) => p.Backward(s, ref gt, ref gs),
            (t, scale) => (0, 0)),
        Binary("SmoothStep_above", [1.5, 2], ClassicCorpus.SmoothStep, ClassicCorpus.SmoothStepBackward, ClassicCorpus.SmoothStepGradient,
            ClassicCorpus.SmoothStepPullback, p => p.Value, (p, s, ref gt, ref gs) => p.Backward(s, ref gt, ref gs),
            (t, scale) => (0, 1)),

        // Sums 1, 2.44; the next (4.69) passes the limit 3: break, even though x3² would still fit.
        SpanThenScalar("SpendBudget", [1, -1.2, 1.5, 0.5, 3], ClassicCorpus.SpendBudget, ClassicCorpus.SpendBudgetBackward,
            ClassicCorpus.SpendBudgetGradient, ClassicCorpus.SpendBudgetPullback, p => p.Value, (p, s, gx, ref gl) => p.Backward(s, gx, ref gl),
            v => [-2 * v[0], -2 * v[1], 0, 0, 1]),

        Scalar("SumOfRootsOfPositives", [1.2, -0.5, 2, -3, 0.7], ClassicCorpus.SumOfRootsOfPositives,
            ClassicCorpus.SumOfRootsOfPositivesBackward, ClassicCorpus.SumOfRootsOfPositivesGradient,
            ClassicCorpus.SumOfRootsOfPositivesPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x => [0.5 / Math.Sqrt(x[0]), 0, 0.5 / Math.Sqrt(x[2]), 0, 0.5 / Math.Sqrt(x[4])]),
    ];

    /// <summary>Clamp(x, lo, hi): flat input [x, lo, hi]; the whole gradient goes to the returned one.</summary>
    private static DiffCase ClampCase(string name, double[] point, double[] gradient) => new()
    {
        Name = name,
        Point = point,
        Seed = [0.7],
        Forward = v => [ClassicCorpus.Clamp(v[0], v[1], v[2])],
        Backward = (v, s, g) => [ClassicCorpus.ClampBackward(v[0], v[1], v[2], s[0], ref g[0], ref g[1], ref g[2])],
        Gradient = v => Flat.Of(ClassicCorpus.ClampGradient(v[0], v[1], v[2])),
        Pullback = v =>
        {
            var p = ClassicCorpus.ClampPullback(v[0], v[1], v[2]);
            return new PullbackRun([p.Value], (s, g) => p.Backward(s[0], ref g[0], ref g[1], ref g[2]));
        },
        ExactVjp = (_, s) => Scale(gradient, s[0]),
    };
}
