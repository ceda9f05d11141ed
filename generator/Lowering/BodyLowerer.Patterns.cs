using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SourceGen.Autodiff.Generator.IR;

namespace SourceGen.Autodiff.Generator.Lowering;

/// <summary>
/// Patterns on values: <c>x switch { &lt; 0 =&gt; -x, _ =&gt; x }</c> and <c>x is &gt; 0 and &lt; 1</c>,
/// lowered to the comparisons and conditionals they mean (the arm taken is differentiated, as
/// for '?:').
/// </summary>
internal sealed partial class BodyLowerer
{
    /// <summary>Arms in order, as nested conditionals; the last arm must match everything ('_' or 'var').</summary>
    private Expr? LowerSwitchExpression(ISwitchExpressionOperation switchExpression, ScalarType type)
    {
        var arms = switchExpression.Arms;
        if (arms.Length == 0 || !MatchesEverything(arms[arms.Length - 1].Pattern) || arms[arms.Length - 1].Guard is not null)
        {
            return UnsupportedValue(switchExpression, "a switch expression must end with a '_' arm (otherwise it throws when no arm matches)");
        }
        var value = LowerScalar(switchExpression.Value);
        if (value is null)
        {
            return null;
        }
        _conditionalDepth++;
        var result = LowerScalar(arms[arms.Length - 1].Value);
        for (var k = arms.Length - 2; k >= 0 && result is not null; k--)
        {
            var arm = arms[k];
            var condition = PatternCondition(arm.Pattern, value);
            if (condition is not null && arm.Guard is not null)
            {
                var guard = LowerCondition(arm.Guard);
                condition = guard is null ? null : new Binary(BinaryOp.And, condition, guard, ScalarType.Bool);
            }
            var armValue = condition is null ? null : LowerScalar(arm.Value);
            result = armValue is null ? null : new Conditional(condition!, armValue, result, type);
        }
        _conditionalDepth--;
        return result;
    }

    /// <summary><c>value is pattern</c>, a bool.</summary>
    private Expr? LowerIsPattern(IIsPatternOperation isPattern)
    {
        var value = LowerScalar(isPattern.Value);
        return value is null ? null : PatternCondition(isPattern.Pattern, value);
    }

    private static bool MatchesEverything(IPatternOperation pattern) =>
        pattern is IDiscardPatternOperation || pattern is IDeclarationPatternOperation { MatchesNull: true, DeclaredSymbol: null };

    /// <summary>The condition a pattern tests on an already lowered value (read again, not re-evaluated: lowered values are pure).</summary>
    private Expr? PatternCondition(IPatternOperation pattern, Expr value)
    {
        switch (pattern)
        {
            case IDiscardPatternOperation:
                return new Constant(1, ScalarType.Bool);
            case IRelationalPatternOperation relational when ToBinaryOp(relational.OperatorKind) is { } op:
                return Compare(op, value, relational.Value);
            case IConstantPatternOperation constant:
                return Compare(BinaryOp.Equal, value, constant.Value);
            case INegatedPatternOperation negated:
                var inner = PatternCondition(negated.Pattern, value);
                return inner is null ? null : new Unary(UnaryOp.Not, inner, ScalarType.Bool);
            case IBinaryPatternOperation binary:
                var left = PatternCondition(binary.LeftPattern, value);
                var right = left is null ? null : PatternCondition(binary.RightPattern, value);
                return right is null ? null : new Binary(binary.OperatorKind == BinaryOperatorKind.Or ? BinaryOp.Or : BinaryOp.And, left!, right, ScalarType.Bool);
            default:
                Unsupported(pattern, "patterns on values are supported with relational (< 0), constant (0), 'and', 'or', 'not' and '_' parts");
                return null;
        }
    }

    private Expr? Compare(BinaryOp op, Expr value, IOperation bound)
    {
        var right = LowerScalar(bound);
        return right is null ? null : Build.Exact(op, value, right);
    }
}
