using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SourceGen.Autodiff.CodeFixes;

/// <summary>Builds and recognises <c>Gradient.Stop(expression)</c>.</summary>
internal static class StopGradientSyntax
{
    /// <summary>Wraps <paramref name="expression"/>, keeping its surrounding trivia outside the call.</summary>
    public static ExpressionSyntax Wrap(ExpressionSyntax stop, ExpressionSyntax expression) =>
        SyntaxFactory.InvocationExpression(
                stop,
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(expression.WithoutTrivia()))))
            .WithTriviaFrom(expression);

    public static bool IsStopCall(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) =>
        expression is InvocationExpressionSyntax
        && model.GetSymbolInfo(expression, cancellationToken).Symbol is IMethodSymbol { Name: "Stop" } method
        && method.ContainingType.ToDisplayString() == AutodiffNames.Gradient;
}
