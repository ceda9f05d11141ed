using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;
using LoopKind = SourceGen.Autodiff.Generator.IR.LoopKind;

namespace SourceGen.Autodiff.Generator.Lowering;

/// <summary>Branches, loops, jumps and returns (the structured lowering over mutable variables).</summary>
internal sealed partial class BodyLowerer
{
    /// <summary>Lowers <paramref name="operation"/> into a list of its own (a branch or a loop body).</summary>
    private EquatableArray<Statement> LowerNested(IOperation? operation)
    {
        var outer = _current;
        _current = new List<Statement>();
        if (operation is IBlockOperation block)
        {
            foreach (var statement in block.Operations)
            {
                LowerStatement(statement);
            }
        }
        else if (operation is not null)
        {
            LowerStatement(operation);
        }
        var lowered = _current;
        _current = outer;
        return lowered.ToEquatableArray();
    }

    private void LowerIf(IConditionalOperation conditional)
    {
        Expr? condition = null;
        WithNestedWrites(conditional.Condition, () => condition = LowerCondition(conditional.Condition));
        _branchDepth++;
        var then = LowerNested(conditional.WhenTrue);
        var otherwise = LowerNested(conditional.WhenFalse);
        _branchDepth--;
        if (condition is not null)
        {
            Emit(new If(condition, then, otherwise));
        }
    }

    private Expr? LowerCondition(IOperation condition)
    {
        if (condition.Type?.SpecialType != SpecialType.System_Boolean)
        {
            Unsupported(condition, "conditions must be bool");
            return null;
        }
        // A comparison that decides a branch is control flow, not a value with a zero derivative.
        _conditionDepth++;
        var lowered = LowerScalar(condition);
        _conditionDepth--;
        return lowered;
    }

    private int _conditionDepth;

    private void LowerLoop(ILoopOperation loop)
    {
        switch (loop)
        {
            case IForLoopOperation forLoop:
                foreach (var before in forLoop.Before)
                {
                    LowerStatement(before);
                }
                _conditionalDepth++;
                var forCondition = forLoop.Condition is null ? new Constant(1, ScalarType.Bool) : LowerCondition(forLoop.Condition);
                _conditionalDepth--;
                _loopDepth++;
                var forBody = LowerNested(forLoop.Body);
                var step = new List<Statement>();
                var outer = _current;
                _current = step;
                _conditionalDepth++;
                foreach (var bottom in forLoop.AtLoopBottom)
                {
                    if (bottom is IExpressionStatementOperation statement)
                    {
                        LowerExpressionStatement(statement.Operation);
                    }
                    else
                    {
                        LowerExpressionStatement(bottom);
                    }
                }
                _current = outer;
                _conditionalDepth--;
                _loopDepth--;
                if (forCondition is not null)
                {
                    Emit(new Loop(LoopKind.For, forCondition, forBody, step.ToEquatableArray()));
                }
                return;
            case IWhileLoopOperation { Condition: { } written } whileLoop when written.DescendantsAndSelf().Any(IsNestedWrite) && (whileLoop.ConditionIsTop || !ContinuesItself(whileLoop)):
                LowerLoopWithWritingCondition(whileLoop);
                return;
            case IWhileLoopOperation whileLoop when whileLoop.Condition is not null:
                _conditionalDepth++;
                var condition = LowerCondition(whileLoop.Condition);
                _conditionalDepth--;
                if (condition is not null && whileLoop.ConditionIsUntil)
                {
                    condition = new Unary(UnaryOp.Not, condition, ScalarType.Bool);
                }
                _loopDepth++;
                var body = LowerNested(whileLoop.Body);
                _loopDepth--;
                if (condition is not null)
                {
                    Emit(new Loop(whileLoop.ConditionIsTop ? LoopKind.While : LoopKind.DoWhile, condition, body, EquatableArray<Statement>.Empty));
                }
                return;
            case IForEachLoopOperation forEach:
                LowerForEach(forEach);
                return;
            default:
                Unsupported(loop, "this kind of loop is not supported");
                return;
        }
    }

    /// <summary>
    /// <c>while (n-- &gt; 0) body</c>: the condition writes, so it runs as statements where C# runs
    /// it, <c>while (true) { if (!(n-- &gt; 0)) break; body }</c>; a <c>continue</c> in the body jumps
    /// to the top, where the condition runs again, as in C#. <c>do body while (n-- &gt; 0);</c> puts
    /// the test after the body; only without a <c>continue</c> of its own (which would have to jump
    /// to the test at the bottom, and here would skip it: that stays a diagnostic).
    /// </summary>
    private void LowerLoopWithWritingCondition(IWhileLoopOperation loop)
    {
        var outer = _current;
        _current = new List<Statement>();
        _loopDepth++;
        if (!loop.ConditionIsTop)
        {
            EmitAll(LowerNested(loop.Body));
        }
        Expr? condition = null;
        WithNestedWrites(loop.Condition!, () => condition = LowerCondition(loop.Condition!));
        if (condition is not null)
        {
            var stop = loop.ConditionIsUntil ? condition : new Unary(UnaryOp.Not, condition, ScalarType.Bool);
            Emit(new If(stop, new Statement[] { new Break() }.ToEquatableArray(), EquatableArray<Statement>.Empty));
        }
        if (loop.ConditionIsTop)
        {
            EmitAll(LowerNested(loop.Body));
        }
        _loopDepth--;
        var body = _current;
        _current = outer;
        if (condition is not null)
        {
            Emit(new Loop(LoopKind.While, new Constant(1, ScalarType.Bool), body.ToEquatableArray(), EquatableArray<Statement>.Empty));
        }
    }

