using System;
using SourceGen.Autodiff.EndToEnd.Tests.Corpus;
using SourceGen.Autodiff.EndToEnd.Tests.Harness;
using static SourceGen.Autodiff.EndToEnd.Tests.Harness.ScalarCaseBuilder;

namespace SourceGen.Autodiff.EndToEnd.Tests.Cases;

/// <summary>The <see cref="ScalarCorpus"/> methods as <see cref="DiffCase"/>s, with hand-derived gradients.</summary>
public static class ScalarCases
{
    private const int N = 3;            // the int parameter of CastInt
    private const long K = 5;           // the long parameter of LongScale
    private const double C = 1.7;       // the [NoGradient] parameter of NoGradientScalar
    private static readonly double[] LossData = [0.5, -1, 2]; // the [NoGradient] x of Loss

    public static DiffCase[] All { get; } =
    [
        Unary("Polynomial", 1.5, ScalarCorpus.Polynomial, ScalarCorpus.PolynomialBackward, ScalarCorpus.PolynomialGradient,
            ScalarCorpus.PolynomialPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 3 * x * x - 4 * x + 3),

        Binary("Product", [1.5, -2], ScalarCorpus.Product, ScalarCorpus.ProductBackward, ScalarCorpus.ProductGradient,
            ScalarCorpus.ProductPullback, p => p.Value, (p, s, ref gx, ref gy) => p.Backward(s, ref gx, ref gy),
            (x, y) => (y, x)),

        Binary("Quotient", [0.5, 2], ScalarCorpus.Quotient, ScalarCorpus.QuotientBackward, ScalarCorpus.QuotientGradient,
            ScalarCorpus.QuotientPullback, p => p.Value, (p, s, ref gx, ref gy) => p.Backward(s, ref gx, ref gy),
            (x, y) => ((y + 1) / ((y - x) * (y - x)), -(x + 1) / ((y - x) * (y - x)))),

        Binary("Negations", [1.5, -2], ScalarCorpus.Negations, ScalarCorpus.NegationsBackward, ScalarCorpus.NegationsGradient,
            ScalarCorpus.NegationsPullback, p => p.Value, (p, s, ref gx, ref gy) => p.Backward(s, ref gx, ref gy),
            (x, y) => (y, x - 1)), // -(-x * y) - y = xy - y

        Binary("CompoundAssignments", [1.5, -2], ScalarCorpus.CompoundAssignments, ScalarCorpus.CompoundAssignmentsBackward,
            ScalarCorpus.CompoundAssignmentsGradient, ScalarCorpus.CompoundAssignmentsPullback, p => p.Value,
            (p, s, ref gx, ref gy) => p.Backward(s, ref gx, ref gy),
            (x, y) => (-y * y / (x * x), 0.5 + 2 * y / x)), // (x + y - x/2) * y / x = y/2 + y²/x

        Unary("Reassignment", -0.8, ScalarCorpus.Reassignment, ScalarCorpus.ReassignmentBackward, ScalarCorpus.ReassignmentGradient,
            ScalarCorpus.ReassignmentPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 2 * x + 1),

        Unary("Literals", 1.2, ScalarCorpus.Literals, ScalarCorpus.LiteralsBackward, ScalarCorpus.LiteralsGradient,
            ScalarCorpus.LiteralsPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 0.25 + 2 * x / 3),

        Unary("CastInt", 1.2, x => ScalarCorpus.CastInt(x, N), (double x, double s, ref double g) => ScalarCorpus.CastIntBackward(x, N, s, ref g),
            x => ScalarCorpus.CastIntGradient(x, N), x => ScalarCorpus.CastIntPullback(x, N), p => p.Value,
            (p, s, ref g) => p.Backward(s, ref g),
            x => N),

        Unary("CastActive", 1.2, ScalarCorpus.CastActive, ScalarCorpus.CastActiveBackward, ScalarCorpus.CastActiveGradient,
            ScalarCorpus.CastActivePullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 6 * x),

        Unary("LongScale", 1.2, x => ScalarCorpus.LongScale(x, K), (double x, double s, ref double g) => ScalarCorpus.LongScaleBackward(x, K, s, ref g),
            x => ScalarCorpus.LongScaleGradient(x, K), x => ScalarCorpus.LongScalePullback(x, K), p => p.Value,
            (p, s, ref g) => p.Backward(s, ref g),
            x => K),

        Unary("WithFlag", 1.2, x => ScalarCorpus.WithFlag(x, true), (double x, double s, ref double g) => ScalarCorpus.WithFlagBackward(x, true, s, ref g),
            x => ScalarCorpus.WithFlagGradient(x, true), x => ScalarCorpus.WithFlagPullback(x, true), p => p.Value,
            (p, s, ref g) => p.Backward(s, ref g),
            x => 4 * x),

        Unary("NoGradientScalar", 1.2, x => ScalarCorpus.NoGradientScalar(x, C),
            (double x, double s, ref double g) => ScalarCorpus.NoGradientScalarBackward(x, C, s, ref g),
            x => ScalarCorpus.NoGradientScalarGradient(x, C), x => ScalarCorpus.NoGradientScalarPullback(x, C), p => p.Value,
            (p, s, ref g) => p.Backward(s, ref g),
            x => 2 * C * x),

        Binary("LocalChain", [0.6, -1.3], ScalarCorpus.LocalChain, ScalarCorpus.LocalChainBackward, ScalarCorpus.LocalChainGradient,
            ScalarCorpus.LocalChainPullback, p => p.Value, (p, s, ref gx, ref gy) => p.Backward(s, ref gx, ref gy),
            (x, y) =>
            {
                double a = x + y, c = a * a - x, q = 1 + y * y;
                return ((2 * a - 1) / q + 1, 2 * a / q - c * 2 * y / (q * q) + 1);
            }),

        Unary("CompoundWithMath", 0.7, ScalarCorpus.CompoundWithMath, ScalarCorpus.CompoundWithMathBackward, ScalarCorpus.CompoundWithMathGradient,
            ScalarCorpus.CompoundWithMathPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => Math.Cos(x) * Math.Exp(x) + (1 + Math.Sin(x)) * Math.Exp(x)),

        // Loss(w, b, [NoGradient] x): flat input [w0, w1, w2, b]; x is data.
        new DiffCase
        {
            Name = "Loss",
            Point = [0.3, -0.2, 0.9, 0.1],
            Seed = [0.7],
            Forward = v => [ScalarCorpus.Loss(v[..3], v[3], LossData)],
            Backward = (v, s, g) => [ScalarCorpus.LossBackward(v[..3], v[3], LossData, s[0], g.AsSpan(0, 3), ref g[3])],
            Gradient = v => Flat.Of(ScalarCorpus.LossGradient(v[..3], v[3], LossData)),
            Pullback = v =>
            {
                var p = ScalarCorpus.LossPullback(v[..3], v[3], LossData);
                return new PullbackRun([p.Value], (s, g) => p.Backward(s[0], g.AsSpan(0, 3), ref g[3]));
            },
            ExactVjp = (v, s) =>
            {
                double z = v[0] * LossData[0] + v[1] * LossData[1] + v[2] * LossData[2] + v[3];
                double zBar = 2 * z * s[0];
                return [zBar * LossData[0], zBar * LossData[1], zBar * LossData[2], zBar];
            },
        },
    ];
}
