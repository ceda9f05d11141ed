using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SourceGen.Autodiff.Generator.Diagnostics;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Lowering;

/// <summary>Calls to void [Differentiable] methods that write a Span output, written as statements.</summary>
internal sealed partial class BodyLowerer
{
    private static bool IsDifferentiableMethod(IMethodSymbol target) =>
        target.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KnownTypes.DifferentiableAttribute);

    /// <summary>
    /// <c>Rotate(r, p, q);</c>: the callee writes its Span output into <c>q</c>, a local array or
    /// the caller's own Span output. The forward sweep runs the callee's taped forward; the reverse
    /// its taped reverse, with <c>q</c>'s adjoint as the seed it reads and clears in place.
    /// </summary>
    private void LowerCallStatement(IInvocationOperation invocation)
    {
        var target = invocation.TargetMethod;
        if (CalleeRefused(invocation, userDerivative: null))
        {
            return;
        }
        var outputs = new List<AggregateInfo>();
        if (LowerCallArguments(invocation, outputs) is not var (parameters, arguments))
        {
            return;
        }
        if (outputs.Count != 1)
        {
            Unsupported(invocation, $"'{target.Name}' returns nothing and writes no Span output, so calling it has no effect a derivative could follow; remove the call");
            return;
        }
        var output = outputs[0];
        var read = arguments.OfType<AggregateArgument>().Where(a => a.Aggregate == output.Name).Skip(1).Any();
        if (read)
        {
            var written = parameters.First(p => p.Kind == ParameterKind.OutputSpan).Name;
            Unsupported(invocation, $"'{target.Name}' would write its output '{written}' into an array it also reads as an input; pass a different array as '{written}'");
            return;
        }
        var call = CallOf(target, parameters, arguments);
        Emit(new CallStatement(call, output.Name));
        // What the call wrote is no longer the value of an earlier constant-index store.
        output.Elements.Clear();
        if (arguments.Any(IsVaried))
        {
            output.IsVaried = true;
            _varied.Add(output.Name);
        }
    }

    /// <summary>
    /// <c>var p = Softmax(z);</c>: the callee returns a new array, which becomes the local. Its
    /// reverse takes the local's adjoint as the seed; nothing was overwritten, so nothing is recorded.
    /// </summary>
    private void LowerArrayCall(ISymbol symbol, IInvocationOperation invocation, IOperation whole)
    {
        var target = invocation.TargetMethod;
        if (target.ReturnType is not IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Double })
        {
            Unsupported(invocation, $"calls are supported to [Differentiable] methods that return double, double[] or write a Span output; '{target.Name}' returns '{TypeText.Of(target.ReturnType)}'");
            return;
        }
        if (_loopDepth > 0 || _branchDepth > 0)
        {
            Unsupported(whole, $"an array returned by '{target.Name}' becomes a local only at the top of the method, outside branches and loops; call it there");
            return;
        }
        if (CalleeRefused(invocation, userDerivative: null) || LowerCallArguments(invocation, output: null) is not var (parameters, arguments))
        {
            return;
        }
        var name = ClaimUserName(symbol.Name);
        var call = CallOf(target, parameters, arguments);
        Emit(new CallStatement(call, name) { Declares = true });
        var varied = arguments.Any(IsVaried);
        _aggregates[symbol] = new AggregateInfo(name, AggregateKind.ElementWritten, isTensor: false, varied);
        if (varied)
        {
            _varied.Add(name);
        }
    }

    /// <summary>The caller's aggregate passed as a callee's Span output: a local array it writes, or its own Span output.</summary>
    private AggregateInfo? OutputArgumentOf(IArgumentOperation argument, IParameterSymbol parameter)
    {
        var symbol = ReferencedSymbol(StripConversions(argument.Value));
        if (symbol is not null && _aggregates.TryGetValue(symbol, out var aggregate) && !aggregate.IsTensor
            && aggregate.Kind is AggregateKind.ElementWritten or AggregateKind.Output)
        {
            return aggregate;
        }
        UnsupportedValue(argument, symbol is not null && _aggregates.ContainsKey(symbol)
            ? $"'{symbol.Name}' is an input of this method: a [Differentiable] method cannot write into it; pass a local 'new double[n]' as '{parameter.Name}'"
            : $"pass a local array created with 'new double[n]', or this method's own Span output, as the output '{parameter.Name}'");
        return null;
    }

    /// <summary><c>return (e1, e2);</c> from a method returning a tuple of doubles: each element is a scalar.</summary>
    private void LowerTupleReturn(ITupleOperation tuple)
    {
        var elements = new List<Expr>();
        foreach (var element in tuple.Elements)
        {
            var lowered = LowerScalar(element);
            if (lowered is null)
            {
                return;
            }
            elements.Add(lowered.Type == ScalarType.Double ? lowered : Build.Convert(lowered, ScalarType.Double));
        }
        Emit(new Return(null, null, null) { Elements = elements.ToEquatableArray() });
        ResultIsVaried |= elements.Any(IsVaried);
    }

    /// <summary>
    /// <c>var (kx, ky) = Field(x, y, a);</c> or <c>(u, v) = Field(...)</c>: the callee returns a tuple
    /// of doubles; each element goes to a scalar local (or parameter), <c>_</c> to a temporary.
    /// </summary>
    private void LowerTupleCall(IDeconstructionAssignmentOperation deconstruction, IInvocationOperation invocation)
    {
        var target = invocation.TargetMethod;
        var elements = (StripDeclaration(deconstruction.Target) as ITupleOperation)?.Elements.Select(StripDeclaration).ToList();
        if (target.ReturnType is not INamedTypeSymbol { IsTupleType: true } tuple || elements is null || elements.Count != tuple.TupleElements.Length
            || elements.Any(e => e is not IDiscardOperation && !(ReferencedSymbol(e) is ILocalSymbol or IParameterSymbol && e.Type?.SpecialType == SpecialType.System_Double)))
        {
            Unsupported(deconstruction, $"deconstruct the tuple '{target.Name}' returns into double locals, one per element: 'var (a, b) = {target.Name}(...)'");
            return;
        }
        var names = new List<string>();
        foreach (var element in elements)
        {
            var symbol = element is IDiscardOperation ? null : ReferencedSymbol(element);
            string name;
            if (symbol is null)
            {
                name = _names.Fresh("discarded");
                _locals.Add(new LocalVariable(name, ScalarType.Double));
            }
            else if (!_localNames.TryGetValue(symbol, out name!))
            {
                name = symbol is IParameterSymbol parameter ? _parameterNames[parameter.Ordinal] : ClaimUserName(symbol.Name);
                _localNames[symbol] = name;
                if (symbol is ILocalSymbol)
                {
                    _locals.Add(new LocalVariable(name, ScalarType.Double));
                }
            }
            if (symbol is not null)
            {
                _scalars[symbol] = new Variable(name, ScalarType.Double);
            }
            names.Add(name);
        }
        EmitTupleCall(invocation, names);
    }

    /// <summary>The call assigning a tuple's elements to <paramref name="names"/>, one per element.</summary>
    private void EmitTupleCall(IInvocationOperation invocation, List<string> names)
    {
        if (CalleeRefused(invocation, userDerivative: null) || LowerCallArguments(invocation, output: null) is not var (parameters, arguments))
        {
            return;
        }
        if (arguments.Any(IsVaried))
        {
            _varied.UnionWith(names);
        }
        var target = invocation.TargetMethod;
        var call = CallOf(target, parameters, arguments);
        Emit(new CallStatement(call, "") { Targets = names.ToEquatableArray() });
    }

    /// <summary>A local holding a tuple of doubles: one variable per element (<c>f.dx</c>, <c>f.Item2</c> read them).</summary>
    private readonly Dictionary<ISymbol, List<string>> _tupleLocals = new(SymbolEqualityComparer.Default);

    /// <summary><c>var f = Field(x, y, a);</c> (or <c>f = Field(...)</c> again): the call assigns f's element variables.</summary>
    private void LowerTupleLocal(ISymbol symbol, IInvocationOperation invocation)
    {
        if (!_tupleLocals.TryGetValue(symbol, out var names))
        {
            var tuple = (INamedTypeSymbol)invocation.TargetMethod.ReturnType;
            names = tuple.TupleElements.Select(e => _names.Fresh(symbol.Name + char.ToUpperInvariant(e.Name[0]) + e.Name.Substring(1))).ToList();
            _tupleLocals[symbol] = names;
            _locals.AddRange(names.Select(n => new LocalVariable(n, ScalarType.Double)));
        }
        EmitTupleCall(invocation, names);
    }

    /// <summary><c>f.dx</c> or <c>f.Item1</c> of a tuple local: the element's variable.</summary>
    private Variable? TupleElementOf(IFieldReferenceOperation field)
    {
        if (field.Instance is not ILocalReferenceOperation local || !_tupleLocals.TryGetValue(local.Local, out var names)
            || local.Local.Type is not INamedTypeSymbol { IsTupleType: true } tuple)
        {
            return null;
        }
        // A named element (f.dx) and its position (f.Item1) are the same underlying field.
        var wanted = field.Field.CorrespondingTupleField ?? field.Field;
        var index = tuple.TupleElements.ToList().FindIndex(e => SymbolEqualityComparer.Default.Equals(e.CorrespondingTupleField ?? e, wanted));
        return index < 0 ? null : new Variable(names[index], ScalarType.Double);
    }

    private static IOperation StripDeclaration(IOperation operation) =>
        operation is IDeclarationExpressionOperation declaration ? declaration.Expression : operation;

    /// <summary>The IR of a call to <paramref name="target"/> with lowered arguments.</summary>
    private static DifferentiableCall CallOf(IMethodSymbol target, List<CalleeParameter> parameters, List<Expr> arguments) =>
        new(target.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), target.Name, arguments.ToEquatableArray(), parameters.ToEquatableArray());
}
