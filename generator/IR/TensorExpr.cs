namespace SourceGen.Autodiff.Generator.IR;

/// <summary>
/// A whole-tensor elementwise expression (<c>x * x + 2 * x</c>): tensors of one shape combined
/// element by element, scalars broadcast.
/// </summary>
internal abstract record TensorExpr;

/// <summary>A tensor parameter or a tensor local defined by a <see cref="TensorLet"/>.</summary>
internal sealed record TensorRef(string Name) : TensorExpr;

/// <summary>A scalar broadcast to every element.</summary>
internal sealed record TensorScalar(Expr Value) : TensorExpr;

internal sealed record TensorBinary(BinaryOp Op, TensorExpr Left, TensorExpr Right) : TensorExpr;

internal sealed record TensorNegate(TensorExpr Operand) : TensorExpr;
