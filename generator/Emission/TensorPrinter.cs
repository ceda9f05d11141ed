using SourceGen.Autodiff.Generator.IR;

namespace SourceGen.Autodiff.Generator.Emission;

/// <summary>Prints whole-tensor expressions with the runtime's Tensor operators, as the user wrote them.</summary>
internal static class TensorPrinter
{
    public static string Print(TensorExpr expr) => Print(expr, 0);

    private static string Print(TensorExpr expr, int context)
    {
        var (text, precedence) = expr switch
        {
            TensorRef r => (r.Name, 9),
            TensorScalar s => (ExpressionPrinter.Print(s.Value), s.Value is Constant or Variable or ElementLoad or MathCall ? 9 : 0),
            TensorNegate n => ("-" + Print(n.Operand, 9), 8),
            TensorBinary b => Binary(b),
            _ => (expr.ToString(), 9),
        };
        return precedence < context ? "(" + text + ")" : text;
    }

    private static (string, int) Binary(TensorBinary b)
    {
        var (symbol, precedence) = b.Op switch
        {
            BinaryOp.Add => ("+", 6),
            BinaryOp.Subtract => ("-", 6),
            BinaryOp.Multiply => ("*", 7),
            _ => ("/", 7),
        };
        return ($"{Print(b.Left, precedence)} {symbol} {Print(b.Right, precedence + 1)}", precedence);
    }
}
