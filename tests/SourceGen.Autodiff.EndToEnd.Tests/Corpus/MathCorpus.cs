using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Corpus;

/// <summary>One method per Math function, each inside an expression so the chain rule is exercised.</summary>
public static partial class MathCorpus
{
    [Differentiable]
    public static double Sin(double x) => Math.Sin(2 * x);

    [Differentiable]
    public static double Cos(double x) => x * Math.Cos(x);

    [Differentiable]
    public static double Tan(double x) => Math.Tan(x * x);

    [Differentiable]
    public static double Asin(double x) => Math.Asin(x / 2);

    [Differentiable]
    public static double Acos(double x) => 3 * Math.Acos(x);

    [Differentiable]
    public static double Atan(double x) => Math.Atan(x * x + 1);

    [Differentiable]
    public static double Atan2(double y, double x) => Math.Atan2(y, x);

    [Differentiable]
    public static double Sinh(double x) => Math.Sinh(x) / 2;

    [Differentiable]
    public static double Cosh(double x) => Math.Cosh(-x);

    [Differentiable]
    public static double Tanh(double x) => Math.Tanh(3 * x);

    [Differentiable]
    public static double Exp(double x, double y) => Math.Exp(x * y);

    [Differentiable]
    public static double Log(double x) => Math.Log(x * x + 1);

    [Differentiable]
    public static double Log10(double x) => Math.Log10(x);

    [Differentiable]
    public static double Sqrt(double x) => Math.Sqrt(x + 1);

    [Differentiable]
    public static double Cbrt(double x) => Math.Cbrt(x);

    /// <summary>Both base and exponent active.</summary>
    [Differentiable]
    public static double Pow(double x, double y) => Math.Pow(x, y);

    /// <summary>A constant exponent.</summary>
    [Differentiable]
    public static double PowConstant(double x) => Math.Pow(x, 3);

    [Differentiable]
    public static double Abs(double x) => Math.Abs(x) * x;

    [Differentiable]
    public static double Max(double x, double y) => Math.Max(x, y * y);

    [Differentiable]
    public static double Min(double x, double y) => Math.Min(x * 2, y);

    [Differentiable]
    public static double Clamp(double x, double low, double high) => Math.Clamp(x, low, high);

    /// <summary>A composition of several functions.</summary>
    [Differentiable]
    public static double Composite(double x, double y)
    {
        double s = Math.Sin(x) * y;
        return Math.Exp(s) + Math.Sqrt(x * x + y * y);
    }

    // Floor, Round and Sign have a zero derivative: the analyzer warns (DIFF009) that no gradient
    // flows through them. Here that is the point, so the warning is silenced where it applies.
#pragma warning disable DIFF009
    /// <summary>d/dx = floor(x): only the outer x carries a gradient.</summary>
    [Differentiable]
    public static double Floor(double x) => x * Math.Floor(x);

    /// <summary>d/dx = round(x).</summary>
    [Differentiable]
    public static double Round(double x) => x * Math.Round(x);

    /// <summary>d/dx = sign(x): x * sign(x) is |x|.</summary>
    [Differentiable]
    public static double Sign(double x) => x * Math.Sign(x);
#pragma warning restore DIFF009
}
