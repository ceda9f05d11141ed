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

    /// <summary>The function's partials from the table (IR/MathFunction.cs); none for a piecewise-constant one.</summary>
    public static IEnumerable<(Expr Operand, Expr Adjoint)> OfCall(MathCall call, Expr r, Expr g) =>
        call.Function.Partials?.Invoke(call.Arguments, r, g, call.Type.IsReal() ? call.Type : ScalarType.Double)
        ?? Array.Empty<(Expr, Expr)>();

    private static Constant C(double value, ScalarType type) => new(value, type);
}
