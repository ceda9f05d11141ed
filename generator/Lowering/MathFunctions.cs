using SourceGen.Autodiff.Generator.IR;

namespace SourceGen.Autodiff.Generator.Lowering;

/// <summary>Maps System.Math / System.MathF member names to the IR's functions.</summary>
internal static class MathFunctions
{
    public static bool TryGet(string name, int arity, out MathFunction function)
    {
        function = default;
        switch (name, arity)
        {
            case ("Sin", 1): function = MathFunction.Sin; return true;
            case ("Cos", 1): function = MathFunction.Cos; return true;
            case ("Tan", 1): function = MathFunction.Tan; return true;
            case ("Asin", 1): function = MathFunction.Asin; return true;
            case ("Acos", 1): function = MathFunction.Acos; return true;
            case ("Atan", 1): function = MathFunction.Atan; return true;
            case ("Atan2", 2): function = MathFunction.Atan2; return true;
            case ("Sinh", 1): function = MathFunction.Sinh; return true;
            case ("Cosh", 1): function = MathFunction.Cosh; return true;
            case ("Tanh", 1): function = MathFunction.Tanh; return true;
            case ("Exp", 1): function = MathFunction.Exp; return true;
            case ("Log", 1): function = MathFunction.Log; return true;
            case ("Log10", 1): function = MathFunction.Log10; return true;
            case ("Log2", 1): function = MathFunction.Log2; return true;
            case ("Sqrt", 1): function = MathFunction.Sqrt; return true;
            case ("Cbrt", 1): function = MathFunction.Cbrt; return true;
            case ("Pow", 2): function = MathFunction.Pow; return true;
            case ("Abs", 1): function = MathFunction.Abs; return true;
            case ("Max", 2): function = MathFunction.Max; return true;
            case ("Min", 2): function = MathFunction.Min; return true;
            case ("Clamp", 3): function = MathFunction.Clamp; return true;
            case ("Floor", 1): function = MathFunction.Floor; return true;
            case ("Ceiling", 1): function = MathFunction.Ceiling; return true;
            case ("Round", 1): function = MathFunction.Round; return true;
            case ("Truncate", 1): function = MathFunction.Truncate; return true;
            case ("Sign", 1): function = MathFunction.Sign; return true;
            default: return false;
        }
    }

    /// <summary>Piecewise-constant functions: their derivative is zero almost everywhere.</summary>
    public static bool HasZeroDerivative(MathFunction function) =>
        function is MathFunction.Floor or MathFunction.Ceiling or MathFunction.Round or MathFunction.Truncate or MathFunction.Sign;
}
