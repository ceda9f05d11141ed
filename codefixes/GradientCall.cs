using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SourceGen.Autodiff.CodeFixes;

/// <summary>
/// A call <c>X.MGradient(args)</c> that DIFF007 rejects, understood through the generated
/// siblings: M (the user's method, for the result's shape) and MBackward (whose parameters
/// after M's own say which seed and which gradient buffers it takes).
/// </summary>
internal sealed class GradientCall
{
    private const string GradientSuffix = "Gradient";
    private const string BackwardSuffix = "Backward";
    private const string GradSuffix = "Grad";

    private GradientCall(
        InvocationExpressionSyntax invocation,
        IMethodSymbol gradient,
        IMethodSymbol primal,
        IMethodSymbol backward,
        ImmutableArray<ExpressionSyntax> arguments)
    {
        Invocation = invocation;
        Gradient = gradient;
        Primal = primal;
        Backward = backward;
        Arguments = arguments;
    }

    public InvocationExpressionSyntax Invocation { get; }

    /// <summary>The rejected MGradient.</summary>
    public IMethodSymbol Gradient { get; }

    /// <summary>M itself.</summary>
    public IMethodSymbol Primal { get; }

    /// <summary>MBackward: M's parameters, then the seed, then one buffer per differentiable parameter.</summary>
    public IMethodSymbol Backward { get; }

    /// <summary>The call's argument for each of M's parameters, in parameter order.</summary>
    public ImmutableArray<ExpressionSyntax> Arguments { get; }

    public IParameterSymbol SeedParameter => Backward.Parameters[Gradient.Parameters.Length];

    public IEnumerable<IParameterSymbol> BufferParameters => Backward.Parameters.Skip(Gradient.Parameters.Length + 1);

    /// <summary>The M parameter a gradient buffer belongs to ("xGrad" belongs to "x"), or -1.</summary>
    public int ParameterOfBuffer(IParameterSymbol buffer)
    {
        if (!buffer.Name.EndsWith(GradSuffix, StringComparison.Ordinal))
        {
            return -1;
        }

        return IndexOfParameter(Gradient, buffer.Name.Substring(0, buffer.Name.Length - GradSuffix.Length));
    }

    private static int IndexOfParameter(IMethodSymbol method, string name)
    {
        for (int i = 0; i < method.Parameters.Length; i++)
        {
            if (method.Parameters[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The call's target with the method name replaced: <c>X.MBackward</c>, <c>X.M</c>.</summary>
    public string TargetWithName(string methodName) => Invocation.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Expression.ToString() + access.OperatorToken.Text + methodName,
        _ => methodName,
    };

    public static GradientCall? TryCreate(SyntaxNode target, SemanticModel model, CancellationToken cancellationToken)
    {
        InvocationExpressionSyntax? invocation = target.FirstAncestorOrSelf<InvocationExpressionSyntax>();
        if (invocation is null || invocation.Expression is not (MemberAccessExpressionSyntax { Name: IdentifierNameSyntax } or IdentifierNameSyntax))
        {
            return null;
        }

        SymbolInfo info = model.GetSymbolInfo(invocation, cancellationToken);
        if ((info.Symbol ?? info.CandidateSymbols.FirstOrDefault()) is not IMethodSymbol { IsStatic: true } gradient
            || !gradient.Name.EndsWith(GradientSuffix, StringComparison.Ordinal))
        {
            return null;
        }

        string primalName = gradient.Name.Substring(0, gradient.Name.Length - GradientSuffix.Length);
        IMethodSymbol? primal = FindSibling(gradient, primalName, extraParameters: false);
        IMethodSymbol? backward = FindSibling(gradient, primalName + BackwardSuffix, extraParameters: true);
        ImmutableArray<ExpressionSyntax>? arguments = ArgumentsInParameterOrder(invocation, gradient);
        return primal is null || backward is null || arguments is null
            ? null
            : new GradientCall(invocation, gradient, primal, backward, arguments.Value);
    }

    /// <summary>A method of the same type whose parameters start with MGradient's (and go on, for MBackward).</summary>
    private static IMethodSymbol? FindSibling(IMethodSymbol gradient, string name, bool extraParameters)
    {
        foreach (IMethodSymbol candidate in gradient.ContainingType.GetMembers(name).OfType<IMethodSymbol>())
        {
            int count = gradient.Parameters.Length;
            bool lengthFits = extraParameters ? candidate.Parameters.Length > count + 1 : candidate.Parameters.Length == count;
            if (lengthFits && Enumerable.Range(0, count).All(i =>
                    SymbolEqualityComparer.Default.Equals(candidate.Parameters[i].Type, gradient.Parameters[i].Type)))
            {
                return candidate;
            }
        }

        return null;
    }

    private static ImmutableArray<ExpressionSyntax>? ArgumentsInParameterOrder(InvocationExpressionSyntax invocation, IMethodSymbol gradient)
    {
        SeparatedSyntaxList<ArgumentSyntax> arguments = invocation.ArgumentList.Arguments;
        if (arguments.Count != gradient.Parameters.Length)
        {
            return null;
        }

        var ordered = new ExpressionSyntax[arguments.Count];
        for (int i = 0; i < arguments.Count; i++)
        {
            ArgumentSyntax argument = arguments[i];
            int index = argument.NameColon is { } nameColon ? IndexOfParameter(gradient, nameColon.Name.Identifier.ValueText) : i;
            if (index < 0 || ordered[index] is not null || !argument.RefKindKeyword.IsKind(SyntaxKind.None))
            {
                return null;
            }

            ordered[index] = argument.Expression;
        }

        return ordered.ToImmutableArray();
    }
}
