using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Lowering;

/// <summary>
/// Windows on arrays and spans: <c>x.AsSpan(a, n)</c>, <c>x.Slice(a, n)</c>, <c>span[a..b]</c>,
/// and <c>x[a..b]</c> / <c>x.ToArray()</c> of a parameter when the copy is only read. A window is
/// its base plus a first index and a count, fixed when it is made (captured like a ref local's
/// index), so <c>w[j]</c> is <c>x[start + j]</c>: the reverse sweep sees ordinary element reads
/// and writes of the base, and needs nothing new. A window read and written after its base is
/// bound to another array would name the old storage: refused, as are windows bound twice.
/// </summary>
internal sealed partial class BodyLowerer
{
    /// <summary>Elements <c>Start .. Start + Count - 1</c> of <c>Base</c>.</summary>
    private sealed record ArrayView(AggregateInfo Base, Expr Start, Expr Count);

    private readonly Dictionary<ISymbol, ArrayView> _views = new(SymbolEqualityComparer.Default);

    /// <summary>Whether the operation denotes a window (a view local, or a slicing expression); null if it is not one.</summary>
    private static bool IsViewExpression(IOperation operation) => StripConversions(operation) switch
    {
        IInvocationOperation { TargetMethod.Name: "AsSpan" or "Slice" } => true,
        IImplicitIndexerReferenceOperation { Argument.Type: var type } => IsSystemRange(type),
        IArrayElementReferenceOperation { Indices: [{ Type: var type }] } => IsSystemRange(type),
        _ => false,
    };

