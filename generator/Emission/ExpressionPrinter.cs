using System.Globalization;
using System.Linq;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Emission;

/// <summary>
/// Prints IR expressions as C# with the fewest parentheses C#'s precedence allows, keeping
/// the IR's evaluation order exactly (a * (b * c) keeps its parentheses).
/// </summary>
internal static class ExpressionPrinter
{
    private const int Lowest = 0, Conditional = 1, Or = 2, And = 3, Equality = 4, Relational = 5, Additive = 6, Multiplicative = 7, Prefix = 8, Primary = 9;

    /// <summary>The reverse sweep's reader of the tape.</summary>
    public const string Reader = "reader";

    /// <summary>The forward sweep's tape (also the reverse sweep's source of scratch buffers).</summary>
    public const string Tape = "tape";

    public static string Print(Expr expr) => Print(expr, Lowest);

    /// <summary>The span through which an elementwise loop reads tensor <paramref name="tensor"/>.</summary>
    public static string ValuesOf(string tensor) => Model.Identifiers.Derive(tensor, "Values");

    private static string Print(Expr expr, int context)
    {
        var (text, precedence) = expr switch
        {
            Constant c => (Literal(c), c.Value < 0 ? Prefix : Primary),
            Variable v => (v.Name, Primary),
            Unary { Op: UnaryOp.Negate } u => ("-" + Print(u.Operand, Prefix + 1), Prefix),
            Unary { Op: UnaryOp.Not } u => ("!" + Print(u.Operand, Prefix + 1), Prefix),
            Unary { Op: UnaryOp.StopGradient } u => (Print(u.Operand, context), context),
            Binary b => PrintBinary(b),
            IR.Conditional c => ($"{Print(c.Condition, Or)} ? {Print(c.WhenTrue, Conditional)} : {Print(c.WhenFalse, Conditional)}", Conditional),
            MathCall m => ($"{MathType(m)}.{m.Function}({string.Join(", ", m.Arguments.Select(a => Print(a, Lowest)))})", Primary),
            ElementLoad l => ($"{l.Aggregate}[{string.Join(", ", l.Indices.Select(i => Print(i, Lowest)))}]", Primary),
            LengthOf l => (l.Aggregate + ".Length", Primary),
            TensorDimension d => ($"{d.Tensor}.Shape[{Print(d.Dimension, Lowest)}]", Primary),
            AggregateArgument { LengthOf: { } length } a => ($"new {(a.Writable ? TypeNames.Span(a.Element) : TypeNames.ReadOnlySpan(a.Element))}({a.Aggregate}, 0, {length}.Length){(a.AsArray ? ".ToArray()" : "")}", Primary),
            AggregateArgument a => (a.Aggregate, Primary),
            DifferentiableCall { UserDerivative: not null } c => ($"{c.ContainingType}.{c.Method}({string.Join(", ", c.Arguments.Select(a => Print(a, Lowest)))})", Primary),
            DifferentiableCall c => ($"{c.ContainingType}.{GeneratedMembers.TapedForwardName(c.Method)}({string.Join(", ", c.Arguments.Select(a => Print(a, Lowest)).Append(Tape))})", Primary),
            DataRead d => (string.Concat(d.Texts.Select((text, k) => k == 0 ? text : Print(d.Holes[k - 1], Primary) + text)), d.IsPrimary ? Primary : Lowest),
            ExternalCall c => ($"{c.Method}({string.Join(", ", c.Arguments.Select(a => Print(a, Lowest)))})", Primary),
            Convert c => ($"({c.Type.Keyword()}){Print(c.Operand, Prefix + 1)}", Prefix),
            TensorSum { Tensor: TensorRef r } => ($"{r.Name}.Sum()", Primary),
            TensorSum s => ($"({TensorPrinter.Print(s.Tensor)}).Sum()", Primary),
            FlatElement f => ($"{ValuesOf(f.Tensor)}[{f.Index}]", Primary),
            TapePop { Local: true, Type: ScalarType.Bool } => ($"{LocalTape.Decisions}[--{LocalTape.DecisionCount}] != 0", Equality),
            TapePop { Local: true, Type: ScalarType.Int } => ($"{LocalTape.Decisions}[--{LocalTape.DecisionCount}]", Primary),
            TapePop { Local: true, Type: ScalarType.Long or ScalarType.Float } pop => ($"({pop.Type.Keyword()}){LocalTape.Values}[--{LocalTape.ValueCount}]", Prefix),
            TapePop { Local: true } => ($"{LocalTape.Values}[--{LocalTape.ValueCount}]", Primary),
            TapePop { Type: ScalarType.Bool } => (Reader + ".PopBool()", Primary),
            TapePop { Type: ScalarType.Int } => (Reader + ".PopInt()", Primary),
            TapePop { Type: ScalarType.Long } => ("(long)" + Reader + ".Pop()", Prefix),
            TapePop { Type: ScalarType.Float } => ("(float)" + Reader + ".Pop()", Prefix),
            TapePop => (Reader + ".Pop()", Primary),
            _ => (expr.ToString(), Primary),
        };
        return precedence < context ? "(" + text + ")" : text;
    }

