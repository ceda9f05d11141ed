using System;
using System.Collections.Generic;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;
using static SourceGen.Autodiff.Generator.Build;

namespace SourceGen.Autodiff.Generator.Differentiation;

/// <summary>
/// The derivative table: for each operation, the adjoint each operand receives given the
/// adjoint <c>g</c> of the result. One rule per function; <c>r</c> is the forward result
/// (a named value where the forward sweep has one, so it is not recomputed).
/// </summary>
internal static class DerivativeRules
{
    private const double Ln10 = 2.302585092994046;
    private const double Ln2 = 0.6931471805599453;

    /// <summary>
    /// The operands of an interior node (negation, arithmetic, real conversion, Math call) with
    /// their adjoints, given the node's adjoint <paramref name="g"/>; null for a leaf or a node a
    /// backend handles itself. <paramref name="result"/> is the node's forward value where named.
    /// </summary>
    public static IEnumerable<(Expr Operand, Expr Adjoint)>? Partials(Expr e, Expr g, Expr? result = null) => e switch
    {
        Unary { Op: UnaryOp.Negate } negate => new[] { (negate.Operand, Negate(g)) },
        Binary binary => OfBinary(binary, g),
        // Through float -> double the adjoint narrows back to float.
        IR.Convert convert when convert.Operand.Type.IsReal() => new[] { (convert.Operand, Convert(g, convert.Operand.Type)) },
        MathCall call => OfCall(call, result ?? call, g),
        _ => null,
    };

    public static IEnumerable<(Expr Operand, Expr Adjoint)> OfBinary(Binary e, Expr g)
    {
        var (a, b) = (e.Left, e.Right);
        switch (e.Op)
        {
            case BinaryOp.Add:
                yield return (a, g);
                yield return (b, g);
                break;
            case BinaryOp.Subtract:
                yield return (a, g);
                yield return (b, Negate(g));
                break;
            case BinaryOp.Multiply when a.Equals(b):
                yield return (a, Multiply(C(2, e.Type), Multiply(a, g)));
                break;
            case BinaryOp.Multiply:
                yield return (a, Multiply(g, b));
                yield return (b, Multiply(a, g));
                break;
            case BinaryOp.Divide:
                yield return (a, Divide(g, b));
                yield return (b, Negate(Divide(Multiply(a, g), Multiply(b, b))));
                break;
        }
    }

    /// <summary>Whether a rule reads the function's own result, so the forward sweep should name it.</summary>
    public static bool UsesResult(MathFunction f) =>
        f is MathFunction.Exp or MathFunction.Sqrt or MathFunction.Cbrt or MathFunction.Tanh or MathFunction.Tan or MathFunction.Pow;

