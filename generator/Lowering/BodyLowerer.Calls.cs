using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SourceGen.Autodiff.Generator.Diagnostics;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Lowering;

/// <summary>Calls to other [Differentiable] methods.</summary>
internal sealed partial class BodyLowerer
{
    /// <summary>The method calls another [Differentiable] method: it needs the tape-based lowering.</summary>
    private static bool CallsDifferentiable(MethodDeclarationSyntax syntax, SemanticModel semanticModel)
    {
        var body = (SyntaxNode?)syntax.Body ?? syntax.ExpressionBody;
        return body is not null && body.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(invocation =>
            semanticModel.GetSymbolInfo(invocation).Symbol is IMethodSymbol target
            && (target.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KnownTypes.DifferentiableAttribute)
                || !KnownTypes.IsMathType(target.ContainingType) && UserDerivatives.Find(semanticModel.Compilation, target, default) is not null));
    }

    private Expr? LowerDifferentiableCall(IInvocationOperation invocation, IMethodSymbol? userDerivative = null)
    {
        var target = invocation.TargetMethod;
        if (SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, _method.OriginalDefinition))
        {
            Report(DiagnosticDescriptors.Recursion, invocation.Syntax.GetLocation(), _method.Name, $"'{_method.Name}' calls itself");
            return null;
        }
        if (target.ReturnType.SpecialType != SpecialType.System_Double
            || target.Parameters.Any(p => p.Type.SpecialType == SpecialType.System_Single || KnownTypes.TryGetArray(p.Type, out var e) && e == ScalarType.Float || KnownTypes.TryGetSpan(p.Type, out _, out var f) && f == ScalarType.Float))
        {
            return UnsupportedValue(invocation, $"calls are supported to [Differentiable] methods with double parameters and a double result; '{target.Name}' is not one (float callees are not supported yet)");
        }
        if (_conditionalDepth > 0)
        {
            return UnsupportedValue(invocation, "a call to a [Differentiable] method inside '?:', '&&', '||' or a loop's condition or step does not run exactly once where it is written; call it in a statement of its own first");
        }
        var parameters = new List<CalleeParameter>();
        var arguments = new List<Expr>();
        foreach (var argument in invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0))
        {
            var parameter = argument.Parameter;
            if (parameter is null || argument.ArgumentKind != ArgumentKind.Explicit || parameter.RefKind != RefKind.None)
            {
                return UnsupportedValue(invocation, "pass every argument of a [Differentiable] method explicitly, by value");
            }
            var noGradient = UserDerivatives.HasNoGradient(parameter);
            var type = parameter.Type;
            if (KnownTypes.TryGetScalar(type, out var scalar))
            {
                var lowered = LowerScalar(argument.Value);
                if (lowered is null)
                {
                    return null;
                }
                arguments.Add(lowered);
                parameters.Add(new CalleeParameter(parameter.Name, ParameterKind.Scalar, scalar == ScalarType.Double && !noGradient));
                continue;
            }
            var kind = KnownTypes.IsTensor(type) ? ParameterKind.Tensor
                : KnownTypes.TryGetArray(type, out _) ? ParameterKind.Array
                : KnownTypes.TryGetSpan(type, out var readOnly, out _) && readOnly ? ParameterKind.ReadOnlySpan
                : (ParameterKind?)null;
            var aggregate = kind is null ? null : AggregateArgumentOf(argument.Value);
            if (kind is null || aggregate is null)
            {
                return UnsupportedValue(argument, "pass arrays, spans and tensors to a [Differentiable] method as a parameter or local of the caller");
            }
            arguments.Add(new AggregateArgument(aggregate.Value.Name));
            parameters.Add(new CalleeParameter(parameter.Name, kind.Value, !noGradient));
        }
        var call = new DifferentiableCall(
            target.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), target.Name,
            arguments.ToEquatableArray(), parameters.ToEquatableArray())
        {
            UserDerivative = userDerivative is null ? null : userDerivative.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + userDerivative.Name,
        };
        // Bound to a variable of its own: the call runs once, in order, and its result has an adjoint.
        var name = _names.Fresh(char.ToLowerInvariant(target.Name[0]) + target.Name.Substring(1));
        _locals.Add(new LocalVariable(name, ScalarType.Double));
        Emit(new Assign(name, call));
        if (arguments.Any(IsVaried) || arguments.OfType<AggregateArgument>().Any(a => _varied.Contains(a.Aggregate)))
        {
            _varied.Add(name);
        }
        return new Variable(name, ScalarType.Double);
    }

    private int _conditionalDepth;
}
