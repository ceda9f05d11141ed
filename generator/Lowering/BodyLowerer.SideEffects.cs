using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Lowering;

/// <summary>
/// Assignments and increments used as values (<c>a = b = x</c>, <c>x[i++]</c>, <c>s += t *= 2</c>).
/// They run where C# runs them, left to right. In methods with branches or loops the IR's
/// variables are mutable, so within a statement that writes a variable or array inside an
/// expression, every read of that variable or array is first copied into a temporary: a read
/// to the left of the write keeps the value it had there, as in C#. Writes that run only
/// sometimes ('?:', '&amp;&amp;', '||', a loop's condition) are diagnostics.
/// </summary>
internal sealed partial class BodyLowerer
{
    /// <summary>Locals and parameters written by an assignment nested inside the statement being lowered.</summary>
    private HashSet<ISymbol> _writtenInside = new(SymbolEqualityComparer.Default);

    /// <summary>Arrays, spans and tensors whose elements are written inside the statement being lowered.</summary>
    private HashSet<AggregateInfo> _elementsWrittenInside = new();

    /// <summary>Inside <see cref="WithNestedWrites"/>: the sets above are those of the enclosing statement.</summary>
    private bool _nestedWritesKnown;

    /// <summary>Lowers one statement (or condition) with what its nested assignments write known first.</summary>
    private void WithNestedWrites(IOperation statement, System.Action lower)
    {
        var outerScalars = _writtenInside;
        var outerElements = _elementsWrittenInside;
        var outerKnown = _nestedWritesKnown;
        _nestedWritesKnown = true;
        _writtenInside = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        _elementsWrittenInside = new HashSet<AggregateInfo>();
        foreach (var write in statement.DescendantsAndSelf().Where(IsNestedWrite))
        {
            var target = write switch
            {
                IAssignmentOperation assignment => assignment.Target,
                IIncrementOrDecrementOperation increment => increment.Target,
                _ => null,
            };
            if (target is null)
            {
                continue;
            }
            if (ElementRefOf(target) is { } element && _aggregates.TryGetValue(element.Aggregate, out var referenced))
            {
                _elementsWrittenInside.Add(referenced);
            }
            else if (ReferencedSymbol(target) is { } symbol)
            {
                _writtenInside.Add(symbol);
            }
            else if (TryGetElementAccess(target, out var aggregateOperation, out _) && ReferencedSymbol(aggregateOperation!) is { } aggregateSymbol
                && _aggregates.TryGetValue(aggregateSymbol, out var aggregate))
            {
                _elementsWrittenInside.Add(aggregate);
            }
        }
        try
        {
            lower();
        }
        finally
        {
            _writtenInside = outerScalars;
            _elementsWrittenInside = outerElements;
            _nestedWritesKnown = outerKnown;
        }
    }

    /// <summary>An assignment or increment whose value is used (not the statement itself).</summary>
    private static bool IsNestedWrite(IOperation operation) =>
        operation is IAssignmentOperation { IsImplicit: false } or IIncrementOrDecrementOperation
        && operation.Parent is not (IExpressionStatementOperation or null);

    /// <summary>A read of a variable written later in the same statement: copied now, in mutable IR.</summary>
    private Expr CaptureIfWrittenInside(ISymbol symbol, Expr read) =>
        _mutable && _writtenInside.Contains(symbol) ? Capture(read) : read;

    private Expr CaptureIfWrittenInside(AggregateInfo aggregate, Expr read) =>
        _mutable && _elementsWrittenInside.Contains(aggregate) ? Capture(read) : read;

    /// <summary>Temporaries made by <see cref="Capture"/>: never written again.</summary>
    private readonly HashSet<string> _capturedNames = new();

    /// <summary>Copies a value into a fresh temporary (constants stay as they are).</summary>
    private Expr Capture(Expr value, string name = "value")
    {
        if (value is Constant)
        {
            return value;
        }
        name = _names.Fresh(name);
        _capturedNames.Add(name);
        if (_mutable)
        {
            _locals.Add(new LocalVariable(name, value.Type));
            Emit(new Assign(name, value));
        }
        else
        {
            Emit(new Let(name, value));
        }
        if (value.Type.IsReal() && IsVaried(value))
        {
            _varied.Add(name);
        }
        return new Variable(name, value.Type);
    }

    /// <summary>An assignment, compound assignment or increment used as a value.</summary>
    private Expr? LowerWriteAsValue(IOperation write)
    {
        if (_conditionalDepth > 0)
        {
            return UnsupportedValue(write, "an assignment or increment inside '?:', '&&', '||' or a loop's condition runs only sometimes; move it into a statement of its own");
        }
        Expr? stored;
        switch (write)
        {
            case ISimpleAssignmentOperation { IsRef: true }:
                return UnsupportedValue(write, "a ref assignment used as a value cannot be differentiated; rebind the ref in a statement of its own");
            case ISimpleAssignmentOperation assignment:
                stored = AssignLowered(assignment.Target, assignment.Value, null, null, assignment);
                break;
            case ICompoundAssignmentOperation compound when ToBinaryOp(compound.OperatorKind) is { } op:
                stored = AssignLowered(compound.Target, compound.Value, null, op, compound);
                break;
            case IIncrementOrDecrementOperation { IsPostfix: true } increment:
                return LowerPostfix(increment);
            case IIncrementOrDecrementOperation increment:
                stored = LowerIncrement(increment);
                break;
            default:
                return UnsupportedValue(write, "this assignment cannot be used as a value");
        }
        // The value of the assignment, fixed now: later writes in the statement must not change it.
        return stored is null ? null : _mutable ? Capture(stored) : stored;
    }

    /// <summary><c>i++</c> as a value: the old value, copied before the update.</summary>
    private Expr? LowerPostfix(IIncrementOrDecrementOperation increment)
    {
        var type = increment.Type is { } t && KnownTypes.TryGetScalar(t, out var scalar) ? scalar : ScalarType.Double;
        var op = increment.Kind == OperationKind.Increment ? BinaryOp.Add : BinaryOp.Subtract;
        var one = new Constant(1, type);
        var target = increment.Target;
        if (ElementRefOf(target) is null && ReferencedSymbol(target) is null && TryGetElementAccess(target, out var aggregateOperation, out var indexOperations))
        {
            // a[i]++: the indices are evaluated once, for the read and the write.
            var aggregate = ResolveAggregate(aggregateOperation!);
            var indices = aggregate is null ? null : LowerIndices(indexOperations!, aggregate);
            var current = aggregate is null || indices is null ? null : LoadElementAt(target, aggregate, indices, type);
            if (current is null)
            {
                return null;
            }
            var old = Capture(current);
            return StoreElementAt(target, aggregate!, indices!, null, one, op) is null ? null : old;
        }
        var read = LowerScalar(target);
        if (read is null)
        {
            return null;
        }
        var before = read is Variable copied && _capturedNames.Contains(copied.Name) ? read : Capture(read);
        return AssignLowered(target, null, one, op, increment) is null ? null : before;
    }
}
