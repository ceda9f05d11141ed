using System;
using System.Linq;
using SourceGen.Autodiff.EndToEnd.Tests.Corpus;
using SourceGen.Autodiff.EndToEnd.Tests.Harness;
using static SourceGen.Autodiff.EndToEnd.Tests.Harness.ScalarCaseBuilder;
using static SourceGen.Autodiff.EndToEnd.Tests.Harness.SpanCaseBuilder;
using static SourceGen.Autodiff.EndToEnd.Tests.Harness.Vectors;
using static SourceGen.Autodiff.EndToEnd.Tests.Cases.ControlFlowEdgeGradients;

namespace SourceGen.Autodiff.EndToEnd.Tests.Cases;

/// <summary>The <see cref="ControlFlowEdgeCorpus"/> methods as <see cref="DiffCase"/>s, with gradients from <see cref="ControlFlowEdgeGradients"/>.</summary>
public static class ControlFlowEdgeCases
{
    private const int Columns = 3; // InnerBreak's cols

    public static DiffCase[] All { get; } =
    [
        // Reads x1, x2, x4, x8: s = ((x1²/2 + x2²)/2 + x4²)/2 + x8².
        Scalar("DoublingIndex", [0.3, 1.5, -2, 0.7, 0.25, 1.1, -0.4, 0.9, 3, -1.3], ControlFlowEdgeCorpus.DoublingIndex,
            ControlFlowEdgeCorpus.DoublingIndexBackward, ControlFlowEdgeCorpus.DoublingIndexGradient, ControlFlowEdgeCorpus.DoublingIndexPullback,
            p => p.Value, (p, s, g) => p.Backward(s, g),
            x => [0, 0.25 * x[1], 0.5 * x[2], 0, x[4], 0, 0, 0, 2 * x[8], 0]),

        // Reads x0, x3, x6: p = ((x0 + 1)·x3 + 1)·x6 + 1.
        Scalar("StepThree", [0.5, 9, 9, -1.2, 9, 9, 0.8], ControlFlowEdgeCorpus.StepThree, ControlFlowEdgeCorpus.StepThreeBackward,
            ControlFlowEdgeCorpus.StepThreeGradient, ControlFlowEdgeCorpus.StepThreePullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x => [x[3] * x[6], 0, 0, (x[0] + 1) * x[6], 0, 0, (x[0] + 1) * x[3] + 1]),

        // Visits 0, 2 (x0 > 0), 4 (x2 > 0), 5 (x4 < 0), then 7 (x5 > 0) ends it.
        Scalar("DataDependentStride", [1.5, -2, 0.25, -3, -0.5, 1.25, 0.8], ControlFlowEdgeCorpus.DataDependentStride,
            ControlFlowEdgeCorpus.DataDependentStrideBackward, ControlFlowEdgeCorpus.DataDependentStrideGradient,
            ControlFlowEdgeCorpus.DataDependentStridePullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x => [2 * x[0], 0, 6 * x[2], 0, 10 * x[4], 12 * x[5], 0]),

        // Non-negative entries 1.5, 0.25, 3: s = (x0²/2 + x2²)/2 + x3².
        Scalar("WhileContinue", [1.5, -2, 0.25, 3, -0.5], ControlFlowEdgeCorpus.WhileContinue, ControlFlowEdgeCorpus.WhileContinueBackward,
            ControlFlowEdgeCorpus.WhileContinueGradient, ControlFlowEdgeCorpus.WhileContinuePullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x => [0.5 * x[0], 0, x[2], 2 * x[3], 0]),

        // 1.5 kept, -2 skipped, 0.5 kept, 6 breaks: s = (x0 + 1)·x2 + 1.
        Scalar("DoWhileContinueBreak", [1.5, -2, 0.5, 6, 2], ControlFlowEdgeCorpus.DoWhileContinueBreak,
            ControlFlowEdgeCorpus.DoWhileContinueBreakBackward, ControlFlowEdgeCorpus.DoWhileContinueBreakGradient,
            ControlFlowEdgeCorpus.DoWhileContinueBreakPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x => [x[2], 0, x[0] + 1, 0, 0]),

        Unary("ForeverWithBreak", 0.7, ControlFlowEdgeCorpus.ForeverWithBreak, ControlFlowEdgeCorpus.ForeverWithBreakBackward,
            ControlFlowEdgeCorpus.ForeverWithBreakGradient, ControlFlowEdgeCorpus.ForeverWithBreakPullback, p => p.Value,
            (p, s, ref g) => p.Backward(s, ref g),
            SineHalfIterationTangent),

        // 2 → 3 → 4.5 → 6.75 → 10.125: 1.5⁴x - x; 11 → 16.5: 1.5x - x.
        Unary("WhileTrueReturn_four", 2, ControlFlowEdgeCorpus.WhileTrueReturn, ControlFlowEdgeCorpus.WhileTrueReturnBackward,
            ControlFlowEdgeCorpus.WhileTrueReturnGradient, ControlFlowEdgeCorpus.WhileTrueReturnPullback, p => p.Value,
            (p, s, ref g) => p.Backward(s, ref g),
            x => Math.Pow(1.5, 4) - 1),
        Unary("WhileTrueReturn_one", 11, ControlFlowEdgeCorpus.WhileTrueReturn, ControlFlowEdgeCorpus.WhileTrueReturnBackward,
            ControlFlowEdgeCorpus.WhileTrueReturnGradient, ControlFlowEdgeCorpus.WhileTrueReturnPullback, p => p.Value,
            (p, s, ref g) => p.Backward(s, ref g),
            x => 0.5),

        // Rows stop at their first negative: row 0 keeps x0, row 1 keeps x3 and x4, row 2 nothing.
        Scalar("InnerBreak", [1, -1, 2, 0.5, 1.5, -0.3, -2, 1, 1], x => ControlFlowEdgeCorpus.InnerBreak(x, Columns),
            (x, s, g) => ControlFlowEdgeCorpus.InnerBreakBackward(x, Columns, s, g),
            x => ControlFlowEdgeCorpus.InnerBreakGradient(x, Columns), x => ControlFlowEdgeCorpus.InnerBreakPullback(x, Columns),
            p => p.Value, (p, s, g) => p.Backward(s, g),
            x => [2 * x[0], 0, 0, 4 * x[3], 4 * x[4], 0, 0, 0, 0]),

        // Kept squares of x0, x2, x3 at positions 0, 1, 2.
        Scalar("CompactPositives", [1.5, -2, 0.25, 3, -0.5], ControlFlowEdgeCorpus.CompactPositives,
            ControlFlowEdgeCorpus.CompactPositivesBackward, ControlFlowEdgeCorpus.CompactPositivesGradient,
            ControlFlowEdgeCorpus.CompactPositivesPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x => [2 * x[0], 0, 4 * x[2], 6 * x[3], 0]),

        // t = x (or -2x below 0), Σ t² + t.
        Scalar("OverwrittenInIteration", [1.5, -2, 0.25, -0.3], ControlFlowEdgeCorpus.OverwrittenInIteration,
            ControlFlowEdgeCorpus.OverwrittenInIterationBackward, ControlFlowEdgeCorpus.OverwrittenInIterationGradient,
            ControlFlowEdgeCorpus.OverwrittenInIterationPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x => Map(x, v => v < 0 ? -2 * (2 * (-2 * v) + 1) : 2 * v + 1)),

        Scalar("RunningMaxByMath", [0.5, -1, 1.5, 1.2, 2], ControlFlowEdgeCorpus.RunningMaxByMath, ControlFlowEdgeCorpus.RunningMaxByMathBackward,
            ControlFlowEdgeCorpus.RunningMaxByMathGradient, ControlFlowEdgeCorpus.RunningMaxByMathPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            RunningMaxGradient),

        Scalar("CarriedConditional", [1.5, -2, 0.25, 3, -0.5], ControlFlowEdgeCorpus.CarriedConditional,
            ControlFlowEdgeCorpus.CarriedConditionalBackward, ControlFlowEdgeCorpus.CarriedConditionalGradient,
            ControlFlowEdgeCorpus.CarriedConditionalPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            CarriedConditionalGradient),

        Scalar("CarriedPair", [0.5, -1.2, 0.8, 1.5], ControlFlowEdgeCorpus.CarriedPair, ControlFlowEdgeCorpus.CarriedPairBackward,
            ControlFlowEdgeCorpus.CarriedPairGradient, ControlFlowEdgeCorpus.CarriedPairPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            CarriedPairGradient),

        Scalar("LocalArrayRecurrence", [0.5, -1.2, 0.8, 1.5], ControlFlowEdgeCorpus.LocalArrayRecurrence,
            ControlFlowEdgeCorpus.LocalArrayRecurrenceBackward, ControlFlowEdgeCorpus.LocalArrayRecurrenceGradient,
            ControlFlowEdgeCorpus.LocalArrayRecurrencePullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            LocalArrayRecurrenceGradient),

        Output("OutputRewritten", [0.5, -1.2, 0.8, 1.5], 4, ControlFlowEdgeCorpus.OutputRewritten, ControlFlowEdgeCorpus.OutputRewrittenBackward,
            ControlFlowEdgeCorpus.OutputRewrittenPullback, (p, s, g) => p.Backward(s, g), ControlFlowEdgeCorpus.OutputRewrittenJacobian,
            OutputRewrittenVjp),

        // yᵢⱼ = xᵢxⱼ + δᵢⱼ e^xᵢ: ∂/∂xₖ = Σⱼ sₖⱼ xⱼ + Σᵢ sᵢₖ xᵢ + sₖₖ e^xₖ.
        TensorCaseBuilder.TensorResult("TensorAccumulate", [3], [3, 3], [0.5, -1.2, 0.8], SeedOf(9), ControlFlowEdgeCorpus.TensorAccumulate,
            ControlFlowEdgeCorpus.TensorAccumulateBackward, ControlFlowEdgeCorpus.TensorAccumulatePullback, p => p.Value,
            (p, s, g) => p.Backward(s, g), ControlFlowEdgeCorpus.TensorAccumulateJacobian,
            TensorAccumulateVjp),

        // Σ over pairs with a ≤ b of a·b (each element paired with itself too).
        Scalar("NestedForeach", [1.5, -2, 0.25, 3], ControlFlowEdgeCorpus.NestedForeach, ControlFlowEdgeCorpus.NestedForeachBackward,
            ControlFlowEdgeCorpus.NestedForeachGradient, ControlFlowEdgeCorpus.NestedForeachPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            OrderedPairsGradient),

        // s: 1, 2.44, 3.25 ≥ x0 = 3 stops before x4; result s·x0.
        Scalar("ActiveBound", [3, 1, 1.2, 0.9, 2], ControlFlowEdgeCorpus.ActiveBound, ControlFlowEdgeCorpus.ActiveBoundBackward,
            ControlFlowEdgeCorpus.ActiveBoundGradient, ControlFlowEdgeCorpus.ActiveBoundPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x => [x[1] * x[1] + x[2] * x[2] + x[3] * x[3], 2 * x[1] * x[0], 2 * x[2] * x[0], 2 * x[3] * x[0], 0]),

        Scalar("FlagInLoop_squares", [1.5, -2, 0.25], x => ControlFlowEdgeCorpus.FlagInLoop(x, true),
            (x, s, g) => ControlFlowEdgeCorpus.FlagInLoopBackward(x, true, s, g),
            x => ControlFlowEdgeCorpus.FlagInLoopGradient(x, true), x => ControlFlowEdgeCorpus.FlagInLoopPullback(x, true),
            p => p.Value, (p, s, g) => p.Backward(s, g),
            x => Map(x, v => 2 * v)),
        Scalar("FlagInLoop_sines", [1.5, -2, 0.25], x => ControlFlowEdgeCorpus.FlagInLoop(x, false),
            (x, s, g) => ControlFlowEdgeCorpus.FlagInLoopBackward(x, false, s, g),
            x => ControlFlowEdgeCorpus.FlagInLoopGradient(x, false), x => ControlFlowEdgeCorpus.FlagInLoopPullback(x, false),
            p => p.Value, (p, s, g) => p.Backward(s, g),
            x => Map(x, Math.Cos)),

        // i = 1, j = 0: u = (x0² + x1²)·x0 > 6 returns.
        Scalar("ReturnBodyLocal_returns", [1.5, -2, 0.25, 3], ControlFlowEdgeCorpus.ReturnBodyLocal, ControlFlowEdgeCorpus.ReturnBodyLocalBackward,
            ControlFlowEdgeCorpus.ReturnBodyLocalGradient, ControlFlowEdgeCorpus.ReturnBodyLocalPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x => [3 * x[0] * x[0] + x[1] * x[1], 2 * x[1] * x[0], 0, 0]),
        Scalar("ReturnBodyLocal_fallsThrough", [0.5, -1, 0.3], ControlFlowEdgeCorpus.ReturnBodyLocal, ControlFlowEdgeCorpus.ReturnBodyLocalBackward,
            ControlFlowEdgeCorpus.ReturnBodyLocalGradient, ControlFlowEdgeCorpus.ReturnBodyLocalPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x => Map(x, v => -2 * v)),

        // Breaks at x2 < 0: s·x2 with s = x0 + x1; without a negative entry: s.
        Scalar("CounterAfterLoop_breaks", [1.5, 0.5, -2, 3], ControlFlowEdgeCorpus.CounterAfterLoop, ControlFlowEdgeCorpus.CounterAfterLoopBackward,
            ControlFlowEdgeCorpus.CounterAfterLoopGradient, ControlFlowEdgeCorpus.CounterAfterLoopPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x => [x[2], x[2], x[0] + x[1], 0]),
        Scalar("CounterAfterLoop_runsOut", [1.5, 0.5], ControlFlowEdgeCorpus.CounterAfterLoop, ControlFlowEdgeCorpus.CounterAfterLoopBackward,
            ControlFlowEdgeCorpus.CounterAfterLoopGradient, ControlFlowEdgeCorpus.CounterAfterLoopPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x => [1, 1]),

        // Running sums 2.25, 4.25, 4.3125, 13.3125 > 5: breaks after x3; x4 is never read.
        TensorCaseBuilder.ScalarResult("TensorTernaryBreak", [5], [1.5, -2, 0.25, 3, 1], ControlFlowEdgeCorpus.TensorTernaryBreak,
            ControlFlowEdgeCorpus.TensorTernaryBreakBackward, ControlFlowEdgeCorpus.TensorTernaryBreakGradient,
            ControlFlowEdgeCorpus.TensorTernaryBreakPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            (x, s) => Scale([2 * x[0], -1, 2 * x[2], 2 * x[3], 0], s[0])),

        // Checked against central differences only (its carried product has no short closed form).
        Scalar("GeneratedNames", [1.5, -2, 0.25, 3, 0.5], ControlFlowEdgeCorpus.GeneratedNames, ControlFlowEdgeCorpus.GeneratedNamesBackward,
            ControlFlowEdgeCorpus.GeneratedNamesGradient, ControlFlowEdgeCorpus.GeneratedNamesPullback, p => p.Value, (p, s, g) => p.Backward(s, g)),

        // Stops at -3: Σ of the squares before it.
        Scalar("BreakInForeach", [1.5, 2, 0.25, -3, 1], ControlFlowEdgeCorpus.BreakInForeach, ControlFlowEdgeCorpus.BreakInForeachBackward,
            ControlFlowEdgeCorpus.BreakInForeachGradient, ControlFlowEdgeCorpus.BreakInForeachPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x => [2 * x[0], 2 * x[1], 2 * x[2], 0, 0]),

        // Products 1.5, 1.8, 4.05 > 3: returns x0·x1·x2 + x2.
        Scalar("ReturnInForeach", [1.5, 1.2, 2.25, 3, 1], ControlFlowEdgeCorpus.ReturnInForeach, ControlFlowEdgeCorpus.ReturnInForeachBackward,
            ControlFlowEdgeCorpus.ReturnInForeachGradient, ControlFlowEdgeCorpus.ReturnInForeachPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x => [x[1] * x[2], x[0] * x[2], x[0] * x[1] + 1, 0, 0]),

        // y1 = x² + ¼ = 1.46, y2 = y1² + ¼ = 2.38 > 2: returns y2·x.
        Unary("ReturnInDoWhile", 1.1, ControlFlowEdgeCorpus.ReturnInDoWhile, ControlFlowEdgeCorpus.ReturnInDoWhileBackward,
            ControlFlowEdgeCorpus.ReturnInDoWhileGradient, ControlFlowEdgeCorpus.ReturnInDoWhilePullback, p => p.Value,
            (p, s, ref g) => p.Backward(s, ref g),
            x =>
            {
                double y1 = x * x + 0.25, y2 = y1 * y1 + 0.25;
                return 4 * y1 * x * x + y2;
            }),

        // Checked against central differences only.
        Scalar("TwoArgMathInLoop", [1.5, -2, 0.25, 3], ControlFlowEdgeCorpus.TwoArgMathInLoop, ControlFlowEdgeCorpus.TwoArgMathInLoopBackward,
            ControlFlowEdgeCorpus.TwoArgMathInLoopGradient, ControlFlowEdgeCorpus.TwoArgMathInLoopPullback, p => p.Value, (p, s, g) => p.Backward(s, g)),

        // Stride 3 over 7: s = (x0·x3 + x3)·x6 + x6.
        Scalar("StrideParameter", [1.5, -2, 0.25, 3, 0.7, 0.9, 1.1], x => ControlFlowEdgeCorpus.StrideParameter(x, 3),
            (x, s, g) => ControlFlowEdgeCorpus.StrideParameterBackward(x, 3, s, g), x => ControlFlowEdgeCorpus.StrideParameterGradient(x, 3),
            x => ControlFlowEdgeCorpus.StrideParameterPullback(x, 3), p => p.Value, (p, s, g) => p.Backward(s, g),
            x => [x[3] * x[6], 0, 0, (x[0] + 1) * x[6], 0, 0, x[0] * x[3] + x[3] + 1]),

        // ∂/∂xᵢⱼₖ = 2(i + 1)xᵢⱼₖ - (j - k) over a 2 x 2 x 3 tensor.
        TensorCaseBuilder.ScalarResult("Rank3Loop", [2, 2, 3], [1.5, -2, 0.25, 3, 0.7, 0.9, 1.1, -0.3, 0.4, 2, -1, 0.6],
            x => ControlFlowEdgeCorpus.Rank3Loop(x, 2, 2, 3), (x, s, g) => ControlFlowEdgeCorpus.Rank3LoopBackward(x, 2, 2, 3, s, g),
            x => ControlFlowEdgeCorpus.Rank3LoopGradient(x, 2, 2, 3), x => ControlFlowEdgeCorpus.Rank3LoopPullback(x, 2, 2, 3),
            p => p.Value, (p, s, g) => p.Backward(s, g),
            (x, s) =>
            {
                var g = new double[12];
                for (int n = 0; n < 12; n++)
                {
                    int i = n / 6, j = n / 3 % 2, k = n % 3;
                    g[n] = s[0] * (2 * (i + 1) * x[n] - (j - k));
                }

                return g;
            }),

        // y = [x0·x1, x2·x3, untouched]
        Output("PartialOutput", [1.5, -2, 0.25, 3], 3, ControlFlowEdgeCorpus.PartialOutput, ControlFlowEdgeCorpus.PartialOutputBackward,
            ControlFlowEdgeCorpus.PartialOutputPullback, (p, s, g) => p.Backward(s, g), ControlFlowEdgeCorpus.PartialOutputJacobian,
            (x, s) => [s[0] * x[1], s[0] * x[0], s[1] * x[3], s[1] * x[2]]),

        TensorCaseBuilder.TensorResult("TensorBranchWrites", [4], [4], [1.5, -2, 0.25, -3], SeedOf(4), ControlFlowEdgeCorpus.TensorBranchWrites,
            ControlFlowEdgeCorpus.TensorBranchWritesBackward, ControlFlowEdgeCorpus.TensorBranchWritesPullback, p => p.Value,
            (p, s, g) => p.Backward(s, g), ControlFlowEdgeCorpus.TensorBranchWritesJacobian,
            (x, s) => [.. x.Select((v, i) => s[i] * (v > 0 ? 0.5 / Math.Sqrt(v) : 2 * v))]),

        // (Σ (i - j)·xᵢⱼ)² over 2 x 3: 2s·(i - j).
        TensorCaseBuilder.ScalarResult("ShapeTripCounts", [2, 3], [1.5, -2, 0.25, 3, -0.5, 1.25], ControlFlowEdgeCorpus.ShapeTripCounts,
            ControlFlowEdgeCorpus.ShapeTripCountsBackward, ControlFlowEdgeCorpus.ShapeTripCountsGradient,
            ControlFlowEdgeCorpus.ShapeTripCountsPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            (x, s) =>
            {
                int[] weight = [0, -1, -2, 1, 0, -1]; // i - j, row-major
                double sum = 0;
                for (int n = 0; n < 6; n++)
                {
                    sum += weight[n] * x[n];
                }

                return [.. weight.Select(w => s[0] * 2 * sum * w)];
            }),

        // tᵢ = xᵢxᵢ₊₁, Σ tᵢ²: ∂/∂xⱼ = 2tⱼ₋₁xⱼ₋₁ + 2tⱼxⱼ₊₁.
        Scalar("LocalArrayLengthBound", [1.5, -2, 0.25, 3], ControlFlowEdgeCorpus.LocalArrayLengthBound,
            ControlFlowEdgeCorpus.LocalArrayLengthBoundBackward, ControlFlowEdgeCorpus.LocalArrayLengthBoundGradient,
            ControlFlowEdgeCorpus.LocalArrayLengthBoundPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x =>
            {
                var g = new double[x.Length];
                for (int i = 0; i + 1 < x.Length; i++)
                {
                    double t = x[i] * x[i + 1];
                    g[i] += 2 * t * x[i + 1];
                    g[i + 1] += 2 * t * x[i];
                }

                return g;
            }),

        ArrayResult("NeighbourProducts", [1.5, -2, 0.25, 3], 3, ControlFlowEdgeCorpus.NeighbourProducts, ControlFlowEdgeCorpus.NeighbourProductsBackward,
            ControlFlowEdgeCorpus.NeighbourProductsPullback, p => p.Value, (p, s, g) => p.Backward(s, g), ControlFlowEdgeCorpus.NeighbourProductsJacobian,
            (x, s) => [s[0] * x[1], s[0] * x[0] + s[1] * x[2], s[1] * x[1] + s[2] * x[3], s[2] * x[2]]),

        // x2 = 2.5 > 2 returns: y = [x0², x1², untouched, untouched].
        Output("OutputUntilLarge", [1.5, -2, 2.5, 0.25], 4, ControlFlowEdgeCorpus.OutputUntilLarge, ControlFlowEdgeCorpus.OutputUntilLargeBackward,
            ControlFlowEdgeCorpus.OutputUntilLargePullback, (p, s, g) => p.Backward(s, g), ControlFlowEdgeCorpus.OutputUntilLargeJacobian,
            (x, s) => [2 * x[0] * s[0], 2 * x[1] * s[1], 0, 0]),

        new DiffCase
        {
            Name = "LongCounter",
            Point = [1.5, -2, 0.25],
            Seed = [0.7],
            Forward = x => [ControlFlowEdgeCorpus.LongCounter(x)],
            Backward = (x, s, g) => [ControlFlowEdgeCorpus.LongCounterBackward(x, s[0], g)],
            Gradient = x => ControlFlowEdgeCorpus.LongCounterGradient(x),
            Pullback = x =>
            {
                var p = ControlFlowEdgeCorpus.LongCounterPullback(x);
                return new PullbackRun([p.Value], (s, g) => p.Backward(s[0], g));
            },
            ExactVjp = (x, s) => Scale(Map(x, v => 3 * v * v), s[0]),
        },
    ];
}
