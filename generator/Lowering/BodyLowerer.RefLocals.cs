using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SourceGen.Autodiff.Generator.Diagnostics;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Lowering;

/// <summary>
/// <c>ref</c> locals are aliases, never copies: a read or write through one is a read or write of
/// the location it names. The location is fixed when the ref is bound: a ref to <c>a[k]</c> keeps
/// naming <c>a[old k]</c> after <c>k</c> moves on, so its indices are captured into locals then.
/// A ref whose target is only known at run time (rebound inside a branch or loop, a <c>ref</c>
/// conditional or a ref-returning call) is a diagnostic.
/// </summary>
internal sealed partial class BodyLowerer
{
    /// <summary>The location a ref local names, and where it was bound (rebinding elsewhere is not static).</summary>
    private abstract record RefTarget(int LoopDepth, int BranchDepth);

    /// <summary>Another local or parameter (itself never a ref local: chains are followed when binding).</summary>
    private sealed record SymbolRef(ISymbol Symbol, int LoopDepth, int BranchDepth) : RefTarget(LoopDepth, BranchDepth);

    /// <summary>An element of an array, span or tensor, at indices captured when the ref was bound.</summary>
    private sealed record ElementRef(ISymbol Aggregate, EquatableArray<Expr> Indices, ScalarType Type, int LoopDepth, int BranchDepth) : RefTarget(LoopDepth, BranchDepth);

    private readonly Dictionary<ISymbol, RefTarget> _refs = new(SymbolEqualityComparer.Default);

    /// <summary>The local or parameter a symbol stands for: itself, or what the ref local names.</summary>
    private ISymbol Canonical(ISymbol symbol) => _refs.TryGetValue(symbol, out var target) && target is SymbolRef named ? named.Symbol : symbol;

    /// <summary>The symbol a local or parameter reference names, through ref locals.</summary>
    private ISymbol? ReferencedSymbol(IOperation operation) => StripConversions(operation) switch
    {
        IParameterReferenceOperation p => Canonical(p.Parameter),
        ILocalReferenceOperation l => Canonical(l.Local),
        _ => null,
    };

    /// <summary>A ref local naming an element, or null.</summary>
    private ElementRef? ElementRefOf(IOperation operation) =>
        StripConversions(operation) is ILocalReferenceOperation local && _refs.TryGetValue(local.Local, out var target) ? target as ElementRef : null;

    /// <summary><c>ref double r = ref target;</c> (also <c>ref readonly</c>, <c>ref var</c>, and <c>r = ref target;</c>).</summary>
    private void BindRef(ILocalSymbol local, IOperation target, IOperation whole)
    {
        if (_conditionalDepth > 0)
        {
            Unsupported(whole, $"the ref local '{local.Name}' is bound where it may not run ('?:', '&&', '||', or a loop's condition): which location it names would only be known at run time; bind it in a statement of its own");
            return;
        }
        var stripped = StripConversions(target);
        switch (stripped)
        {
            case ILocalReferenceOperation named when _refs.TryGetValue(named.Local, out var existing):
                // A ref to a ref names the same location, at the indices captured then.
                _refs[local] = existing switch
                {
                    SymbolRef s => s with { LoopDepth = _loopDepth, BranchDepth = _branchDepth },
                    ElementRef e => e with { LoopDepth = _loopDepth, BranchDepth = _branchDepth },
                    _ => existing,
                };
                return;
            case ILocalReferenceOperation named:
                _refs[local] = new SymbolRef(named.Local, _loopDepth, _branchDepth);
                return;
            case IParameterReferenceOperation parameter:
                _refs[local] = new SymbolRef(parameter.Parameter, _loopDepth, _branchDepth);
                return;
        }
        if (TryGetElementAccess(stripped, out var aggregateOperation, out var indexOperations)
            && ReferencedSymbol(aggregateOperation!) is { } aggregateSymbol && ElementRefOf(aggregateOperation!) is null)
        {
            var aggregate = ResolveAggregate(aggregateOperation!);
            var indices = aggregate is null ? null : LowerIndices(indexOperations!, aggregate);
            if (aggregate is null || indices is null)
            {
                return;
            }
            var type = KnownTypes.TryGetScalar(local.Type, out var elementType) ? elementType : ScalarType.Double;
            var captured = indices.Select(index => CaptureIndex(index, local.Name)).ToEquatableArray();
            _refs[local] = new ElementRef(aggregateSymbol, captured, type, _loopDepth, _branchDepth);
            return;
        }
        Unsupported(target, $"the ref local '{local.Name}' must name a local, a parameter, or an element of an array, span or tensor parameter or local; "
            + "a ref to anything else (a field, a ref-returning call, a 'ref' conditional) cannot be differentiated: copy the value into a local");
    }

    /// <summary>An index fixed when a ref is bound: constants stay, anything else is copied into an int local.</summary>
    private Expr CaptureIndex(Expr index, string refName) => Capture(index, Identifiers.Unescape(refName) + "Index");

    /// <summary><c>r = ref other;</c>: allowed where the ref was bound (same branch and loop), where the order is static.</summary>
    private void RebindRef(ISimpleAssignmentOperation assignment)
    {
        if (assignment.Target is not ILocalReferenceOperation local || !_refs.TryGetValue(local.Local, out var bound))
        {
            Unsupported(assignment, "only ref locals can be rebound with '= ref'");
            return;
        }
        if (bound.LoopDepth != _loopDepth || bound.BranchDepth != _branchDepth)
        {
            Report(DiagnosticDescriptors.UnsupportedStatement, assignment.Syntax.GetLocation(), $"'{Shorten(assignment.Syntax.ToString())}'",
                $"the ref local '{local.Local.Name}' is rebound inside a branch or loop it was not declared in, so which location it names is known only at run time; declare a new ref local there instead");
            return;
        }
        BindRef(local.Local, assignment.Value, assignment);
    }

    /// <summary>Reads through a ref local that names an element.</summary>
    private Expr? LoadThroughRef(IOperation operation, ElementRef element)
    {
        if (!_aggregates.TryGetValue(element.Aggregate, out var aggregate))
        {
            return UnsupportedValue(operation, $"the element '{operation.Syntax}' names is no longer available");
        }
        return LoadElementAt(operation, aggregate, element.Indices.ToList(), element.Type);
    }

    /// <summary>A <c>ref</c> <c>foreach</c> variable names the current element of the collection.</summary>
    private void BindForEachRef(ILocalSymbol variable, ISymbol collection, Variable index, ScalarType type) =>
        _refs[variable] = new ElementRef(collection, EquatableArray.Create<Expr>(index), type, _loopDepth, _branchDepth);
}
