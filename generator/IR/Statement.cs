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
internal sealed record Return(Expr? Scalar, string? Aggregate, TensorExpr? Tensor) : Statement;
