namespace SourceGen.Autodiff.Generator.IR;

/// <summary>The Math/MathF functions the generator knows; their derivatives are in Differentiation/DerivativeRules.cs.</summary>
internal enum MathFunction
{
    Sin, Cos, Tan, Asin, Acos, Atan, Atan2,
    Sinh, Cosh, Tanh,
    Exp, Log, Log10, Log2, Sqrt, Cbrt, Pow,
    Abs, Max, Min, Clamp,
    // Piecewise constant: zero derivative almost everywhere (DIFF009 on active arguments).
    Floor, Ceiling, Round, Truncate, Sign,
}
