using System;
using SourceGen.Autodiff.EndToEnd.Tests.Corpus;
using SourceGen.Autodiff.EndToEnd.Tests.Harness;
using static SourceGen.Autodiff.EndToEnd.Tests.Harness.ScalarCaseBuilder;
using static SourceGen.Autodiff.EndToEnd.Tests.Harness.SpanCaseBuilder;
using static SourceGen.Autodiff.EndToEnd.Tests.Harness.Vectors;

namespace SourceGen.Autodiff.EndToEnd.Tests.Cases;

/// <summary>
/// The looping <see cref="ControlFlowCorpus"/> methods. Where a loop takes a data-dependent exit
/// (break, return, an active loop condition), the points are chosen so that the exit is taken
/// and, for some, so that it is not.
/// </summary>
public static partial class ControlFlowCases
{
    private const int Power = 5;          // PowerLoop's n
    private const int MapSteps = 4;       // WhileLogisticMap's n
    private const int SineSteps = 3;      // DoWhileAtLeastOnce's n
    private const int Columns = 3;        // NestedBreakContinue's cols
    private static readonly double[] SineWeights = [0.5, -1, 2, 1.5]; // NoGradientWeights' w

    private static DiffCase[] Loops { get; } =
    [
        Unary("PowerLoop", 1.3, x => ControlFlowCorpus.PowerLoop(x, Power),
            (double x, double s, ref double g) => ControlFlowCorpus.PowerLoopBackward(x, Power, s, ref g),
            x => ControlFlowCorpus.PowerLoopGradient(x, Power), x => ControlFlowCorpus.PowerLoopPullback(x, Power), p => p.Value,
            (p, s, ref g) => p.Backward(s, ref g),
            x => Power * Math.Pow(x, Power - 1)),
        Unary("PowerLoop_noTrips", 1.3, x => ControlFlowCorpus.PowerLoop(x, 0),
            (double x, double s, ref double g) => ControlFlowCorpus.PowerLoopBackward(x, 0, s, ref g),
            x => ControlFlowCorpus.PowerLoopGradient(x, 0), x => ControlFlowCorpus.PowerLoopPullback(x, 0), p => p.Value,
            (p, s, ref g) => p.Backward(s, ref g),
            x => 0),

        // i = 6, 4, 2, 0 square; i = 1, 5 (odd, not multiples of 3) subtract; i = 3 triples.
        Scalar("AlternatingSum", [1.5, -2, 0.25, 3, -0.5, 1.25, 0.8], ControlFlowCorpus.AlternatingSum,
            ControlFlowCorpus.AlternatingSumBackward, ControlFlowCorpus.AlternatingSumGradient, ControlFlowCorpus.AlternatingSumPullback,
            p => p.Value, (p, s, g) => p.Backward(s, g),
            x => [2 * x[0], -1, 2 * x[2], 3, 2 * x[4], -1, 2 * x[6]]),

        // p = ((x0 + x1)·x2 + x3)·x4 + x5
        Scalar("StepTwo", [0.5, 1.5, -0.8, 1.2, 0.9, -0.4], ControlFlowCorpus.StepTwo, ControlFlowCorpus.StepTwoBackward,
            ControlFlowCorpus.StepTwoGradient, ControlFlowCorpus.StepTwoPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x => [x[2] * x[4], x[2] * x[4], (x[0] + x[1]) * x[4], x[4], (x[0] + x[1]) * x[2] + x[3], 1]),

        Binary("WhileLogisticMap", [0.3, 2.5], (x, r) => ControlFlowCorpus.WhileLogisticMap(x, r, MapSteps),
            (double x, double r, double s, ref double gx, ref double gr) => ControlFlowCorpus.WhileLogisticMapBackward(x, r, MapSteps, s, ref gx, ref gr),
            (x, r) => ControlFlowCorpus.WhileLogisticMapGradient(x, r, MapSteps), (x, r) => ControlFlowCorpus.WhileLogisticMapPullback(x, r, MapSteps),
            p => p.Value, (p, s, ref gx, ref gr) => p.Backward(s, ref gx, ref gr),
            LogisticMapTangents),

        Unary("DoWhileAtLeastOnce", 0.7, x => ControlFlowCorpus.DoWhileAtLeastOnce(x, SineSteps),
            (double x, double s, ref double g) => ControlFlowCorpus.DoWhileAtLeastOnceBackward(x, SineSteps, s, ref g),
            x => ControlFlowCorpus.DoWhileAtLeastOnceGradient(x, SineSteps), x => ControlFlowCorpus.DoWhileAtLeastOncePullback(x, SineSteps),
            p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => SineIterationTangent(x, SineSteps)),
        Unary("DoWhileAtLeastOnce_zero", 0.7, x => ControlFlowCorpus.DoWhileAtLeastOnce(x, 0),
            (double x, double s, ref double g) => ControlFlowCorpus.DoWhileAtLeastOnceBackward(x, 0, s, ref g),
            x => ControlFlowCorpus.DoWhileAtLeastOnceGradient(x, 0), x => ControlFlowCorpus.DoWhileAtLeastOncePullback(x, 0),
            p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => Math.Cos(x) + 1), // one pass: sin(x) + x

        // 1.5⁵ < 10 ≤ 1.5⁶: y = x⁶; 4 < 10 ≤ 4²: y = x².
        Unary("DoWhileActiveCondition_six", 1.5, ControlFlowCorpus.DoWhileActiveCondition, ControlFlowCorpus.DoWhileActiveConditionBackward,
            ControlFlowCorpus.DoWhileActiveConditionGradient, ControlFlowCorpus.DoWhileActiveConditionPullback, p => p.Value,
            (p, s, ref g) => p.Backward(s, ref g),
            x => 6 * Math.Pow(x, 5)),
        Unary("DoWhileActiveCondition_two", 4, ControlFlowCorpus.DoWhileActiveCondition, ControlFlowCorpus.DoWhileActiveConditionBackward,
            ControlFlowCorpus.DoWhileActiveConditionGradient, ControlFlowCorpus.DoWhileActiveConditionPullback, p => p.Value,
            (p, s, ref g) => p.Backward(s, ref g),
            x => 2 * x),

        new DiffCase
        {
            Name = "ForeachArray",
            Point = [1.5, -2, 0.25],
            Seed = [0.7],
            Forward = x => [ControlFlowCorpus.ForeachArray(x)],
            Backward = (x, s, g) => [ControlFlowCorpus.ForeachArrayBackward(x, s[0], g)],
            Gradient = x => ControlFlowCorpus.ForeachArrayGradient(x),
            Pullback = x =>
            {
                var p = ControlFlowCorpus.ForeachArrayPullback(x);
                return new PullbackRun([p.Value], (s, g) => p.Backward(s[0], g));
            },
            ExactVjp = (x, s) => Scale([3 * x[0] * x[0], 3 * x[1] * x[1], 3 * x[2] * x[2]], s[0]),
        },

        Scalar("ForeachSpan", [0.3, -1.2, 2, 0.7], ControlFlowCorpus.ForeachSpan, ControlFlowCorpus.ForeachSpanBackward,
            ControlFlowCorpus.ForeachSpanGradient, ControlFlowCorpus.ForeachSpanPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            CosineRecurrenceGradient),

        // Running sums 1, 2.44, 4.69: breaks after x2, so x3 and x4 do not count.
        Scalar("BreakOnActiveSum_breaks", [1, -1.2, 1.5, 0.8, 2], ControlFlowCorpus.BreakOnActiveSum, ControlFlowCorpus.BreakOnActiveSumBackward,
            ControlFlowCorpus.BreakOnActiveSumGradient, ControlFlowCorpus.BreakOnActiveSumPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x => [2 * x[0], 2 * x[1], 2 * x[2], 0, 0]),
        Scalar("BreakOnActiveSum_runsOut", [0.5, -0.5, 0.5], ControlFlowCorpus.BreakOnActiveSum, ControlFlowCorpus.BreakOnActiveSumBackward,
            ControlFlowCorpus.BreakOnActiveSumGradient, ControlFlowCorpus.BreakOnActiveSumPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x => [2 * x[0], 2 * x[1], 2 * x[2]]),

        Scalar("ContinueSkipsNegatives", [1.2, -0.5, 2, -3, 0.7], ControlFlowCorpus.ContinueSkipsNegatives,
            ControlFlowCorpus.ContinueSkipsNegativesBackward, ControlFlowCorpus.ContinueSkipsNegativesGradient,
            ControlFlowCorpus.ContinueSkipsNegativesPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x => Map(x, v => v < 0 ? 0 : 1.5 * Math.Sqrt(v))),

        // x3 = 2.5 > 2 returns (x0 + x1 + x2)·x3; x4 is never read.
        Scalar("ReturnFromLoop_returns", [0.5, 1.5, -0.3, 2.5, 4], ControlFlowCorpus.ReturnFromLoop, ControlFlowCorpus.ReturnFromLoopBackward,
            ControlFlowCorpus.ReturnFromLoopGradient, ControlFlowCorpus.ReturnFromLoopPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x => [x[3], x[3], x[3], x[0] + x[1] + x[2], 0]),
        Scalar("ReturnFromLoop_fallsThrough", [0.5, 1, -0.7], ControlFlowCorpus.ReturnFromLoop, ControlFlowCorpus.ReturnFromLoopBackward,
            ControlFlowCorpus.ReturnFromLoopGradient, ControlFlowCorpus.ReturnFromLoopPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x =>
            {
                double twice = 2 * (x[0] + x[1] + x[2]);
                return [twice, twice, twice];
            }),

        // Σᵢ Σⱼ≤ᵢ xᵢxⱼ = ((Σx)² + Σx²) / 2
        Scalar("NestedTriangle", [1.5, -2, 0.25, 3], ControlFlowCorpus.NestedTriangle, ControlFlowCorpus.NestedTriangleBackward,
            ControlFlowCorpus.NestedTriangleGradient, ControlFlowCorpus.NestedTrianglePullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x =>
            {
                double sum = x[0] + x[1] + x[2] + x[3];
                return Map(x, v => sum + v);
            }),

        // Rows (weights 1, 2, 3 per column, negatives skipped): 2.5, 2.5, 7 -> s = 61.5 > 30 after row 2; row 3 is never read.
        Scalar("NestedBreakContinue", [1, -1, 0.5, 0.5, 1, -2, 2, 1, 1, 1, 1, 1],
            x => ControlFlowCorpus.NestedBreakContinue(x, Columns),
            (x, s, g) => ControlFlowCorpus.NestedBreakContinueBackward(x, Columns, s, g),
            x => ControlFlowCorpus.NestedBreakContinueGradient(x, Columns), x => ControlFlowCorpus.NestedBreakContinuePullback(x, Columns),
            p => p.Value, (p, s, g) => p.Backward(s, g),
            x => [5, 0, 15, 5, 10, 0, 14, 28, 42, 0, 0, 0]),

        // Pair (2, 3) has x2 - x3 = 3.9 > 3 and returns; the others add (xᵢ - xⱼ)²/8 to s.
        Scalar("ReturnFromNestedLoop_returns", [0.5, 1, 3.8, -0.1], ControlFlowCorpus.ReturnFromNestedLoop,
            ControlFlowCorpus.ReturnFromNestedLoopBackward, ControlFlowCorpus.ReturnFromNestedLoopGradient,
            ControlFlowCorpus.ReturnFromNestedLoopPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            PairwiseReturnGradient),
        Scalar("ReturnFromNestedLoop_fallsThrough", [0.5, 1, 2], ControlFlowCorpus.ReturnFromNestedLoop,
            ControlFlowCorpus.ReturnFromNestedLoopBackward, ControlFlowCorpus.ReturnFromNestedLoopGradient,
            ControlFlowCorpus.ReturnFromNestedLoopPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            PairwiseReturnGradient),

        SpanThenScalar("CarriedReassignment", [0.5, -1.2, 0.8, 1.5, 0.7], ControlFlowCorpus.CarriedReassignment,
            ControlFlowCorpus.CarriedReassignmentBackward, ControlFlowCorpus.CarriedReassignmentGradient,
            ControlFlowCorpus.CarriedReassignmentPullback, p => p.Value, (p, s, g, ref gc) => p.Backward(s, g, ref gc),
            CarriedReassignmentGradient),

        // prefix sums P; d Σ P² / d xⱼ = 2 Σᵢ≥ⱼ Pᵢ
        Scalar("LocalArrayPrefixSums", [1.5, -2, 0.25, 3], ControlFlowCorpus.LocalArrayPrefixSums,
            ControlFlowCorpus.LocalArrayPrefixSumsBackward, ControlFlowCorpus.LocalArrayPrefixSumsGradient,
            ControlFlowCorpus.LocalArrayPrefixSumsPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x =>
            {
                double p0 = x[0], p1 = p0 + x[1], p2 = p1 + x[2], p3 = p2 + x[3];
                return [2 * (p0 + p1 + p2 + p3), 2 * (p1 + p2 + p3), 2 * (p2 + p3), 2 * p3];
            }),

        // t0 = (x0·x2 + x2)·x4 + x4, t1 = x1·x3 + x3, result t0·t1
        Scalar("LocalArrayOverwritten", [0.5, -1.2, 0.8, 1.5, 0.3], ControlFlowCorpus.LocalArrayOverwritten,
            ControlFlowCorpus.LocalArrayOverwrittenBackward, ControlFlowCorpus.LocalArrayOverwrittenGradient,
            ControlFlowCorpus.LocalArrayOverwrittenPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x =>
            {
                double t0 = (x[0] * x[2] + x[2]) * x[4] + x[4], t1 = x[1] * x[3] + x[3];
                return [x[2] * x[4] * t1, x[3] * t0, (x[0] + 1) * x[4] * t1, (x[1] + 1) * t0, (x[0] * x[2] + x[2] + 1) * t1];
            }),

        // y0 = x0², yᵢ = xᵢ·xᵢ₋₁
        Output("OutputInLoop", [1.5, -2, 0.25, 3], 4, ControlFlowCorpus.OutputInLoop, ControlFlowCorpus.OutputInLoopBackward,
            ControlFlowCorpus.OutputInLoopPullback, (p, s, g) => p.Backward(s, g), ControlFlowCorpus.OutputInLoopJacobian,
            (x, s) => [2 * x[0] * s[0] + x[1] * s[1], x[0] * s[1] + x[2] * s[2], x[1] * s[2] + x[3] * s[3], x[2] * s[3]]),

        TensorCaseBuilder.ScalarResult("TensorLoop", [4], [0.3, -1.2, 0.5, 1.1], ControlFlowCorpus.TensorLoop,
            ControlFlowCorpus.TensorLoopBackward, ControlFlowCorpus.TensorLoopGradient, ControlFlowCorpus.TensorLoopPullback,
            p => p.Value, (p, s, g) => p.Backward(s, g),
            (x, s) => [s[0] * Math.Exp(x[0]), 2 * s[0] * Math.Exp(x[1]), 3 * s[0] * Math.Exp(x[2]), 4 * s[0] * Math.Exp(x[3])]),

        // Running maxima come from x0, x0, x2, x2, x4.
        TensorCaseBuilder.TensorResult("TensorRunningMax", [5], [5], [0.5, -1, 1.5, 1.2, 2], SeedOf(5),
            ControlFlowCorpus.TensorRunningMax, ControlFlowCorpus.TensorRunningMaxBackward, ControlFlowCorpus.TensorRunningMaxPullback,
            p => p.Value, (p, s, g) => p.Backward(s, g), ControlFlowCorpus.TensorRunningMaxJacobian,
            (x, s) => [s[0] + s[1], 0, s[2] + s[3], 0, s[4]]),

        Scalar("NoGradientWeights", [0.3, -1.2, 2, 0.7], x => ControlFlowCorpus.NoGradientWeights(x, SineWeights),
            (x, s, g) => ControlFlowCorpus.NoGradientWeightsBackward(x, SineWeights, s, g),
            x => ControlFlowCorpus.NoGradientWeightsGradient(x, SineWeights), x => ControlFlowCorpus.NoGradientWeightsPullback(x, SineWeights),
            p => p.Value, (p, s, g) => p.Backward(s, g),
            x => [SineWeights[0] * Math.Cos(x[0]), SineWeights[1] * Math.Cos(x[1]), SineWeights[2] * Math.Cos(x[2]), SineWeights[3] * Math.Cos(x[3])]),

        Scalar("AbsByBranch", [1.5, -2, 0.25, -3], ControlFlowCorpus.AbsByBranch, ControlFlowCorpus.AbsByBranchBackward,
            ControlFlowCorpus.AbsByBranchGradient, ControlFlowCorpus.AbsByBranchPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x => Map(x, v => v >= 0 ? 1 : -1)),

        // 9 -> 4.5 -> 2.25 -> 1.125 -> 0.5625: y = x²/16; 0.25 < 1: no halving, y = x².
        Unary("HalveUntilSmall_four", 3, ControlFlowCorpus.HalveUntilSmall, ControlFlowCorpus.HalveUntilSmallBackward,
            ControlFlowCorpus.HalveUntilSmallGradient, ControlFlowCorpus.HalveUntilSmallPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 2 * x / 16),
        Unary("HalveUntilSmall_none", 0.5, ControlFlowCorpus.HalveUntilSmall, ControlFlowCorpus.HalveUntilSmallBackward,
            ControlFlowCorpus.HalveUntilSmallGradient, ControlFlowCorpus.HalveUntilSmallPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 2 * x),
    ];

