using SourceGen.Autodiff.EndToEnd.Tests.Harness;
#if USER_DERIVATIVES
using System;
using SourceGen.Autodiff.EndToEnd.Tests.Corpus;
using static SourceGen.Autodiff.EndToEnd.Tests.Cases.ClassicGradients;
using static SourceGen.Autodiff.EndToEnd.Tests.Harness.ScalarCaseBuilder;
using static SourceGen.Autodiff.EndToEnd.Tests.Harness.SpanCaseBuilder;
using static SourceGen.Autodiff.EndToEnd.Tests.Harness.Vectors;
#endif

namespace SourceGen.Autodiff.EndToEnd.Tests.Cases;

/// <summary>
/// The UserDerivativeCorpus methods (calls through [DerivativeOf] derivatives) as
/// <see cref="DiffCase"/>s; empty until the USER_DERIVATIVES symbol is defined.
/// </summary>
public static class UserDerivativeCases
{
#if USER_DERIVATIVES
    private const int Exponent = 3; // PowerAndWeight's k

    public static DiffCase[] All { get; } =
    [
        Unary("SoftplusTimesX", 0.8, UserDerivativeCorpus.SoftplusTimesX, UserDerivativeCorpus.SoftplusTimesXBackward,
            UserDerivativeCorpus.SoftplusTimesXGradient, UserDerivativeCorpus.SoftplusTimesXPullback, p => p.Value,
            (p, s, ref g) => p.Backward(s, ref g),
            x => Sigmoid(x) * x + Math.Log(1 + Math.Exp(x))),

        Binary("HypotOfProducts", [1.5, -0.5], UserDerivativeCorpus.HypotOfProducts, UserDerivativeCorpus.HypotOfProductsBackward,
            UserDerivativeCorpus.HypotOfProductsGradient, UserDerivativeCorpus.HypotOfProductsPullback, p => p.Value,
            (p, s, ref ga, ref gb) => p.Backward(s, ref ga, ref gb),
            (a, b) =>
            {
                double h = Math.Sqrt(a * b * a * b + (a + b) * (a + b));
                return ((a * b * b + a + b) / h + 1, (a * b * a + a + b) / h);
            }),

        // ‖x‖·x0: x0·x/‖x‖ + ‖x‖·e0
        Scalar("NormPlusFirst", [1.5, -2, 0.25], UserDerivativeCorpus.NormPlusFirst, UserDerivativeCorpus.NormPlusFirstBackward,
            UserDerivativeCorpus.NormPlusFirstGradient, UserDerivativeCorpus.NormPlusFirstPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x =>
            {
                double norm = Math.Sqrt(x[0] * x[0] + x[1] * x[1] + x[2] * x[2]);
                double[] g = Scale(x, x[0] / norm);
                g[0] += norm;
                return g;
            }),

        Scalar("HypotChain", [1.5, -2, 0.25, 3], UserDerivativeCorpus.HypotChain, UserDerivativeCorpus.HypotChainBackward,
            UserDerivativeCorpus.HypotChainGradient, UserDerivativeCorpus.HypotChainPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x =>
            {
                var g = new double[x.Length];
                for (int i = 0; i < x.Length - 1; i++)
                {
                    double h = Math.Sqrt(x[i] * x[i] + x[i + 1] * x[i + 1]);
                    g[i] += x[i] / h;
                    g[i + 1] += x[i + 1] / h;
                }

                return g;
            }),

        Unary("SoftplusBranch_then", 0.8, UserDerivativeCorpus.SoftplusBranch, UserDerivativeCorpus.SoftplusBranchBackward,
            UserDerivativeCorpus.SoftplusBranchGradient, UserDerivativeCorpus.SoftplusBranchPullback, p => p.Value,
            (p, s, ref g) => p.Backward(s, ref g),
            Sigmoid),
        Unary("SoftplusBranch_else", -0.7, UserDerivativeCorpus.SoftplusBranch, UserDerivativeCorpus.SoftplusBranchBackward,
            UserDerivativeCorpus.SoftplusBranchGradient, UserDerivativeCorpus.SoftplusBranchPullback, p => p.Value,
            (p, s, ref g) => p.Backward(s, ref g),
            x => 2 * Sigmoid(-x * x) * (-2 * x)),

        // x³ + 3x²
        Unary("PowerAndWeight", 1.2, x => UserDerivativeCorpus.PowerAndWeight(x, Exponent),
            (double x, double s, ref double g) => UserDerivativeCorpus.PowerAndWeightBackward(x, Exponent, s, ref g),
            x => UserDerivativeCorpus.PowerAndWeightGradient(x, Exponent), x => UserDerivativeCorpus.PowerAndWeightPullback(x, Exponent),
            p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 3 * x * x + 6 * x),

        // DotCall(a, b): flat input [a (3)..., b (3)...]; (a·b)·a1.
        new DiffCase
        {
            Name = "DotCall",
            Point = [1.5, -2, 0.25, 0.5, 1.2, -0.7],
            Seed = [0.7],
            Forward = v => [UserDerivativeCorpus.DotCall(v[..3], v.AsSpan(3))],
            Backward = (v, s, g) => [UserDerivativeCorpus.DotCallBackward(v[..3], v.AsSpan(3), s[0], g.AsSpan(0, 3), g.AsSpan(3))],
            Gradient = v => Flat.Of(UserDerivativeCorpus.DotCallGradient(v[..3], v.AsSpan(3))),
            Pullback = v =>
            {
                var p = UserDerivativeCorpus.DotCallPullback(v[..3], v.AsSpan(3));
                return new PullbackRun([p.Value], (s, g) => p.Backward(s[0], g.AsSpan(0, 3), g.AsSpan(3)));
            },
            ExactVjp = (v, s) =>
            {
                double dot = v[0] * v[3] + v[1] * v[4] + v[2] * v[5], a1 = v[1];
                return Scale([v[3] * a1, v[4] * a1 + dot, v[5] * a1, v[0] * a1, v[1] * a1, v[2] * a1], s[0]);
            },
        },

        // Σ softplus(xᵢ)·xᵢ
        Scalar("SoftplusTimesXInLoop", [1.5, -2, 0.25, -0.5], UserDerivativeCorpus.SoftplusTimesXInLoop,
            UserDerivativeCorpus.SoftplusTimesXInLoopBackward, UserDerivativeCorpus.SoftplusTimesXInLoopGradient,
            UserDerivativeCorpus.SoftplusTimesXInLoopPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x => Map(x, v => Sigmoid(v) * v + Math.Log(1 + Math.Exp(v)))),

        // SoftplusRecurrence(w, x): flat input [w, x...].
        ScalarThenSpan("SoftplusRecurrence", [0.8, 0.5, -1.2, 0.9, 0.3], UserDerivativeCorpus.SoftplusRecurrence,
            UserDerivativeCorpus.SoftplusRecurrenceBackward, UserDerivativeCorpus.SoftplusRecurrenceGradient,
            UserDerivativeCorpus.SoftplusRecurrencePullback, p => p.Value, (p, s, ref gw, gx) => p.Backward(s, ref gw, gx),
            SoftplusRecurrenceGradient),
    ];

    /// <summary>Backpropagation through h ← softplus(w·h + xₜ) from 0, over [w, x...].</summary>
    private static double[] SoftplusRecurrenceGradient(double[] v)
    {
        double w = v[0];
        int n = v.Length - 1;
        var h = new double[n + 1];
        var a = new double[n];
        for (int t = 0; t < n; t++)
        {
            a[t] = w * h[t] + v[1 + t];
            h[t + 1] = Math.Log(1 + Math.Exp(a[t]));
        }

        var g = new double[v.Length];
        double hBar = 1;
        for (int t = n - 1; t >= 0; t--)
        {
            double aBar = hBar * Sigmoid(a[t]);
            g[0] += aBar * h[t];
            g[1 + t] = aBar;
            hBar = aBar * w;
        }

        return g;
    }
#else
    public static DiffCase[] All { get; } = [];
#endif
}
