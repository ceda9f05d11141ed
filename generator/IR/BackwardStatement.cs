using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.IR;

/// <summary>A statement of the reverse sweep that differentiation builds and emission prints.</summary>
internal abstract record BackwardStatement;

/// <summary><c>double name = value;</c>: a named adjoint or recomputed value.</summary>
internal sealed record DeclareValue(string Name, Expr Value) : BackwardStatement;

/// <summary><c>pGrad += value;</c> for a scalar parameter's ref buffer.</summary>
internal sealed record AccumulateScalarGradient(string Buffer, Expr Value) : BackwardStatement;

/// <summary><c>xGrad[i, j] += value;</c> into a span or tensor gradient buffer.</summary>
internal sealed record AccumulateElementGradient(string Buffer, EquatableArray<Expr> Indices, Expr Value) : BackwardStatement;

/// <summary><c>total += value;</c> into an accumulator declared before a loop.</summary>
internal sealed record AccumulateLocal(string Name, Expr Value) : BackwardStatement;

/// <summary>
/// A loop over the flat elements of equal-shaped tensors: declares the accumulators (zero) and
/// the spans it reads and writes, then runs its body for every flat index.
/// </summary>
internal sealed record ElementLoop(
    string Index,
    string LengthOf,
    EquatableArray<string> Accumulators,
    EquatableArray<string> ReadTensors,
    EquatableArray<string> WrittenBuffers,
    EquatableArray<BackwardStatement> Body) : BackwardStatement
{
    /// <summary>Checks first that every tensor it reads has the shape of <c>LengthOf</c> (a forward loop replacing the operators' own checks).</summary>
    public bool CheckShapes { get; init; }
}

/// <summary><c>name = value;</c> to an existing local (restoring a forward value, zeroing an adjoint).</summary>
internal sealed record SetLocal(string Name, Expr Value) : BackwardStatement;

/// <summary><c>a[i, j] = value;</c> (restoring an element, zeroing an element's adjoint).</summary>
internal sealed record SetElement(string Aggregate, EquatableArray<Expr> Indices, Expr Value) : BackwardStatement;

/// <summary><c>if (condition) { then } else { otherwise }</c> in the reverse sweep.</summary>
internal sealed record BackwardIf(Expr Condition, EquatableArray<BackwardStatement> Then, EquatableArray<BackwardStatement> Else) : BackwardStatement
{
    /// <summary>The forward variable whose recorded value this branch replays (null for a recomputed condition).</summary>
    public string? Record { get; init; }
}

/// <summary><c>for (int index = start; condition; index += step) { body }</c> (<paramref name="Declare"/>: declares the index).</summary>
internal sealed record BackwardFor(string Index, bool Declare, Expr Start, Expr Condition, int Step, EquatableArray<BackwardStatement> Body) : BackwardStatement
{
    /// <summary>For a replayed loop: the forward variables of its recorded iteration count and "broke" flag.</summary>
    public EquatableArray<string> Records { get; init; } = EquatableArray<string>.Empty;
}

/// <summary>Placeholder for restoring a variable overwritten in the forward sweep; kept (as a tape read) only if the reverse sweep reads the variable.</summary>
internal sealed record RestoreVariable(string Name, ScalarType Type) : BackwardStatement;

/// <summary>Placeholder for restoring an overwritten element; kept only if the reverse sweep reads the aggregate.</summary>
internal sealed record RestoreElement(string Aggregate, EquatableArray<Expr> Indices, ScalarType Element = ScalarType.Double) : BackwardStatement
{
    /// <summary>The <c>SaveElement</c> whose record this reads back.</summary>
    public int Pair { get; init; }
}

/// <summary>
/// An adjoint buffer for an array or tensor: zeros shaped like <c>Like</c>, or a copy of
/// <c>CopyOf</c> (the seed, for the result; the result itself, when the reverse sweep restores it).
/// </summary>
internal sealed record DeclareBuffer(string Name, string Like, bool IsTensor, string? CopyOf) : BackwardStatement
{
    public ScalarType Element { get; init; } = ScalarType.Double;
}

/// <summary>
/// Placeholder: restore a variable without the tape, by undoing an integer step (<c>i = i - 1</c>)
/// or recomputing a loop-local value from inputs; kept only if the reverse sweep reads the variable.
/// </summary>
internal sealed record RestoreByComputing(string Name, Expr Value) : BackwardStatement;

/// <summary>
/// The reverse of a call to another [Differentiable] method: its taped reverse, with the
/// call's adjoint as seed; scalar parameters' adjoints land in fresh locals (<c>Adjoints</c>,
/// null where the parameter gets none), arrays' in the named buffers.
/// </summary>
internal sealed record ReverseCall(DifferentiableCall Call, Expr Seed, EquatableArray<string> Buffers) : BackwardStatement
{
    /// <summary>
    /// A call writing a Span output (a <see cref="CallStatement"/>): the seed is the output's adjoint
    /// buffer, which the callee's reverse reads and clears in place; with <c>RestoresOutput</c> the
    /// output's old elements are read back from the tape after it.
    /// </summary>
    public Expr? Output { get; init; }

    public bool RestoresOutput { get; init; }

    /// <summary>A tuple result's seeds, one per element (then <c>Seed</c> is unused).</summary>
    public EquatableArray<Expr> Seeds { get; init; } = EquatableArray<Expr>.Empty;
}

/// <summary>
/// Placeholder while fusing: marks where the fused loop's reverse stood in the reverse sweep.
/// What comes before it is hoisted before the loop; it is never printed.
/// </summary>
internal sealed record FusionPoint : BackwardStatement;