    private void EmitAll(IEnumerable<Statement> statements)
    {
        foreach (var statement in statements)
        {
            Emit(statement);
        }
    }

    /// <summary>Whether a <c>continue</c> in the loop's body targets the loop itself (not a loop nested in it).</summary>
    private static bool ContinuesItself(ILoopOperation loop) =>
        loop.Body.DescendantsAndSelf().OfType<IBranchOperation>().Any(b => b.BranchKind == BranchKind.Continue && SymbolEqualityComparer.Default.Equals(b.Target, loop.ContinueLabel));

    /// <summary><c>foreach (var v in a)</c> over an array or span: an index loop that reads <c>v = a[k]</c>.</summary>
    private void LowerForEach(IForEachLoopOperation forEach)
    {
        if (ReadsData(forEach.Collection))
        {
            LowerDataForEach(forEach);
            return;
        }
        var variable = forEach.Locals.FirstOrDefault();
        // A window (x.AsSpan(a, n), x[a..b], a view local) is read through its base, from its start.
        var view = IsView(forEach.Collection) ? ViewOf(forEach.Collection) : null;
        var aggregate = view?.Base ?? (IsView(forEach.Collection) ? null : ResolveAggregate(forEach.Collection));
        if (aggregate is null || variable is null || aggregate.IsTensor || !KnownTypes.TryGetScalar(variable.Type, out var elementType))
        {
            if (aggregate is not null)
            {
                Unsupported(forEach.Collection, "foreach is supported over double[] and spans of double; index tensors with a for loop");
            }
            return;
        }
        if (view is not null && variable.RefKind != RefKind.None)
        {
            Unsupported(forEach.Collection, "foreach (ref var ...) over a window is not supported; loop over the window with an index");
            return;
        }
        // A window's start and count were captured when it was made.
        var start = view?.Start;
        LowerIndexLoop(forEach, view?.Count ?? new LengthOf(aggregate.Name), index =>
        {
            if (variable.RefKind != RefKind.None)
            {
                // foreach (ref var v in span): v names the current element.
                BindForEachRef(variable, ReferencedSymbol(forEach.Collection)!, index, elementType);
            }
            else
            {
                var element = start is null ? (Expr)index : Build.Add(start, index);
                DefineScalar(variable, new ElementLoad(aggregate.Name, EquatableArray.Create(element), elementType));
            }
        });
    }

    /// <summary>A foreach as <c>for (k = 0; k &lt; count; k++) { bind the element at k; body }</c>.</summary>
    private void LowerIndexLoop(IForEachLoopOperation forEach, Expr count, System.Action<Variable> bindElement)
    {
        var index = _names.Fresh("k");
        _locals.Add(new LocalVariable(index, ScalarType.Int));
        var indexVariable = new Variable(index, ScalarType.Int);
        Emit(new Assign(index, new Constant(0, ScalarType.Int)));
        var outer = _current;
        _current = new List<Statement>();
        _loopDepth++;
        bindElement(indexVariable);
        foreach (var statement in forEach.Body is IBlockOperation block ? block.Operations : ImmutableOne(forEach.Body))
        {
            LowerStatement(statement);
        }
        _loopDepth--;
        var body = _current;
        _current = outer;
        var condition = new Binary(BinaryOp.Less, indexVariable, count, ScalarType.Bool);
        var step = EquatableArray.Create<Statement>(new Assign(index, new Binary(BinaryOp.Add, indexVariable, new Constant(1, ScalarType.Int), ScalarType.Int)));
        Emit(new Loop(LoopKind.For, condition, body.ToEquatableArray(), step));
    }

    private static IEnumerable<IOperation> ImmutableOne(IOperation operation) => new[] { operation };

    private void LowerMutableReturn(IOperation value)
    {
        if (StripConversions(value) is ITupleOperation tuple && _method.ReturnType.IsTupleType)
        {
            LowerTupleReturn(tuple);
            return;
        }
        var type = value.Type;
        if (type is not null && KnownTypes.TryGetScalar(type, out _))
        {
            var scalar = LowerScalar(value);
            if (scalar is not null)
            {
                Emit(new Return(scalar, null, null));
                ResultIsVaried |= IsVaried(scalar);
            }
            return;
        }
        if (StripConversions(value) is ILocalReferenceOperation && _aggregates.TryGetValue(ReferencedSymbol(value)!, out var aggregate) && aggregate.Kind == AggregateKind.ElementWritten)
        {
            if (_returnedAggregate is not null && _returnedAggregate != aggregate.Name)
            {
                Unsupported(value, $"every return of a method with branches or loops must return the same local ('{_returnedAggregate}')");
                return;
            }
            _returnedAggregate = aggregate.Name;
            Emit(new Return(null, aggregate.Name, null));
            ResultIsVaried |= _varied.Contains(aggregate.Name);
            return;
        }
        Unsupported(value, "in a method with branches or loops, return a double or a local array/tensor written element by element; whole-tensor results are not supported there yet");
    }
}