    /// <summary>Where the table says the function lives: Math/MathF, Math alone (Clamp), or double/float (Hypot).</summary>
    private static string MathType(MathCall call) => call.Function.Home switch
    {
        MathHome.NumberType => (call.Type.IsReal() ? call.Type : call.Arguments[0].Type) == ScalarType.Float ? "float" : "double",
        MathHome.MathAndMathF when call.Type == ScalarType.Float => TypeNames.MathF,
        _ => TypeNames.Math,
    };

    private static (string, int) PrintBinary(Binary b)
    {
        var (symbol, precedence) = b.Op switch
        {
            BinaryOp.Add => ("+", Additive),
            BinaryOp.Subtract => ("-", Additive),
            BinaryOp.Multiply => ("*", Multiplicative),
            BinaryOp.Divide => ("/", Multiplicative),
            BinaryOp.Remainder => ("%", Multiplicative),
            BinaryOp.Less => ("<", Relational),
            BinaryOp.LessOrEqual => ("<=", Relational),
            BinaryOp.Greater => (">", Relational),
            BinaryOp.GreaterOrEqual => (">=", Relational),
            BinaryOp.Equal => ("==", Equality),
            BinaryOp.NotEqual => ("!=", Equality),
            BinaryOp.And => ("&&", And),
            _ => ("||", Or),
        };
        // Left-associative: the right operand needs parentheses at equal precedence.
        return ($"{Print(b.Left, precedence)} {symbol} {Print(b.Right, precedence + 1)}", precedence);
    }

    /// <summary>
    /// Real constants print without a decimal point when integral ("2 * x"): they only ever meet
    /// real operands (lowering makes conversions explicit), so C# promotes them to double.
    /// </summary>
    private static string Literal(Constant c)
    {
        if (c.Type == ScalarType.Bool)
        {
            return c.Value != 0 ? "true" : "false";
        }
        if (!c.Type.IsReal())
        {
            return ((long)c.Value).ToString(CultureInfo.InvariantCulture) + (c.Type == ScalarType.Long ? "L" : "");
        }
        if (double.IsPositiveInfinity(c.Value))
        {
            return "double.PositiveInfinity";
        }
        if (double.IsNegativeInfinity(c.Value))
        {
            return "double.NegativeInfinity";
        }
        if (double.IsNaN(c.Value))
        {
            return "double.NaN";
        }
        // A float constant prints with float's shortest round-trip digits (0.1f, not 0.10000000149011612f).
        var text = c.Type == ScalarType.Float
            ? ((float)c.Value).ToString("R", CultureInfo.InvariantCulture)
            : c.Value.ToString("R", CultureInfo.InvariantCulture);
        if (text.Contains("E"))
        {
            text = text.Contains(".") ? text : text.Replace("E", ".0E");
        }
        return c.Type == ScalarType.Float ? text + "f" : text;
    }
}
