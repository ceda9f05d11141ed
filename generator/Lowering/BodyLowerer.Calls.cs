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
            semanticModel.GetSymbolInfo(invocation).Symbol is IMethodSymbol target && HasDerivativeCode(target, semanticModel.Compilation));
    }

    /// <summary>A call to it runs the callee's taped entry points: [Differentiable], or given a derivative with [DerivativeOf].</summary>
    private static bool HasDerivativeCode(IMethodSymbol target, Compilation compilation) =>
        target.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KnownTypes.DifferentiableAttribute)
        || !KnownTypes.IsMathType(target.ContainingType) && UserDerivatives.Find(compilation, target, default) is not null;

    private Expr? LowerDifferentiableCall(IInvocationOperation invocation, IMethodSymbol? userDerivative = null)
    {
        var target = invocation.TargetMethod;
        if (CalleeRefused(invocation, userDerivative))
        {
            return null;
        }
        if (target.ReturnType.SpecialType is not (SpecialType.System_Double or SpecialType.System_Single))
        {
            return UnsupportedValue(invocation, $"calls are supported to [Differentiable] methods that return double or float; '{target.Name}' returns '{TypeText.Of(target.ReturnType)}': compute it in the caller, or split it into methods with scalar results");
        }
        var resultType = target.ReturnType.SpecialType == SpecialType.System_Single ? ScalarType.Float : ScalarType.Double;
        if (_conditionalDepth > 0)
        {
            return UnsupportedValue(invocation, $"a call to '{target.Name}' (which has a derivative) inside '?:', '&&', '||' or a loop's condition or step does not run exactly once where it is written; call it in a statement of its own first");
        }
        if (LowerCallArguments(invocation, output: null) is not var (parameters, arguments))
        {
            return null;
        }
        var call = new DifferentiableCall(
            target.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), target.Name,
            arguments.ToEquatableArray(), parameters.ToEquatableArray(), resultType)
        {
            UserDerivative = userDerivative is null ? null : userDerivative.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + userDerivative.Name,
        };
        // Bound to a variable of its own: the call runs once, in order, and its result has an adjoint.
        var name = _names.Fresh(char.ToLowerInvariant(target.Name[0]) + target.Name.Substring(1));
        _locals.Add(new LocalVariable(name, resultType));
        Emit(new Assign(name, call));
        if (arguments.Any(IsVaried) || arguments.OfType<AggregateArgument>().Any(a => _varied.Contains(a.Aggregate)))
        {
            _varied.Add(name);
        }
        return new Variable(name, resultType);
    }

    /// <summary>A call of the method itself, or of a callee that cannot be differentiated: reported at the call.</summary>
    private bool CalleeRefused(IInvocationOperation invocation, IMethodSymbol? userDerivative)
    {
        var target = invocation.TargetMethod;
        // A call to itself needs no check (recursion is differentiated): the method's own errors are reported on it.
        var recursive = SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, _method.OriginalDefinition);
        if (userDerivative is null && !recursive && CalleeProblem(target) is { } problem)
        {
            Report(problem.Descriptor, invocation.Syntax.GetLocation(), problem.Arguments);
            return true;
        }
        return false;
    }

    /// <summary>
    /// The callee's parameters and the lowered arguments, in parameter order; null after a
    /// diagnostic. A Span output of the callee is accepted only when <paramref name="output"/> is
    /// given: it receives the caller's aggregate the call writes.
    /// </summary>
    private (List<CalleeParameter> Parameters, List<Expr> Arguments)? LowerCallArguments(IInvocationOperation invocation, List<AggregateInfo>? output)
    {
        var parameters = new List<CalleeParameter>();
        var arguments = new List<Expr>();
        foreach (var argument in invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0))
        {
            var parameter = argument.Parameter;
            if (parameter is null || argument.ArgumentKind != ArgumentKind.Explicit || parameter.RefKind != RefKind.None)
            {
                return Fail(invocation, "pass every argument of a [Differentiable] method explicitly, by value");
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
                parameters.Add(new CalleeParameter(parameter.Name, ParameterKind.Scalar, scalar.IsReal() && !noGradient, scalar));
                continue;
            }
            if (SignatureReader.IsData(parameter))
            {
                // Data passes through to the callee's taped entry points as it is.
                if (StripConversions(argument.Value) is not IParameterReferenceOperation passed || !_dataParameters.TryGetValue(passed.Parameter, out var dataName))
                {
                    return Fail(argument, $"pass '{parameter.Name}' (data of the callee) as a data parameter of the caller, unchanged");
                }
                arguments.Add(new AggregateArgument(dataName));
                parameters.Add(new CalleeParameter(parameter.Name, ParameterKind.Data, IsDifferentiable: false));
                continue;
            }
            var element = ScalarType.Double;
            if (output is not null && KnownTypes.TryGetSpan(type, out var isReadOnly, out element) && !isReadOnly)
            {
                var written = OutputArgumentOf(argument, parameter);
                if (written is null)
                {
                    return null;
                }
                output.Add(written);
                arguments.Add(new AggregateArgument(written.Name));
                parameters.Add(new CalleeParameter(parameter.Name, ParameterKind.OutputSpan, IsDifferentiable: false, element));
                continue;
            }
            var kind = KnownTypes.IsTensor(type) ? ParameterKind.Tensor
                : KnownTypes.TryGetArray(type, out element) ? ParameterKind.Array
                : KnownTypes.TryGetSpan(type, out var readOnly, out element) && readOnly ? ParameterKind.ReadOnlySpan
                : (ParameterKind?)null;
            var aggregate = kind is null ? null : AggregateArgumentOf(argument.Value);
            if (kind is not null && IsView(argument.Value))
            {
                return Fail(argument, "a window (AsSpan, Slice, a range, or a span local bound to one) cannot be passed to another [Differentiable] method yet; pass the whole array and the window's start and length as int arguments");
            }
            if (kind is null || aggregate is null)
            {
                return Fail(argument, "pass arrays, spans and tensors to a [Differentiable] method as a parameter or local of the caller");
            }
            arguments.Add(new AggregateArgument(aggregate.Value.Name));
            parameters.Add(new CalleeParameter(parameter.Name, kind.Value, !noGradient, kind == ParameterKind.Tensor ? ScalarType.Double : element));
        }
        return (parameters, arguments);

        (List<CalleeParameter>, List<Expr>)? Fail(IOperation at, string why)
        {
            UnsupportedValue(at, why);
            return null;
        }
    }

    /// <summary>
    /// How to give a method a derivative: [Differentiable] only works on a method declared in this
    /// compilation's source; a library or BCL method can only get a registered derivative.
    /// </summary>
    private static string NoDerivativeAdvice(IMethodSymbol target)
    {
        if (target.DeclaringSyntaxReferences.Length > 0)
        {
            return "mark it [Differentiable] or register a derivative with [DerivativeOf]";
        }
        var type = TypeText.Of(target.ContainingType);
        return $"register a derivative for it on a method of yours with [DerivativeOf(typeof({type}), nameof({type}.{target.Name}))]";
    }

    private int _conditionalDepth;

    /// <summary>The [Differentiable] methods being lowered on this thread: a callee among them is recursion.</summary>
    [System.ThreadStatic]
    private static List<IMethodSymbol>? t_lowering;

    /// <summary>
    /// Lowers the callee too: if it cannot be differentiated, the call is reported here, with the
    /// callee's own first error (like Swift's "when differentiating this function call" notes);
    /// a callee already being lowered is mutual recursion, checked where it started.
    /// </summary>
    private (DiagnosticDescriptor Descriptor, object[] Arguments)? CalleeProblem(IMethodSymbol callee)
    {
        var stack = t_lowering ??= new List<IMethodSymbol>();
        var chain = stack.Append(_method.OriginalDefinition).ToList();
        if (chain.Any(m => SymbolEqualityComparer.Default.Equals(m, callee.OriginalDefinition)))
        {
            // Mutual recursion: the callee is being checked further up; its errors are its own.
            return null;
        }
        if (callee.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_cancellationToken) is not MethodDeclarationSyntax syntax || _compilation is null)
        {
            return null;
        }
        stack.Add(_method.OriginalDefinition);
        try
        {
            var model = _compilation.GetSemanticModel(syntax.SyntaxTree);
            var result = MethodLowerer.Lower(callee, syntax, model, _cancellationToken);
            if (result.Method is not null)
            {
                return null;
            }
            var first = result.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
            if (first is null)
            {
                return (DiagnosticDescriptors.CalleeNotDifferentiable, new object[] { callee.Name, $"'{callee.Name}' does not compile yet" });
            }
            var line = first.Location.GetLineSpan().StartLinePosition.Line + 1;
            var why = $"'{callee.Name}' cannot be differentiated ({first.Id} at line {line}: {first.GetMessage(System.Globalization.CultureInfo.InvariantCulture)})";
            return (DiagnosticDescriptors.CalleeNotDifferentiable, new object[] { callee.Name, why });
        }
        finally
        {
            stack.RemoveAt(stack.Count - 1);
        }
    }
}
