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
    EquatableArray<BackwardStatement> Body) : BackwardStatement;
