using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.IR;

/// <summary>
/// A scalar expression of the IR: a tree of value-equal records. Every node knows its type;
/// variables are SSA names (each assignment in the source makes a new one).
/// </summary>
internal abstract record Expr(ScalarType Type);

/// <summary>A numeric or boolean literal (booleans are 0 and 1).</summary>
internal sealed record Constant(double Value, ScalarType Type) : Expr(Type);

/// <summary>An SSA value: a parameter, a local's version, or a temporary.</summary>
internal sealed record Variable(string Name, ScalarType Type) : Expr(Type)
{
    /// <summary>
    /// What the name holds in the derivative program, set where the name is made (never read
    /// off the name: a user's local "fooBar" is a value). Not part of the identity: one name is one variable.
    /// </summary>
    public VariableRole Role { get; init; }

    /// <summary>An adjoint (or the seed): factors of this role print last in a product (x * yBar).</summary>
    public static Variable Adjoint(string name, ScalarType type) => new(name, type) { Role = VariableRole.Adjoint };

    public bool Equals(Variable? other) => ReferenceEquals(this, other) || other is not null && Name == other.Name && Type == other.Type;

    public override int GetHashCode() => unchecked(Name.GetHashCode() * 31 + (int)Type);
}

/// <summary>The part a variable plays: a value of the user's program (or a forward temporary), or an adjoint.</summary>
internal enum VariableRole
{
    Value,
    Adjoint,
}

/// <summary>StopGradient passes its operand's value through and blocks its derivative (Gradient.Stop).</summary>
internal enum UnaryOp { Negate, Not, StopGradient }

internal sealed record Unary(UnaryOp Op, Expr Operand, ScalarType Type) : Expr(Type);

internal enum BinaryOp { Add, Subtract, Multiply, Divide, Remainder, Less, LessOrEqual, Greater, GreaterOrEqual, Equal, NotEqual, And, Or }

internal sealed record Binary(BinaryOp Op, Expr Left, Expr Right, ScalarType Type) : Expr(Type);

/// <summary><c>c ? a : b</c>; derivative rules use it for Abs, Max, Min and Clamp.</summary>
internal sealed record Conditional(Expr Condition, Expr WhenTrue, Expr WhenFalse, ScalarType Type) : Expr(Type);

/// <summary>A call to a function of <see cref="MathFunction"/> (Math or MathF).</summary>
internal sealed record MathCall(MathFunction Function, EquatableArray<Expr> Arguments, ScalarType Type) : Expr(Type);

/// <summary><c>a[i]</c>, <c>a[i, j]</c>: an element of a parameter or local array, span or tensor.</summary>
internal sealed record ElementLoad(string Aggregate, EquatableArray<Expr> Indices, ScalarType Type) : Expr(Type);

/// <summary><c>a.Length</c> of an array, span or tensor.</summary>
internal sealed record LengthOf(string Aggregate) : Expr(ScalarType.Int);

/// <summary>A numeric conversion (a cast, or an implicit int to double conversion).</summary>
internal sealed record Convert(Expr Operand, ScalarType Type) : Expr(Type);

/// <summary><c>t.Sum()</c> of a whole-tensor expression.</summary>
internal sealed record TensorSum(TensorExpr Tensor) : Expr(ScalarType.Double);

/// <summary>
/// Element <c>Index</c> (a flat, row-major index variable) of a tensor: appears only inside
/// elementwise loops that differentiation builds from whole-tensor expressions.
/// </summary>
internal sealed record FlatElement(string Tensor, string Index) : Expr(ScalarType.Double);

/// <summary>
/// The next value read back from the tape in the reverse sweep (<c>reader.Pop()</c>,
/// <c>PopInt()</c> or <c>PopBool()</c> by type).
/// </summary>
internal sealed record TapePop(ScalarType Type) : Expr(Type)
{
    /// <summary>Read from the method's own record spans (<c>tapeValues[--tapeCount]</c>) instead of the tape reader.</summary>
    public bool Local { get; init; }
}

/// <summary>
/// A call to a static method the generator cannot differentiate, with no active argument
/// (constants, data, or values under Gradient.Stop): evaluated as written, its result is data.
/// </summary>
internal sealed record ExternalCall(string Method, EquatableArray<Expr> Arguments, ScalarType Type) : Expr(Type);

/// <summary>
/// A value read from a data parameter (any type the method only reads: <c>labels[i]</c>,
/// <c>settings.Rate</c>, <c>list.Count</c>, <c>normals[i, 0]</c>): C# text as written, with
/// the lowered inactive sub-expressions (indices) between its pieces. Never differentiated.
/// <see cref="Texts"/> has one piece more than <see cref="Holes"/>.
/// </summary>
internal sealed record DataRead(EquatableArray<string> Texts, EquatableArray<Expr> Holes, bool IsPrimary, ScalarType Type) : Expr(Type)
{
    /// <summary>
    /// A void validation call (<c>ArgumentOutOfRangeException.ThrowIfNegative(n)</c>) run for its
    /// effect: the <see cref="Assign"/> holding it prints as the call alone.
    /// </summary>
    public bool IsStatement { get; init; }
}

/// <summary>An array, span or tensor passed whole to an <see cref="ExternalCall"/> (as data: it carries no gradient there).</summary>
internal sealed record AggregateArgument(string Aggregate) : Expr(ScalarType.Double)
{
    /// <summary>When the reverse sweep passes a longer pooled copy: the aggregate whose length the span must have.</summary>
    public string? LengthOf { get; init; }

    public ScalarType Element { get; init; } = ScalarType.Double;

    /// <summary>The callee takes an array: the trimmed copy is materialized (rare: a result array passed whole and restored).</summary>
    public bool AsArray { get; init; }

    /// <summary>The callee writes it (a Span output): the trimmed copy is a Span, not a ReadOnlySpan.</summary>
    public bool Writable { get; init; }
}

/// <summary>How a callee's parameter is passed, and whether it gets a gradient buffer.</summary>
internal sealed record CalleeParameter(string Name, ParameterKind Kind, bool IsDifferentiable, ScalarType ElementType = ScalarType.Double);

/// <summary>
/// A call to another [Differentiable] method (scalar result). Lowering binds it to its own
/// variable; the forward sweep calls the callee's taped forward (which records on the caller's
/// tape), the reverse sweep its taped reverse, so nested calls cost a constant factor.
/// </summary>
internal sealed record DifferentiableCall(string ContainingType, string Method, EquatableArray<Expr> Arguments, EquatableArray<CalleeParameter> Parameters, ScalarType Type = ScalarType.Double) : Expr(Type)
{
    /// <summary>A registered [DerivativeOf] VJP (qualified name): the forward calls the method itself, the reverse the VJP.</summary>
    public string? UserDerivative { get; init; }
}

/// <summary><c>t.Shape[d]</c> of a tensor (an int).</summary>
internal sealed record TensorDimension(string Tensor, Expr Dimension) : Expr(ScalarType.Int);