    private static bool IsSystemRange(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "Range", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    /// <summary>The window an operation denotes: a view local, a slice, or a whole array or span; null (reported) otherwise.</summary>
    private ArrayView? ViewOf(IOperation operation)
    {
        var stripped = StripConversions(operation);
        if (ReferencedSymbol(stripped) is { } symbol)
        {
            if (_views.TryGetValue(symbol, out var bound))
            {
                return bound;
            }
            var aggregate = ResolveAggregate(stripped);
            if (aggregate is null)
            {
                return null;
            }
            if (aggregate.IsTensor)
            {
                return UnsupportedView(operation, "tensors cannot be sliced; index their elements");
            }
            return new ArrayView(aggregate, new Constant(0, ScalarType.Int), aggregate.Length as Constant ?? (Expr)new LengthOf(aggregate.Name));
        }
        switch (stripped)
        {
            case IInvocationOperation { TargetMethod.Name: "AsSpan", TargetMethod.ContainingType.Name: "MemoryExtensions", Arguments: [var array, .. var bounds] }
                when bounds.All(b => b.Value.Type?.SpecialType == SpecialType.System_Int32):
                return Narrow(operation, ViewOf(array.Value), bounds.Select(b => b.Value).ToList());
            case IInvocationOperation { TargetMethod.Name: "Slice", Instance: { } span, Arguments: var bounds }
                when span.Type is { } spanType && KnownTypes.TryGetSpan(spanType, out _, out _) && bounds.All(b => b.Value.Type?.SpecialType == SpecialType.System_Int32):
                return Narrow(operation, ViewOf(span), bounds.Select(b => b.Value).ToList());
            case IImplicitIndexerReferenceOperation { Argument: IRangeOperation range } slice:
                return NarrowToRange(ViewOf(slice.Instance), range);
            case IArrayElementReferenceOperation { ArrayReference: var array, Indices: [IRangeOperation range] }:
                return NarrowToRange(ViewOf(array), range);
            default:
                return UnsupportedView(operation, "windows on arrays and spans are AsSpan(start, length), Slice(start, length) and [a..b] of a parameter or local array");
        }
    }

    private ArrayView? UnsupportedView(IOperation operation, string why)
    {
        Unsupported(operation, why);
        return null;
    }

    /// <summary>AsSpan(start) / AsSpan(start, length) / Slice(...) of a window.</summary>
    private ArrayView? Narrow(IOperation operation, ArrayView? whole, List<IOperation> bounds)
    {
        if (whole is null)
        {
            return null;
        }
        if (bounds.Count > 2)
        {
            return UnsupportedView(operation, "a window takes a start and a length");
        }
        if (bounds.Count == 0)
        {
            // AsSpan(): the whole array.
            return whole;
        }
        var start = bounds.Count > 0 ? LowerScalar(bounds[0]) : new Constant(0, ScalarType.Int);
        var count = bounds.Count > 1 ? LowerScalar(bounds[1]) : start is null ? null : Build.Subtract(whole.Count, start);
        return start is null || count is null ? null : Window(whole, start, count);
    }

    /// <summary><c>[a..b]</c>, either end omitted or counted from the end (<c>^k</c>).</summary>
    private ArrayView? NarrowToRange(ArrayView? whole, IRangeOperation range)
    {
        if (whole is null)
        {
            return null;
        }
        var start = RangeEnd(range.LeftOperand, whole, new Constant(0, ScalarType.Int));
        var end = start is null ? null : RangeEnd(range.RightOperand, whole, whole.Count);
        return start is null || end is null ? null : Window(whole, start, Build.Subtract(end, start));
    }

    /// <summary>
    /// The window <c>start .. start + count - 1</c> of <paramref name="whole"/>, checked as AsSpan and Slice
    /// check it: a window outside its array throws ArgumentOutOfRangeException, as the method would.
    /// </summary>
    private ArrayView Window(ArrayView whole, Expr start, Expr count)
    {
        start = Capture(start, "start");
        count = Capture(count, "count");
        var zero = new Constant(0, ScalarType.Int);
        var tests = new[]
        {
            start is Constant { Value: >= 0 } ? null : new Binary(BinaryOp.Less, start, zero, ScalarType.Bool),
            count is Constant { Value: >= 0 } ? null : new Binary(BinaryOp.Less, count, zero, ScalarType.Bool),
            start is Constant { Value: var s } && count is Constant { Value: var c } && whole.Count is Constant { Value: var length } && s + c <= length
                ? null : new Binary(BinaryOp.Greater, start, Build.Subtract(whole.Count, count), ScalarType.Bool),
        }.Where(t => t is not null).ToList();
        if (tests.Count > 0)
        {
            var outside = tests.Skip(1).Aggregate((Expr)tests[0]!, (all, next) => new Binary(BinaryOp.Or, all, next!, ScalarType.Bool));
            EmitThrow(outside, new DataRead(EquatableArray.Create("throw new global::System.ArgumentOutOfRangeException()"), EquatableArray<Expr>.Empty, IsPrimary: true, ScalarType.Int));
        }
        return new ArrayView(whole.Base, Build.Add(whole.Start, start), count);
    }

    private Expr? RangeEnd(IOperation? end, ArrayView whole, Expr omitted)
    {
        if (end is null)
        {
            return omitted;
        }
        var stripped = StripConversions(end);
        if (stripped is IUnaryOperation { OperatorKind: UnaryOperatorKind.Hat } hat)
        {
            var k = LowerScalar(hat.Operand);
            return k is null ? null : Build.Subtract(whole.Count, k);
        }
        return stripped.Type?.SpecialType == SpecialType.System_Int32 ? LowerScalar(stripped) : UnsupportedValue(end, "range ends must be int values or ^k");
    }

    /// <summary>An index into a window: <c>j</c> or <c>^k</c>, from the window's start.</summary>
    private List<Expr>? ViewIndex(ArrayView view, IReadOnlyList<IOperation> indices)
    {
        if (indices.Count != 1)
        {
            UnsupportedValue(indices[1], "a window has one index");
            return null;
        }
        var index = StripConversions(indices[0]);
        Expr? offset = index is IUnaryOperation { OperatorKind: UnaryOperatorKind.Hat } hat
            ? LowerScalar(hat.Operand) is { } k ? Build.Subtract(view.Count, k) : null
            : index.Type?.SpecialType == SpecialType.System_Int32 ? LowerScalar(index)
            : UnsupportedValue(index, "indices must be int values or ^k");
        return offset is null ? null : new List<Expr> { Build.Add(view.Start, offset) };
    }

    /// <summary>A view local: <c>ReadOnlySpan&lt;double&gt; w = x.AsSpan(i, k);</c>, its start and count captured now.</summary>
    private void BindView(ISymbol symbol, IOperation value, IOperation whole)
    {
        if (Reassigned.Contains(symbol))
        {
            Unsupported(whole, $"the window '{symbol.Name}' is assigned again; bind each window to a local of its own");
            return;
        }
        var view = ViewOf(value);
        if (view is null)
        {
            return;
        }
        if (view.Base.Kind is AggregateKind.ElementWritten && IsRebound(view.Base))
        {
            Unsupported(whole, $"'{symbol.Name}' is a window on '{view.Base.Name}', which is assigned or created again, so the window would keep naming the old array; index '{view.Base.Name}' directly");
            return;
        }
        _views[symbol] = view;
    }

    /// <summary>Whether a local array copy of a window (<c>x[a..b]</c>, <c>ToArray()</c>) may stand for the window: its base never changes and the copy is only read.</summary>
    private bool CopyIsOnlyRead(ISymbol symbol, IOperation value)
    {
        value = CopiedArray(StripConversions(value)) ?? value;
        var source = StripConversions(value);
        while (source switch
        {
            IInvocationOperation call => call.Instance ?? call.Arguments.FirstOrDefault()?.Value,
            IImplicitIndexerReferenceOperation slice => slice.Instance,
            IArrayElementReferenceOperation element => element.ArrayReference,
            _ => null,
        } is { } inner)
        {
            source = StripConversions(inner);
        }
        if (source is not IParameterReferenceOperation || Reassigned.Contains(symbol))
        {
            return false;
        }
        return _bodyOperation!.Descendants().OfType<ILocalReferenceOperation>()
            .Where(l => SymbolEqualityComparer.Default.Equals(l.Local, symbol))
            .All(l => l.Parent switch
            {
                IArrayElementReferenceOperation element => !IsWritten(element),
                IPropertyReferenceOperation { Property.Name: "Length" } => true,
                IForEachLoopOperation => true,
                _ => false,
            });
    }

    private static bool IsWritten(IOperation element) => element.Parent switch
    {
        IAssignmentOperation assignment => ReferenceEquals(assignment.Target, element),
        IIncrementOrDecrementOperation => true,
        IArgumentOperation { Parameter.RefKind: not RefKind.None } => true,
        IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol.RefKind: RefKind.Ref } } => true,
        _ => false,
    };

    /// <summary>A local array assigned or created more than once (or in a loop): a window on it could outlive its storage.</summary>
    private bool IsRebound(AggregateInfo aggregate) =>
        _aggregates.Any(pair => ReferenceEquals(pair.Value, aggregate) && pair.Key is ILocalSymbol local && (Reassigned.Contains(local) || DeclaredInLoop(local)));

    private bool IsView(IOperation operation) =>
        IsViewExpression(operation) || ReferencedSymbol(operation) is { } symbol && _views.ContainsKey(symbol);

    /// <summary><c>w[j]</c>, <c>x.AsSpan(a, n)[j]</c>, <c>x[a..b][^1]</c>: an element of the base.</summary>
    private Expr? LoadThroughView(IOperation operation, IOperation viewOperation, IReadOnlyList<IOperation> indexOperations, ScalarType type)
    {
        var view = ViewOf(viewOperation);
        var indices = view is null ? null : ViewIndex(view, indexOperations);
        return view is null || indices is null ? null : LoadElementAt(operation, view.Base, indices, type);
    }

    private Expr? StoreThroughView(IOperation target, IOperation viewOperation, IReadOnlyList<IOperation> indexOperations, IOperation? valueOperation, Expr? value, BinaryOp? compound)
    {
        var view = ViewOf(viewOperation);
        var indices = view is null ? null : ViewIndex(view, indexOperations);
        return view is null || indices is null ? null : StoreElementAt(target, view.Base, indices, valueOperation, value, compound);
    }

    /// <summary>
    /// A local bound to a window, or to a copy of one: span locals are views (<c>ReadOnlySpan&lt;double&gt; w = x[a..b]</c>,
    /// <c>Span&lt;double&gt; head = buffer.AsSpan(0, 3)</c>); an array copy (<c>x[a..b]</c>, <c>ToArray()</c>) is a view
    /// when only read, otherwise a local array of its own. Returns false when the value is none of these.
    /// </summary>
    private bool TryAssignWindow(ISymbol symbol, ITypeSymbol type, IOperation value, IOperation whole)
    {
        var stripped = StripConversions(value);
        var copied = CopiedArray(stripped);
        var isSpan = KnownTypes.TryGetSpan(type, out _, out _);
        if (copied is null && !IsView(stripped) && !(isSpan && ReferencedSymbol(stripped) is { } whole0 && _aggregates.ContainsKey(whole0)))
        {
            return false;
        }
        if (isSpan && copied is null || CopyIsOnlyRead(symbol, value))
        {
            BindView(symbol, copied ?? value, whole);
            return true;
        }
        var view = ViewOf(copied ?? value);
        if (view is not null)
        {
            CopyWindow(symbol, view, whole);
        }
        return true;
    }

    /// <summary>The array a copy is made of: <c>x.ToArray()</c>, or <c>(double[])x.Clone()</c> of an array; otherwise null.</summary>
    private static IOperation? CopiedArray(IOperation value) => value switch
    {
        IInvocationOperation { TargetMethod.Name: "ToArray" } toArray => toArray.Instance ?? toArray.Arguments.FirstOrDefault()?.Value,
        IConversionOperation { Operand: IInvocationOperation { TargetMethod.Name: "Clone", Arguments.Length: 0, Instance: { Type: IArrayTypeSymbol source } instance } } cast
            when SymbolEqualityComparer.Default.Equals(cast.Type, source) => instance,
        _ => null,
    };
}
