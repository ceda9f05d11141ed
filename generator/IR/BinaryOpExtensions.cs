namespace SourceGen.Autodiff.Generator.IR;

internal static class BinaryOpExtensions
{
    public static bool IsComparison(this BinaryOp op) =>
        op is BinaryOp.Less or BinaryOp.LessOrEqual or BinaryOp.Greater or BinaryOp.GreaterOrEqual or BinaryOp.Equal or BinaryOp.NotEqual;

    public static bool IsLogical(this BinaryOp op) => op is BinaryOp.And or BinaryOp.Or;
}
