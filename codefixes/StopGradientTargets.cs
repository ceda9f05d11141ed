using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SourceGen.Autodiff.CodeFixes;

/// <summary>
/// Which expressions to wrap in Gradient.Stop for a diagnostic on <c>node</c>: the arguments
/// of a reported call (DIFF009 sits on Math.Floor(x); DIFF008 may sit on the call), the
/// operands of a reported comparison, or else the reported expression itself.
/// Only values Gradient.Stop accepts (double, float, Tensor) that are not constants and not
/// already stopped are wrapped.
/// </summary>
internal static class StopGradientTargets
{
    public static List<ExpressionSyntax> Find(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        var targets = new List<ExpressionSyntax>();
        foreach (ExpressionSyntax candidate in Candidates(node))
        {
            if (IsStoppable(candidate, model, cancellationToken))
            {
                targets.Add(candidate);
            }
        }

        return targets;
    }

    private static IEnumerable<ExpressionSyntax> Candidates(SyntaxNode node)
    {
        switch (node)
        {
            case ArgumentSyntax argument:
                yield return argument.Expression;
                break;
            case InvocationExpressionSyntax invocation:
                foreach (ArgumentSyntax argument in invocation.ArgumentList.Arguments)
                {
                    yield return argument.Expression;
                }

                break;
            case BinaryExpressionSyntax binary:
                yield return binary.Left;
                yield return binary.Right;
                break;
            case ExpressionSyntax expression:
                yield return expression;
                break;
        }
    }

    private static bool IsStoppable(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetConstantValue(expression, cancellationToken).HasValue || StopGradientSyntax.IsStopCall(expression, model, cancellationToken))
        {
            return false;
        }

        ITypeSymbol? type = model.GetTypeInfo(expression, cancellationToken).Type;
        return type is not null
            && (type.SpecialType is SpecialType.System_Double or SpecialType.System_Single
                || type.ToDisplayString() == AutodiffNames.Tensor);
    }
}