    public static IEnumerable<(Expr Operand, Expr Adjoint)> OfCall(MathCall call, Expr r, Expr g)
    {
        var x = call.Arguments[0];
        var t = call.Type.IsReal() ? call.Type : ScalarType.Double;
        switch (call.Function)
        {
            case MathFunction.Sin: yield return (x, Multiply(Call(MathFunction.Cos, x), g)); break;
            case MathFunction.Cos: yield return (x, Negate(Multiply(Call(MathFunction.Sin, x), g))); break;
            case MathFunction.Tan: yield return (x, Multiply(Add(C(1, t), Multiply(r, r)), g)); break;
            case MathFunction.Asin: yield return (x, Divide(g, Call(MathFunction.Sqrt, Subtract(C(1, t), Multiply(x, x))))); break;
            case MathFunction.Acos: yield return (x, Negate(Divide(g, Call(MathFunction.Sqrt, Subtract(C(1, t), Multiply(x, x)))))); break;
            case MathFunction.Atan: yield return (x, Divide(g, Add(C(1, t), Multiply(x, x)))); break;
            case MathFunction.Atan2:
                // atan2(y, x): d/dy = x / (x² + y²), d/dx = -y / (x² + y²).
                var (y, x2) = (call.Arguments[0], call.Arguments[1]);
                var norm = Add(Multiply(x2, x2), Multiply(y, y));
                yield return (y, Divide(Multiply(x2, g), norm));
                yield return (x2, Negate(Divide(Multiply(y, g), norm)));
                break;
            case MathFunction.Sinh: yield return (x, Multiply(Call(MathFunction.Cosh, x), g)); break;
            case MathFunction.Cosh: yield return (x, Multiply(Call(MathFunction.Sinh, x), g)); break;
            case MathFunction.Tanh: yield return (x, Multiply(Subtract(C(1, t), Multiply(r, r)), g)); break;
            case MathFunction.Exp: yield return (x, Multiply(r, g)); break;
            case MathFunction.Log: yield return (x, Divide(g, x)); break;
            case MathFunction.Log10: yield return (x, Divide(g, Multiply(C(Ln10, t), x))); break;
            case MathFunction.Log2: yield return (x, Divide(g, Multiply(C(Ln2, t), x))); break;
            case MathFunction.Sqrt: yield return (x, Divide(g, Multiply(C(2, t), r))); break;
            case MathFunction.Cbrt: yield return (x, Divide(g, Multiply(C(3, t), Multiply(r, r)))); break;
            case MathFunction.Pow:
                foreach (var partial in Pow(call.Arguments[0], call.Arguments[1], r, g, t))
                {
                    yield return partial;
                }
                break;
            case MathFunction.Abs:
                // Subgradient 0 at 0, like PyTorch.
                yield return (x, Multiply(Convert(new MathCall(MathFunction.Sign, EquatableArray.Create(x), ScalarType.Int), t), g));
                break;
            case MathFunction.Max:
                // Ties send the gradient to the first argument.
                yield return (call.Arguments[0], Select(Compare(BinaryOp.GreaterOrEqual, call.Arguments[0], call.Arguments[1]), g));
                yield return (call.Arguments[1], Select(Compare(BinaryOp.Less, call.Arguments[0], call.Arguments[1]), g));
                break;
            case MathFunction.Min:
                yield return (call.Arguments[0], Select(Compare(BinaryOp.LessOrEqual, call.Arguments[0], call.Arguments[1]), g));
                yield return (call.Arguments[1], Select(Compare(BinaryOp.Greater, call.Arguments[0], call.Arguments[1]), g));
                break;
            case MathFunction.Clamp:
                // Clamp(v, lo, hi): the gradient goes to whichever of the three is the result.
                var (v, lo, hi) = (call.Arguments[0], call.Arguments[1], call.Arguments[2]);
                yield return (v, Select(new Binary(BinaryOp.And, Compare(BinaryOp.GreaterOrEqual, v, lo), Compare(BinaryOp.LessOrEqual, v, hi), ScalarType.Bool), g));
                yield return (lo, Select(Compare(BinaryOp.Less, v, lo), g));
                yield return (hi, Select(new Binary(BinaryOp.And, Compare(BinaryOp.Greater, v, hi), Compare(BinaryOp.GreaterOrEqual, v, lo), ScalarType.Bool), g));
                break;
            case MathFunction.Floor:
            case MathFunction.Ceiling:
            case MathFunction.Round:
            case MathFunction.Truncate:
            case MathFunction.Sign:
                // Piecewise constant: zero almost everywhere (DIFF009 warns the user).
                break;
            default:
                throw new InvalidOperationException($"No derivative rule for {call.Function}.");
        }
    }

    private static IEnumerable<(Expr Operand, Expr Adjoint)> Pow(Expr x, Expr p, Expr r, Expr g, ScalarType t)
    {
        if (p is Constant c)
        {
            // d/dx x^c = c x^(c-1), written out for small integer powers.
            var derivative = c.Value switch
            {
                0 => C(0, t),
                1 => C(1, t),
                2 => Multiply(C(2, t), x),
                3 => Multiply(C(3, t), Multiply(x, x)),
                _ => Multiply(C(c.Value, t), Call(MathFunction.Pow, x, C(c.Value - 1, t))),
            };
            yield return (x, Multiply(derivative, g));
            yield break;
        }
        // d/dx = p x^(p-1) = p r / x would divide by zero at x = 0; use Pow directly.
        yield return (x, Multiply(Multiply(p, Call(MathFunction.Pow, x, Subtract(p, C(1, t)))), g));
        yield return (p, Multiply(Multiply(r, Call(MathFunction.Log, x)), g));
    }

    private static Constant C(double value, ScalarType type) => new(value, type);

    private static Expr Compare(BinaryOp op, Expr a, Expr b) => new Binary(op, a, b, ScalarType.Bool);

    private static Expr Select(Expr condition, Expr g) => new Conditional(condition, g, new Constant(0, g.Type), g.Type);
}
