using System.Collections.Generic;
using System.Linq;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.IR;

/// <summary>A statement of the straight-line IR, in source order.</summary>
internal abstract record Statement;

/// <summary>Defines the SSA value <c>Name</c> (a user local's version or a temporary).</summary>
internal sealed record Let(string Name, Expr Value) : Statement;

/// <summary><c>a[i, j] = value</c> into a local array/tensor or a Span output parameter.</summary>
internal sealed record Store(string Aggregate, EquatableArray<Expr> Indices, Expr Value) : Statement;

/// <summary><c>var a = new double[length]</c>.</summary>
internal sealed record AllocateArray(string Name, ScalarType ElementType, Expr Length) : Statement;

/// <summary><c>var t = Tensor.Zeros(dims)</c>.</summary>
internal sealed record AllocateTensor(string Name, EquatableArray<Expr> Dimensions) : Statement;

/// <summary><c>var t = whole-tensor expression</c>.</summary>
internal sealed record TensorLet(string Name, TensorExpr Value) : Statement;

/// <summary>The method's single return, at the end: a scalar, an aggregate's name, or a tensor expression.</summary>
internal sealed record Return(Expr? Scalar, string? Aggregate, TensorExpr? Tensor) : Statement
{
    /// <summary>A tuple result's elements, <c>return (e1, e2);</c> (empty otherwise).</summary>
    public EquatableArray<Expr> Elements { get; init; } = EquatableArray<Expr>.Empty;
}

/// <summary>
/// <c>name = value;</c> to a mutable variable, in methods with branches or loops (where the IR
/// is not SSA). Variables are declared once, up front (<see cref="MethodBody.Locals"/>).
/// </summary>
internal sealed record Assign(string Name, Expr Value) : Statement;

/// <summary>
/// <c>G(args, output);</c>: a call to a void [Differentiable] method that writes its Span output
/// into <paramref name="Output"/> (a local array or the caller's own Span output), as a statement;
/// or <c>var output = G(args);</c> for a method returning an array (<see cref="Declares"/>).
/// </summary>
internal sealed record CallStatement(DifferentiableCall Call, string Output) : Statement
{
    /// <summary>The output's old elements go on the tape before the call (the reverse sweep puts them back after the callee's reverse).</summary>
    public bool SaveOutput { get; init; }

    /// <summary>
    /// <c>var p = G(args);</c>: G returns a new array, which declares the local <c>Output</c>
    /// (<c>Call.Type</c> is its element type); nothing is overwritten, so nothing is recorded.
    /// </summary>
    public bool Declares { get; init; }

    /// <summary><c>(a, b) = G(args);</c> for a method returning a tuple: the scalar variables assigned (<c>Output</c> is empty).</summary>
    public EquatableArray<string> Targets { get; init; } = EquatableArray<string>.Empty;
}

/// <summary><c>if (condition) { then } else { otherwise }</c>.</summary>
internal sealed record If(Expr Condition, EquatableArray<Statement> Then, EquatableArray<Statement> Else) : Statement;

internal enum LoopKind
{
    /// <summary><c>for (; condition; step) body</c>: <c>continue</c> still runs the step.</summary>
    For,
    /// <summary><c>while (condition) body</c>.</summary>
    While,
    /// <summary><c>do body while (condition);</c>.</summary>
    DoWhile,
}

/// <summary>A loop; a for loop's initializers are ordinary statements before it.</summary>
internal sealed record Loop(LoopKind Kind, Expr Condition, EquatableArray<Statement> Body, EquatableArray<Statement> Step) : Statement
{
    /// <summary>A counted loop's number of iterations, computable just before it runs (null for other loops).</summary>
    public Expr? TripCount { get; init; }

    /// <summary>Room the loop's records need in the Backward method's value span, made once before it runs (see <c>LocalTape</c>).</summary>
    public Expr? ReserveValues { get; init; }

    /// <summary>The same for the decisions span (branch choices, counts, exit points).</summary>
    public Expr? ReserveDecisions { get; init; }

    /// <summary>A fused loop's iteration reverse: the last statement of its body (null for other loops).</summary>
    public RunReverse? FusedIteration => Body.Count > 0 ? Body[Body.Count - 1] as RunReverse : null;

    /// <summary>The loop with its iteration reverse replaced (a fused loop only).</summary>
    public Loop WithFusedIteration(RunReverse iteration) => this with { Body = Body.Take(Body.Count - 1).Append(iteration).ToEquatableArray() };
}

/// <summary><c>break;</c> out of the innermost loop.</summary>
internal sealed record Break : Statement;

/// <summary><c>continue;</c> with the innermost loop's next iteration.</summary>
internal sealed record Continue : Statement;

/// <summary><c>tape.Push(value)</c> in the forward sweep: a value about to be overwritten, or a control decision.</summary>
internal sealed record TapePush(Expr Value) : Statement
{
    /// <summary>Written to the method's own record spans instead of the tape object (see <c>LocalTape</c>).</summary>
    public bool Local { get; init; }

    /// <summary>A local push into room its loop reserved before it started: no check that the span is full.</summary>
    public bool Reserved { get; init; }
}

/// <summary>A return inside branches or loops of the forward sweep: sets the result and jumps to the reverse sweep.</summary>
internal sealed record ForwardReturn(Expr? Value) : Statement;

/// <summary>Placeholder: save a variable before it is overwritten; becomes a <see cref="TapePush"/> if the reverse sweep reads it.</summary>
internal sealed record SaveVariable(string Name, ScalarType Type) : Statement;

/// <summary>Placeholder: save an element before it is overwritten; becomes a <see cref="TapePush"/> if the reverse sweep reads the aggregate.</summary>
internal sealed record SaveElement(string Aggregate, EquatableArray<Expr> Indices) : Statement
{
    /// <summary>Names the <c>RestoreElement</c> that reads this record back: the two are kept or dropped together.</summary>
    public int Pair { get; init; }
}

/// <summary>
/// Reverse-sweep statements run inside the forward sweep: a fused loop's iteration reverse
/// (the last statement of its body) or the adjoints hoisted before that loop.
/// <paramref name="ReadsTape"/>: they read back what the iteration recorded, through a fresh
/// reader, and the tape is rewound after them.
/// </summary>
internal sealed record RunReverse(EquatableArray<BackwardStatement> Statements, bool ReadsTape) : Statement
{
    /// <summary>A line of comment printed before the statements.</summary>
    public string? Comment { get; init; }

    /// <summary>Every reverse statement run inside <paramref name="statements"/> (a fused loop's, and the adjoints hoisted before it).</summary>
    public static IEnumerable<BackwardStatement> Within(IEnumerable<Statement> statements) => statements.SelectMany(s => s switch
    {
        RunReverse run => run.Statements,
        Loop loop => Within(loop.Body),
        If branch => Within(branch.Then).Concat(Within(branch.Else)),
        _ => Enumerable.Empty<BackwardStatement>(),
    });
}