    /// <summary>Forward-mode tangents of xₖ₊₁ = r·xₖ(1 - xₖ) with respect to x₀ and r.</summary>
    private static (double, double) LogisticMapTangents(double x, double r)
    {
        double dx = 1, dr = 0;
        for (int k = 0; k < MapSteps; k++)
        {
            double slope = r * (1 - 2 * x);
            dr = x * (1 - x) + slope * dr;
            dx = slope * dx;
            x = r * x * (1 - x);
        }

        return (dx, dr);
    }

    /// <summary>Tangent of y₀ = x, yₖ₊₁ = sin(yₖ) + x after max(steps, 1) steps.</summary>
    private static double SineIterationTangent(double x, int steps)
    {
        double y = x, dy = 1;
        int k = 0;
        do
        {
            dy = Math.Cos(y) * dy + 1;
            y = Math.Sin(y) + x;
            k++;
        }
        while (k < steps);
        return dy;
    }

    /// <summary>s₀ = ½, sᵢ₊₁ = sᵢ·cos(vᵢ) + vᵢ: ∂s/∂vᵢ = (1 - sᵢ sin vᵢ)·Πₖ&gt;ᵢ cos vₖ.</summary>
    private static double[] CosineRecurrenceGradient(double[] v)
    {
        var before = new double[v.Length];
        double s = 0.5;
        for (int i = 0; i < v.Length; i++)
        {
            before[i] = s;
            s = s * Math.Cos(v[i]) + v[i];
        }

        var gradient = new double[v.Length];
        double later = 1; // Π of cos over the later elements
        for (int i = v.Length - 1; i >= 0; i--)
        {
            gradient[i] = (1 - before[i] * Math.Sin(v[i])) * later;
            later *= Math.Cos(v[i]);
        }

        return gradient;
    }

