using System;
using SourceGen.Autodiff.EndToEnd.Tests.Corpus;
using SourceGen.Autodiff.EndToEnd.Tests.Harness;
using static SourceGen.Autodiff.EndToEnd.Tests.Harness.ScalarCaseBuilder;
using static SourceGen.Autodiff.EndToEnd.Tests.Harness.SpanCaseBuilder;

namespace SourceGen.Autodiff.EndToEnd.Tests.Cases;

/// <summary>The <see cref="RefLocalCorpus"/> methods as <see cref="DiffCase"/>s, with gradients derived by hand.</summary>
public static class RefLocalCases
{
    public static DiffCase[] All { get; } =
    [
        // y = 2x.
        Unary("RefDoubled", 1.5, RefLocalCorpus.Doubled, RefLocalCorpus.DoubledBackward, RefLocalCorpus.DoubledGradient,
            RefLocalCorpus.DoubledPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g), _ => 2),

        // y_i = x_i².
        Output("RefSquare", [1, -2, 0.5], 3, RefLocalCorpus.Square, RefLocalCorpus.SquareBackward, RefLocalCorpus.SquarePullback,
            (p, s, g) => p.Backward(s, g), RefLocalCorpus.SquareJacobian,
            (x, s) => [2 * x[0] * s[0], 2 * x[1] * s[1], 2 * x[2] * s[2]]),

        // a0 = x0² + x1.
        Scalar("RefBump", [2, 3], x => RefLocalCorpus.Bump(x.ToArray()), (x, s, g) => RefLocalCorpus.BumpBackward(x.ToArray(), s, g),
            x => RefLocalCorpus.BumpGradient(x.ToArray()), x => RefLocalCorpus.BumpPullback(x.ToArray()), p => p.Value,
            (p, s, g) => p.Backward(s, g), x => [2 * x[0], 1]),

        // acc[i] = (x_i · x_{i+1})² (x_{n-1} · 1 for the last): total = Σ acc[i].
        Scalar("RefIndexMovesOn", [0.5, -1.5, 2, 0.75], RefLocalCorpus.IndexMovesOn, RefLocalCorpus.IndexMovesOnBackward,
            RefLocalCorpus.IndexMovesOnGradient, RefLocalCorpus.IndexMovesOnPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x =>
            {
                var g = new double[x.Length];
                for (int i = 0; i < x.Length; i++)
                {
                    double next = i + 1 < x.Length ? x[i + 1] : 1;
                    double p = x[i] * next;
                    g[i] += 2 * p * next;
                    if (i + 1 < x.Length)
                    {
                        g[i + 1] += 2 * p * x[i];
                    }
                }

                return g;
            }),

        // x' = x·c + sin x, result x'².
        Binary("RefThroughParameter", [0.8, -1.3], RefLocalCorpus.ThroughParameter, RefLocalCorpus.ThroughParameterBackward,
            RefLocalCorpus.ThroughParameterGradient, RefLocalCorpus.ThroughParameterPullback, p => p.Value,
            (p, s, ref gx, ref gc) => p.Backward(s, ref gx, ref gc),
            (x, c) =>
            {
                double v = x * c + Math.Sin(x);
                return (2 * v * (c + Math.Cos(x)), 2 * v * x);
            }),

        // s = Σ x² - x0, t = Σ x², result s + 3t.
        Scalar("RefReadOnlyAndRebound", [0.5, -1.5, 2], RefLocalCorpus.ReadOnlyAndRebound, RefLocalCorpus.ReadOnlyAndReboundBackward,
            RefLocalCorpus.ReadOnlyAndReboundGradient, RefLocalCorpus.ReadOnlyAndReboundPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x =>
            {
                var g = new double[x.Length];
                for (int i = 0; i < x.Length; i++)
                {
                    g[i] = 4 * 2 * x[i];
                }

                g[0] -= 1;
                return g;
            }),

        // y_i = x_i · x_{(i+1) mod n}.
        Output("RefForEach", [1, -2, 0.5], 3, RefLocalCorpus.ForEachRef, RefLocalCorpus.ForEachRefBackward, RefLocalCorpus.ForEachRefPullback,
            (p, s, g) => p.Backward(s, g), RefLocalCorpus.ForEachRefJacobian,
            (x, s) => [s[0] * x[1] + s[2] * x[2], s[1] * x[2] + s[0] * x[0], s[2] * x[0] + s[1] * x[1]]),

        Scalar("RefHiddenState", [0.3, -0.7, 1.1, 0.2], RefLocalCorpus.HiddenState, RefLocalCorpus.HiddenStateBackward,
            RefLocalCorpus.HiddenStateGradient, RefLocalCorpus.HiddenStatePullback, p => p.Value, (p, s, g) => p.Backward(s, g)),

        // 2x·x + 2cos x: 4x - 2 sin x.
        Unary("RefCallsDoubled", 0.9, RefLocalCorpus.CallsDoubled, RefLocalCorpus.CallsDoubledBackward, RefLocalCorpus.CallsDoubledGradient,
            RefLocalCorpus.CallsDoubledPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g), x => 4 * x - 2 * Math.Sin(x)),
    ];
}
