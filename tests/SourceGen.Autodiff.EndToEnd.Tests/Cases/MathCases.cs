using System;
using SourceGen.Autodiff.EndToEnd.Tests.Corpus;
using SourceGen.Autodiff.EndToEnd.Tests.Harness;
using static SourceGen.Autodiff.EndToEnd.Tests.Harness.ScalarCaseBuilder;

namespace SourceGen.Autodiff.EndToEnd.Tests.Cases;

/// <summary>
/// The <see cref="MathCorpus"/> methods as <see cref="DiffCase"/>s, with textbook derivatives.
/// Points stay away from kinks and jumps (Abs at 0, Max/Min ties, Clamp bounds, Floor steps),
/// and piecewise functions are tested on each side.
/// </summary>
public static class MathCases
{
    public static DiffCase[] All { get; } =
    [
        Unary("Sin", 0.4, MathCorpus.Sin, MathCorpus.SinBackward, MathCorpus.SinGradient,
            MathCorpus.SinPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 2 * Math.Cos(2 * x)),

        Unary("Cos", 0.9, MathCorpus.Cos, MathCorpus.CosBackward, MathCorpus.CosGradient,
            MathCorpus.CosPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => Math.Cos(x) - x * Math.Sin(x)),

        Unary("Tan", 0.7, MathCorpus.Tan, MathCorpus.TanBackward, MathCorpus.TanGradient,
            MathCorpus.TanPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 2 * x / (Math.Cos(x * x) * Math.Cos(x * x))),

        Unary("Asin", 0.6, MathCorpus.Asin, MathCorpus.AsinBackward, MathCorpus.AsinGradient,
            MathCorpus.AsinPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 0.5 / Math.Sqrt(1 - x * x / 4)),

        Unary("Acos", -0.3, MathCorpus.Acos, MathCorpus.AcosBackward, MathCorpus.AcosGradient,
            MathCorpus.AcosPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => -3 / Math.Sqrt(1 - x * x)),

        Unary("Atan", 0.8, MathCorpus.Atan, MathCorpus.AtanBackward, MathCorpus.AtanGradient,
            MathCorpus.AtanPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 2 * x / (1 + (x * x + 1) * (x * x + 1))),

        Binary("Atan2", [0.8, -1.5], MathCorpus.Atan2, MathCorpus.Atan2Backward, MathCorpus.Atan2Gradient,
            MathCorpus.Atan2Pullback, p => p.Value, (p, s, ref gy, ref gx) => p.Backward(s, ref gy, ref gx),
            (y, x) => (x / (x * x + y * y), -y / (x * x + y * y))),

        Unary("Sinh", 1.1, MathCorpus.Sinh, MathCorpus.SinhBackward, MathCorpus.SinhGradient,
            MathCorpus.SinhPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => Math.Cosh(x) / 2),

        Unary("Cosh", 1.1, MathCorpus.Cosh, MathCorpus.CoshBackward, MathCorpus.CoshGradient,
            MathCorpus.CoshPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => Math.Sinh(x)),

        Unary("Tanh", 0.3, MathCorpus.Tanh, MathCorpus.TanhBackward, MathCorpus.TanhGradient,
            MathCorpus.TanhPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 3 * (1 - Math.Tanh(3 * x) * Math.Tanh(3 * x))),

        Binary("Exp", [0.6, -1.3], MathCorpus.Exp, MathCorpus.ExpBackward, MathCorpus.ExpGradient,
            MathCorpus.ExpPullback, p => p.Value, (p, s, ref gx, ref gy) => p.Backward(s, ref gx, ref gy),
            (x, y) => (y * Math.Exp(x * y), x * Math.Exp(x * y))),

        Unary("Log", -1.4, MathCorpus.Log, MathCorpus.LogBackward, MathCorpus.LogGradient,
            MathCorpus.LogPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 2 * x / (x * x + 1)),

        Unary("Log10", 3.5, MathCorpus.Log10, MathCorpus.Log10Backward, MathCorpus.Log10Gradient,
            MathCorpus.Log10Pullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 1 / (x * Math.Log(10))),

        Unary("Sqrt", 2.2, MathCorpus.Sqrt, MathCorpus.SqrtBackward, MathCorpus.SqrtGradient,
            MathCorpus.SqrtPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 0.5 / Math.Sqrt(x + 1)),

        Unary("Cbrt", -2.5, MathCorpus.Cbrt, MathCorpus.CbrtBackward, MathCorpus.CbrtGradient,
            MathCorpus.CbrtPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 1 / (3 * Math.Cbrt(x) * Math.Cbrt(x))),

        Binary("Pow", [1.7, 2.3], MathCorpus.Pow, MathCorpus.PowBackward, MathCorpus.PowGradient,
            MathCorpus.PowPullback, p => p.Value, (p, s, ref gx, ref gy) => p.Backward(s, ref gx, ref gy),
            (x, y) => (y * Math.Pow(x, y - 1), Math.Pow(x, y) * Math.Log(x))),

        Unary("PowConstant", -1.3, MathCorpus.PowConstant, MathCorpus.PowConstantBackward, MathCorpus.PowConstantGradient,
            MathCorpus.PowConstantPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 3 * x * x),

        Unary("AbsNegative", -1.3, MathCorpus.Abs, MathCorpus.AbsBackward, MathCorpus.AbsGradient,
            MathCorpus.AbsPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 2 * Math.Abs(x)), // d(|x| x)/dx = sign(x) x + |x| = 2|x|

        Unary("AbsPositive", 0.8, MathCorpus.Abs, MathCorpus.AbsBackward, MathCorpus.AbsGradient,
            MathCorpus.AbsPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 2 * Math.Abs(x)),

        Binary("MaxFirst", [2, 1.2], MathCorpus.Max, MathCorpus.MaxBackward, MathCorpus.MaxGradient,
            MathCorpus.MaxPullback, p => p.Value, (p, s, ref gx, ref gy) => p.Backward(s, ref gx, ref gy),
            (x, y) => (1, 0)),

        Binary("MaxSecond", [0.5, 1.2], MathCorpus.Max, MathCorpus.MaxBackward, MathCorpus.MaxGradient,
            MathCorpus.MaxPullback, p => p.Value, (p, s, ref gx, ref gy) => p.Backward(s, ref gx, ref gy),
            (x, y) => (0, 2 * y)),

        Binary("MinFirst", [0.3, 1], MathCorpus.Min, MathCorpus.MinBackward, MathCorpus.MinGradient,
            MathCorpus.MinPullback, p => p.Value, (p, s, ref gx, ref gy) => p.Backward(s, ref gx, ref gy),
            (x, y) => (2, 0)),

        Binary("MinSecond", [1, 1], MathCorpus.Min, MathCorpus.MinBackward, MathCorpus.MinGradient,
            MathCorpus.MinPullback, p => p.Value, (p, s, ref gx, ref gy) => p.Backward(s, ref gx, ref gy),
            (x, y) => (0, 1)),

        ClampCase("ClampInside", [0.3, -1, 2], [1, 0, 0]),
        ClampCase("ClampBelow", [-1.5, -1, 2], [0, 1, 0]),
        ClampCase("ClampAbove", [2.5, -1, 2], [0, 0, 1]),

        Binary("Composite", [0.6, -1.3], MathCorpus.Composite, MathCorpus.CompositeBackward, MathCorpus.CompositeGradient,
            MathCorpus.CompositePullback, p => p.Value, (p, s, ref gx, ref gy) => p.Backward(s, ref gx, ref gy),
            (x, y) =>
            {
                double e = Math.Exp(Math.Sin(x) * y), r = Math.Sqrt(x * x + y * y);
                return (e * Math.Cos(x) * y + x / r, e * Math.Sin(x) + y / r);
            }),

        Unary("Floor", 2.7, MathCorpus.Floor, MathCorpus.FloorBackward, MathCorpus.FloorGradient,
            MathCorpus.FloorPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => Math.Floor(x)),

        Unary("Round", 2.3, MathCorpus.Round, MathCorpus.RoundBackward, MathCorpus.RoundGradient,
            MathCorpus.RoundPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => Math.Round(x)),

        Unary("Sign", -1.7, MathCorpus.Sign, MathCorpus.SignBackward, MathCorpus.SignGradient,
            MathCorpus.SignPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => Math.Sign(x)),
    ];

    /// <summary>Clamp(x, low, high): the gradient goes to whichever argument is the result.</summary>
    private static DiffCase ClampCase(string name, double[] point, double[] exactGradient) => new()
    {
        Name = name,
        Point = point,
        Seed = [0.7],
        Forward = v => [MathCorpus.Clamp(v[0], v[1], v[2])],
        Backward = (v, s, g) => [MathCorpus.ClampBackward(v[0], v[1], v[2], s[0], ref g[0], ref g[1], ref g[2])],
        Gradient = v => Flat.Of(MathCorpus.ClampGradient(v[0], v[1], v[2])),
        Pullback = v =>
        {
            var p = MathCorpus.ClampPullback(v[0], v[1], v[2]);
            return new PullbackRun([p.Value], (s, g) => p.Backward(s[0], ref g[0], ref g[1], ref g[2]));
        },
        ExactVjp = (_, s) => [s[0] * exactGradient[0], s[0] * exactGradient[1], s[0] * exactGradient[2]],
    };
}
