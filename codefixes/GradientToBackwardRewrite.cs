using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SourceGen.Autodiff.CodeFixes;

/// <summary>
/// Turns the statement around a rejected <c>X.FGradient(x)</c> into what the user meant:
/// gradients of the sum of all outputs (PyTorch's <c>y.backward(torch.ones_like(y))</c>):
/// <code>
/// var xGrad = Tensor.ZerosLike(x);
/// X.FBackward(x, Seed.OnesLike(X.F(x)), xGrad);
/// var g = xGrad;                // or: the declared variable itself is the buffer
/// </code>
/// One buffer per differentiable parameter, sized from its argument; the ones seed is shaped
/// like the result (so F runs once more, to learn that shape). Arguments other than plain
/// names and literals are evaluated once, into locals, because they are used several times.
/// </summary>
internal sealed class GradientToBackwardRewrite
{
    private readonly GradientCall _call;
    private readonly SemanticModel _model;
    private readonly StatementSyntax _statement;
    private readonly RuntimeTypeNames _names;
    private readonly UniqueNames _unique;
    private readonly List<string> _statements = new();
    private readonly string[] _argumentTexts;

    private GradientToBackwardRewrite(GradientCall call, SemanticModel model, StatementSyntax statement, CancellationToken cancellationToken)
    {
        _call = call;
        _model = model;
        _statement = statement;
        _names = new RuntimeTypeNames(model, statement.SpanStart);
        _unique = UniqueNames.Around(statement, model, cancellationToken);
        _argumentTexts = new string[call.Arguments.Length];
    }

    public static bool CanRewrite(GradientCall call, SemanticModel model, CancellationToken cancellationToken) =>
        EnclosingStatement(call.Invocation) is { } statement
        && new GradientToBackwardRewrite(call, model, statement, cancellationToken).Build() is not null;

    /// <summary>The new root, or null when the call cannot be rewritten here.</summary>
    public static SyntaxNode? Apply(SyntaxNode root, GradientCall call, SemanticModel model, CancellationToken cancellationToken)
    {
        if (EnclosingStatement(call.Invocation) is not { } statement)
        {
            return null;
        }

        var rewrite = new GradientToBackwardRewrite(call, model, statement, cancellationToken);
        if (rewrite.Build() is not { } replacement)
        {
            return null;
        }

        // A top-level statement sits in a GlobalStatement, which is what the file's list holds.
        root = statement.Parent is GlobalStatementSyntax global
            ? root.ReplaceNode(global, replacement.Select(s => SyntaxFactory.GlobalStatement(s)))
            : root.ReplaceNode(statement, replacement);
        return rewrite._names.AddUsingIfNeeded(root);
    }

    /// <summary>
    /// The statement to rewrite: a local declaration, expression or return statement in a block
    /// (or at the top level),
    /// with nothing between it and the call that would evaluate the call conditionally, repeatedly
    /// or later (lambdas, ?:, &amp;&amp;, ||, ??, ?.), because the rewrite runs it before the statement.
    /// </summary>
    private static StatementSyntax? EnclosingStatement(InvocationExpressionSyntax invocation)
    {
        for (SyntaxNode? node = invocation.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case LocalDeclarationStatementSyntax or ExpressionStatementSyntax or ReturnStatementSyntax
                    when node.Parent is BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax:
                    return (StatementSyntax)node;
                case StatementSyntax or AnonymousFunctionExpressionSyntax or ConditionalExpressionSyntax
                    or ConditionalAccessExpressionSyntax or SwitchExpressionSyntax:
                    return null;
                case BinaryExpressionSyntax binary when binary.Kind() is SyntaxKind.LogicalAndExpression
                    or SyntaxKind.LogicalOrExpression or SyntaxKind.CoalesceExpression:
                    return null;
            }
        }