    /// <summary>
    /// ReturnFromNestedLoop by hand in forward mode: s and ∂s/∂x over the pairs i &lt; j until
    /// xᵢ - xⱼ &gt; 3, where the result is s·d.
    /// </summary>
    private static double[] PairwiseReturnGradient(double[] x)
    {
        var ds = new double[x.Length];
        double s = 1;
        for (int i = 0; i < x.Length; i++)
        {
            for (int j = i + 1; j < x.Length; j++)
            {
                double d = x[i] - x[j];
                if (d > 3)
                {
                    double[] result = Scale(ds, d);
                    result[i] += s;
                    result[j] -= s;
                    return result;
                }

                s += d * d * 0.125;
                ds[i] += d * 0.25;
                ds[j] -= d * 0.25;
            }
        }

        return ds;
    }

    /// <summary>s = s·xᵢ + c from 0: ∂s/∂xᵢ = sᵢ·Πₖ&gt;ᵢ xₖ, ∂s/∂c = Σᵢ Πₖ&gt;ᵢ xₖ; flat [x..., c].</summary>
    private static double[] CarriedReassignmentGradient(double[] v)
    {
        int n = v.Length - 1;
        double c = v[n];
        var before = new double[n];
        double s = 0;
        for (int i = 0; i < n; i++)
        {
            before[i] = s;
            s = s * v[i] + c;
        }

        var gradient = new double[n + 1];
        double later = 1;
        for (int i = n - 1; i >= 0; i--)
        {
            gradient[i] = before[i] * later;
            gradient[n] += later;
            later *= v[i];
        }

        return gradient;
    }
}
