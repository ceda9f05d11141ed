using System.Collections.Generic;

namespace SourceGen.Autodiff.Generator.Tests.RandomPrograms;

// The random programs as a small syntax tree, so one program can be printed several ways (the
// [Differentiable] method, a twin that records its branch decisions, a shrunk variant) and
// shrunk by replacing subtrees.

/// <summary>A double-valued expression.</summary>
public abstract record Expr;

/// <summary>A constant (printed with a decimal point so it is a double literal).</summary>
public sealed record Num(double Value) : Expr;

/// <summary>A double variable: parameter, local, or foreach variable.</summary>
public sealed record Var(string Name) : Expr;

/// <summary>
/// <c>Array[Index]</c>; the index is int code that is in range by construction, possibly moving an
/// int local as it is read (<c>k++</c>, <c>++k</c>, <c>k--</c>, <c>--k</c>).
/// </summary>
public sealed record Element(string Array, string Index) : Expr;

/// <summary>
/// An assignment used as a value: <c>(Target Op Value)</c>, <paramref name="Op"/> one of <c>= += -=</c>;
/// <paramref name="Target"/> is a double variable or <c>a[index]</c>. Its value is the value stored.
/// </summary>
public sealed record AssignValue(string Target, string Op, Expr Value) : Expr;

/// <summary><c>Target++</c>, <c>--Target</c>... used as a value (the old value when postfix, the new one when prefix).</summary>
public sealed record IncrementValue(string Target, bool Up, bool Prefix) : Expr;

public sealed record Negate(Expr Operand) : Expr;

/// <summary><c>+ - * /</c>; a right operand of <c>/</c> is always a guarded <see cref="Call"/> or a constant.</summary>
public sealed record Binary(char Op, Expr Left, Expr Right) : Expr;

/// <summary>A function from <see cref="Functions"/>, whose template keeps it on a safe domain.</summary>
public sealed record Call(string Function, IReadOnlyList<Expr> Arguments) : Expr;

/// <summary><c>Condition ? WhenTrue : WhenFalse</c>.</summary>
public sealed record Ternary(Cond Condition, Expr WhenTrue, Expr WhenFalse) : Expr;

/// <summary>An int (loop index, counter, int parameter) used as a double: <c>i</c> or <c>(double)i</c>.</summary>
public sealed record IntValue(string Text) : Expr;

/// <summary>A call of another [Differentiable] method of the program (a helper): <c>Method(Arguments)</c>.</summary>
public sealed record Invoke(string Method, IReadOnlyList<Expr> Arguments) : Expr;

/// <summary>An array or span passed whole, only as an argument of <see cref="Invoke"/>.</summary>
public sealed record ArrayArgument(string Name) : Expr;

/// <summary>A bool-valued condition.</summary>
public abstract record Cond;

/// <summary>A comparison of two double values (active or not): a decision the trace records.</summary>
public sealed record Compare(Expr Left, string Op, Expr Right) : Cond;

/// <summary>A condition on ints only (loop counters, indices): never flips under a small step.</summary>
public sealed record IntCond(string Text) : Cond;

public sealed record And(Cond Left, Cond Right) : Cond;

public sealed record Or(Cond Left, Cond Right) : Cond;

public sealed record Not(Cond Operand) : Cond;

/// <summary>A statement.</summary>
public abstract record Stmt;

/// <summary><c>double Name = Value;</c></summary>
public sealed record Declare(string Name, Expr Value) : Stmt;

/// <summary><c>double Name;</c>, assigned later on every path (definite assignment).</summary>
public sealed record DeclareUnassigned(string Name) : Stmt;

/// <summary>
/// <c>ref double Name = ref Target;</c> (<c>ref readonly</c> when <paramref name="ReadOnly"/>): an alias
/// of a double variable or of an array or span element (<c>a[index]</c>, the element at the index then).
/// </summary>
public sealed record DeclareRef(string Name, string Target, bool ReadOnly) : Stmt;

/// <summary><c>Name++;</c> or <c>Name--;</c> on a double.</summary>
public sealed record Increment(string Name, bool Up) : Stmt;

/// <summary><c>Name op Value;</c> with op one of <c>= += -= *= /=</c>.</summary>
public sealed record Assign(string Name, string Op, Expr Value) : Stmt;

/// <summary><c>Array[Index] op Value;</c></summary>
public sealed record AssignElement(string Array, string Index, string Op, Expr Value) : Stmt;

/// <summary><c>double[] Name = new double[Length];</c></summary>
public sealed record DeclareArray(string Name, string Length) : Stmt;

/// <summary><c>Tensor Name = Tensor.Zeros(Length);</c></summary>
/// <summary><c>(a, b) = (b, a);</c>: two local arrays of one length swapped (the generator exchanges their elements).</summary>
public sealed record SwapArrays(string First, string Second) : Stmt;

public sealed record DeclareTensor(string Name, string Length) : Stmt;

/// <summary>Int bookkeeping that needs no derivative: <c>int j = 0;</c>, <c>j++;</c>.</summary>
public sealed record IntCode(string Text) : Stmt;

public sealed record If(Cond Condition, IReadOnlyList<Stmt> Then, IReadOnlyList<Stmt>? Else) : Stmt;

/// <summary><c>for (Init; Condition; Step) Body</c>.</summary>
public sealed record For(string Init, Cond Condition, string Step, IReadOnlyList<Stmt> Body) : Stmt;

/// <summary><c>while (Condition) Body</c>, or <c>do Body while (Condition);</c> when <paramref name="Do"/>.</summary>
public sealed record While(Cond Condition, IReadOnlyList<Stmt> Body, bool Do) : Stmt;

/// <summary><c>foreach (double Variable in Array) Body</c>.</summary>
public sealed record ForEach(string Variable, string Array, IReadOnlyList<Stmt> Body) : Stmt;

public sealed record Break : Stmt;

public sealed record Continue : Stmt;

/// <summary><c>return Value;</c>; <c>return;</c> when null (void methods), or <c>return Array;</c>.</summary>
public sealed record Return(Expr? Value, string? Array = null) : Stmt;