        return null;
    }

    /// <summary>Builds the replacement block of statements, or null when a type is not understood.</summary>
    private SyntaxList<StatementSyntax>? Build()
    {
        int position = _statement.SpanStart;
        for (int i = 0; i < _call.Arguments.Length; i++)
        {
            ExpressionSyntax argument = _call.Arguments[i];
            if (IsSimple(argument))
            {
                _argumentTexts[i] = argument.ToString();
                continue;
            }

            string local = _unique.Take(_call.Gradient.Parameters[i].Name);
            string type = _call.Gradient.Parameters[i].Type.ToMinimalDisplayString(_model, position);
            _statements.Add($"{type} {local} = {argument};");
            _argumentTexts[i] = local;
        }

        string? seed = SeedExpression();
        if (seed is null)
        {
            return null;
        }

        string? reusedVariable = DeclaredVariableToReuse();
        var backwardArguments = new List<string>(_argumentTexts) { seed };
        var results = new List<(string Parameter, string Buffer)>();
        foreach (IParameterSymbol buffer in _call.BufferParameters)
        {
            int parameter = _call.ParameterOfBuffer(buffer);
            if (parameter < 0)
            {
                return null;
            }

            string name = reusedVariable ?? _unique.Take(buffer.Name);
            string? initializer = BufferInitializer(buffer, _argumentTexts[parameter]);
            if (initializer is null)
            {
                return null;
            }

            if (reusedVariable is null)
            {
                string declaredType = buffer.RefKind == RefKind.Ref ? "double" : "var";
                _statements.Add($"{declaredType} {name} = {initializer};");
            }
            else
            {
                _statements.Add(_statement.ReplaceNode(_call.Invocation, SyntaxFactory.ParseExpression(initializer)).WithoutTrivia().ToString());
            }

            backwardArguments.Add(buffer.RefKind == RefKind.Ref ? "ref " + name : name);
            results.Add((_call.Gradient.Parameters[parameter].Name, name));
        }

        if (results.Count == 0)
        {
            return null;
        }

        _statements.Add($"{_call.TargetWithName(_call.Backward.Name)}({string.Join(", ", backwardArguments)});");
        if (reusedVariable is null && !(_statement is ExpressionStatementSyntax statement && statement.Expression == _call.Invocation))
        {
            string result = results.Count == 1
                ? results[0].Buffer
                : "(" + string.Join(", ", results.Select(r => r.Parameter + ": " + r.Buffer)) + ")";
            _statements.Add(_statement.ReplaceNode(_call.Invocation, SyntaxFactory.ParseExpression(result)).WithoutTrivia().ToString());
        }

        return StatementLayout.Lay(_statements, _statement);
    }

    /// <summary>Ones of the result's shape, in the seed parameter's type.</summary>
    private string? SeedExpression()
    {
        ITypeSymbol seedType = _call.SeedParameter.Type;
        string primalCall = $"{_call.TargetWithName(_call.Primal.Name)}({string.Join(", ", _argumentTexts)})";
        if (seedType.ToDisplayString() == AutodiffNames.Tensor)
        {
            return $"{_names.Name("Seed")}.OnesLike({primalCall})";
        }

        if (!TypeShapes.IsSpanOfDouble(seedType, "ReadOnlySpan"))
        {
            return null;
        }

        if (_call.Primal.ReturnType is IArrayTypeSymbol)
        {
            return $"{_names.Name("Seed")}.OnesArray({primalCall}.Length)";
        }

        // void M(..., Span<double> output): the output argument has the result's length.
        int[] outputs = Enumerable.Range(0, _call.Primal.Parameters.Length)
            .Where(i => TypeShapes.IsSpanOfDouble(_call.Primal.Parameters[i].Type, "Span"))
            .ToArray();
        return _call.Primal.ReturnsVoid && outputs.Length == 1
            ? $"{_names.Name("Seed")}.OnesArray({_argumentTexts[outputs[0]]}.Length)"
            : null;
    }

    private string? BufferInitializer(IParameterSymbol buffer, string argument)
    {
        if (buffer.RefKind == RefKind.Ref && buffer.Type.SpecialType == SpecialType.System_Double)
        {
            return "0.0";
        }

        if (buffer.Type.ToDisplayString() == AutodiffNames.Tensor)
        {
            return $"{_names.Name("Tensor")}.ZerosLike({argument})";
        }

        return TypeShapes.IsSpanOfDouble(buffer.Type, "Span") ? $"new double[{argument}.Length]" : null;
    }

    /// <summary>
    /// In <c>var g = X.FGradient(x);</c> with one buffer, g itself becomes the buffer: the
    /// rewrite reads as "g starts at zero, backward adds into it".
    /// </summary>
    private string? DeclaredVariableToReuse()
    {
        return _call.BufferParameters.Count() == 1
            && _statement is LocalDeclarationStatementSyntax { Declaration.Variables: { Count: 1 } variables }
            && variables[0].Initializer?.Value == _call.Invocation
                ? variables[0].Identifier.ValueText
                : null;
    }

    private static bool IsSimple(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax or LiteralExpressionSyntax or ThisExpressionSyntax => true,
        MemberAccessExpressionSyntax access => IsSimple(access.Expression),
        _ => false,
    };
}
