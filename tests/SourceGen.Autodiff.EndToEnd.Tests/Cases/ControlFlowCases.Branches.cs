using System;
using SourceGen.Autodiff.EndToEnd.Tests.Corpus;
using SourceGen.Autodiff.EndToEnd.Tests.Harness;
using static SourceGen.Autodiff.EndToEnd.Tests.Harness.ScalarCaseBuilder;

namespace SourceGen.Autodiff.EndToEnd.Tests.Cases;

/// <summary>
/// The branching <see cref="ControlFlowCorpus"/> methods, each at a point on every side of its
/// branches (away from the boundaries, where the derivative of the taken branch is the derivative).
/// </summary>
public static partial class ControlFlowCases
{
    private static DiffCase[] Branches { get; } =
    [
        Unary("IfElse_then", 1.3, ControlFlowCorpus.IfElse, ControlFlowCorpus.IfElseBackward, ControlFlowCorpus.IfElseGradient,
            ControlFlowCorpus.IfElsePullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 2 * x),
        Unary("IfElse_else", -0.8, ControlFlowCorpus.IfElse, ControlFlowCorpus.IfElseBackward, ControlFlowCorpus.IfElseGradient,
            ControlFlowCorpus.IfElsePullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 3 * x * x),

        Binary("IfElseNoBraces_then", [1.5, -0.5], ControlFlowCorpus.IfElseNoBraces, ControlFlowCorpus.IfElseNoBracesBackward,
            ControlFlowCorpus.IfElseNoBracesGradient, ControlFlowCorpus.IfElseNoBracesPullback, p => p.Value,
            (p, s, ref gx, ref gy) => p.Backward(s, ref gx, ref gy),
            (x, y) => (y, x)),
        Binary("IfElseNoBraces_else", [-1, 2], ControlFlowCorpus.IfElseNoBraces, ControlFlowCorpus.IfElseNoBracesBackward,
            ControlFlowCorpus.IfElseNoBracesGradient, ControlFlowCorpus.IfElseNoBracesPullback, p => p.Value,
            (p, s, ref gx, ref gy) => p.Backward(s, ref gx, ref gy),
            (x, y) => (1, -2)),

        Unary("IfWithoutElse_taken", 0.6, ControlFlowCorpus.IfWithoutElse, ControlFlowCorpus.IfWithoutElseBackward,
            ControlFlowCorpus.IfWithoutElseGradient, ControlFlowCorpus.IfWithoutElsePullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => Math.Cos(x) * x + Math.Sin(x)),
        Unary("IfWithoutElse_skipped", 1.7, ControlFlowCorpus.IfWithoutElse, ControlFlowCorpus.IfWithoutElseBackward,
            ControlFlowCorpus.IfWithoutElseGradient, ControlFlowCorpus.IfWithoutElsePullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            Math.Cos),

        Unary("NestedIf_outer_inner", 3.5, ControlFlowCorpus.NestedIf, ControlFlowCorpus.NestedIfBackward, ControlFlowCorpus.NestedIfGradient,
            ControlFlowCorpus.NestedIfPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 1 / x),
        Unary("NestedIf_outer_innerElse", 1.2, ControlFlowCorpus.NestedIf, ControlFlowCorpus.NestedIfBackward, ControlFlowCorpus.NestedIfGradient,
            ControlFlowCorpus.NestedIfPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 2 * x),
        Unary("NestedIf_outerElse", -0.7, ControlFlowCorpus.NestedIf, ControlFlowCorpus.NestedIfBackward, ControlFlowCorpus.NestedIfGradient,
            ControlFlowCorpus.NestedIfPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            Math.Exp),

        Binary("Conditional_true", [0.5, 1.5], ControlFlowCorpus.Conditional, ControlFlowCorpus.ConditionalBackward,
            ControlFlowCorpus.ConditionalGradient, ControlFlowCorpus.ConditionalPullback, p => p.Value,
            (p, s, ref gx, ref gy) => p.Backward(s, ref gx, ref gy),
            (x, y) => (2 * x * y, x * x)),
        Binary("Conditional_false", [2, -1], ControlFlowCorpus.Conditional, ControlFlowCorpus.ConditionalBackward,
            ControlFlowCorpus.ConditionalGradient, ControlFlowCorpus.ConditionalPullback, p => p.Value,
            (p, s, ref gx, ref gy) => p.Backward(s, ref gx, ref gy),
            (x, y) => (-1, 3)),

        Unary("NestedConditional_left", -2, ControlFlowCorpus.NestedConditional, ControlFlowCorpus.NestedConditionalBackward,
            ControlFlowCorpus.NestedConditionalGradient, ControlFlowCorpus.NestedConditionalPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => -1),
        Unary("NestedConditional_middle", 0.4, ControlFlowCorpus.NestedConditional, ControlFlowCorpus.NestedConditionalBackward,
            ControlFlowCorpus.NestedConditionalGradient, ControlFlowCorpus.NestedConditionalPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => x),
        Unary("NestedConditional_right", 1.5, ControlFlowCorpus.NestedConditional, ControlFlowCorpus.NestedConditionalBackward,
            ControlFlowCorpus.NestedConditionalGradient, ControlFlowCorpus.NestedConditionalPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 3 * x * x),

        Binary("AndCondition_both", [1.5, 2], ControlFlowCorpus.AndCondition, ControlFlowCorpus.AndConditionBackward,
            ControlFlowCorpus.AndConditionGradient, ControlFlowCorpus.AndConditionPullback, p => p.Value,
            (p, s, ref gx, ref gy) => p.Backward(s, ref gx, ref gy),
            (x, y) => (y, x)),
        Binary("AndCondition_rightFalse", [1.5, -2], ControlFlowCorpus.AndCondition, ControlFlowCorpus.AndConditionBackward,
            ControlFlowCorpus.AndConditionGradient, ControlFlowCorpus.AndConditionPullback, p => p.Value,
            (p, s, ref gx, ref gy) => p.Backward(s, ref gx, ref gy),
            (x, y) => (1, 1)),
        Binary("AndCondition_leftFalse", [-1, 2], ControlFlowCorpus.AndCondition, ControlFlowCorpus.AndConditionBackward,
            ControlFlowCorpus.AndConditionGradient, ControlFlowCorpus.AndConditionPullback, p => p.Value,
            (p, s, ref gx, ref gy) => p.Backward(s, ref gx, ref gy),
            (x, y) => (1, 1)),

        Binary("OrCondition_neither", [1, 2], ControlFlowCorpus.OrCondition, ControlFlowCorpus.OrConditionBackward,
            ControlFlowCorpus.OrConditionGradient, ControlFlowCorpus.OrConditionPullback, p => p.Value,
            (p, s, ref gx, ref gy) => p.Backward(s, ref gx, ref gy),
            (x, y) => (1, -1)),
        Binary("OrCondition_left", [-1, 2], ControlFlowCorpus.OrCondition, ControlFlowCorpus.OrConditionBackward,
            ControlFlowCorpus.OrConditionGradient, ControlFlowCorpus.OrConditionPullback, p => p.Value,
            (p, s, ref gx, ref gy) => p.Backward(s, ref gx, ref gy),
            (x, y) => (2 * (x - y), -2 * (x - y))),
        Binary("OrCondition_right", [1, -0.5], ControlFlowCorpus.OrCondition, ControlFlowCorpus.OrConditionBackward,
            ControlFlowCorpus.OrConditionGradient, ControlFlowCorpus.OrConditionPullback, p => p.Value,
            (p, s, ref gx, ref gy) => p.Backward(s, ref gx, ref gy),
            (x, y) => (2 * (x - y), -2 * (x - y))),

        Unary("NotCondition_true", 0.3, ControlFlowCorpus.NotCondition, ControlFlowCorpus.NotConditionBackward,
            ControlFlowCorpus.NotConditionGradient, ControlFlowCorpus.NotConditionPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 2),
        Unary("NotCondition_false", 2, ControlFlowCorpus.NotCondition, ControlFlowCorpus.NotConditionBackward,
            ControlFlowCorpus.NotConditionGradient, ControlFlowCorpus.NotConditionPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => -Math.Sin(x)),

        Unary("BoolSwitch_true", 1.3, x => ControlFlowCorpus.BoolSwitch(x, true),
            (double x, double s, ref double g) => ControlFlowCorpus.BoolSwitchBackward(x, true, s, ref g),
            x => ControlFlowCorpus.BoolSwitchGradient(x, true), x => ControlFlowCorpus.BoolSwitchPullback(x, true), p => p.Value,
            (p, s, ref g) => p.Backward(s, ref g),
            x => 2 * x),
        Unary("BoolSwitch_false", 1.3, x => ControlFlowCorpus.BoolSwitch(x, false),
            (double x, double s, ref double g) => ControlFlowCorpus.BoolSwitchBackward(x, false, s, ref g),
            x => ControlFlowCorpus.BoolSwitchGradient(x, false), x => ControlFlowCorpus.BoolSwitchPullback(x, false), p => p.Value,
            (p, s, ref g) => p.Backward(s, ref g),
            x => 2),

        Unary("EarlyReturn_first", -1, ControlFlowCorpus.EarlyReturn, ControlFlowCorpus.EarlyReturnBackward,
            ControlFlowCorpus.EarlyReturnGradient, ControlFlowCorpus.EarlyReturnPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 0.5),
        Unary("EarlyReturn_second", 4, ControlFlowCorpus.EarlyReturn, ControlFlowCorpus.EarlyReturnBackward,
            ControlFlowCorpus.EarlyReturnGradient, ControlFlowCorpus.EarlyReturnPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 0.5 / Math.Sqrt(x)),
        Unary("EarlyReturn_end", 1.2, ControlFlowCorpus.EarlyReturn, ControlFlowCorpus.EarlyReturnBackward,
            ControlFlowCorpus.EarlyReturnGradient, ControlFlowCorpus.EarlyReturnPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 2 * x / 3 - 0.5),
    ];
}
