#if FLOAT
using System;
using System.Collections.Generic;
using System.Linq;
using SourceGen.Autodiff.EndToEnd.Tests.Corpus;
using SourceGen.Autodiff.EndToEnd.Tests.Harness;
using Xunit;
using static SourceGen.Autodiff.EndToEnd.Tests.Cases.ClassicGradients;
using static SourceGen.Autodiff.EndToEnd.Tests.Harness.Vectors;

namespace SourceGen.Autodiff.EndToEnd.Tests.Cases;

public delegate float FloatUnaryBackward(float x, float seed, ref float xGrad);

public delegate void FloatUnaryPullbackBackward<TPullback>(TPullback pullback, float seed, ref float xGrad);

public delegate float FloatSpanFunction(ReadOnlySpan<float> x);

public delegate float FloatSpanBackward(ReadOnlySpan<float> x, float seed, Span<float> xGrad);

public delegate float[] FloatSpanGradient(ReadOnlySpan<float> x);

public delegate TPullback FloatSpanPullback<TPullback>(ReadOnlySpan<float> x);

public delegate void FloatSpanPullbackBackward<TPullback>(TPullback pullback, float seed, Span<float> xGrad);

/// <summary>The <see cref="FloatCorpus"/> methods as <see cref="FloatCase"/>s, against double references.</summary>
public static class FloatCases
{
    private const double Seed = 0.75; // exact in float

    private static readonly Dictionary<string, FloatCase> ByName = new FloatCase[]
    {
        Unary("Float_Sigmoid", 0.75, FloatCorpus.Sigmoid, FloatCorpus.SigmoidBackward, FloatCorpus.SigmoidGradient,
            FloatCorpus.SigmoidPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => Sigmoid(x) * (1 - Sigmoid(x))),

        Unary("Float_MixedPrecision", 2.25, FloatCorpus.MixedPrecision, FloatCorpus.MixedPrecisionBackward, FloatCorpus.MixedPrecisionGradient,
            FloatCorpus.MixedPrecisionPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 4.5 * Math.Sqrt(x)), // 3x^1.5

        Unary("Float_LogHypotFma", 1.5, FloatCorpus.LogHypotFma, FloatCorpus.LogHypotFmaBackward, FloatCorpus.LogHypotFmaGradient,
            FloatCorpus.LogHypotFmaPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 1 / (x * Math.Log(3)) + x / Math.Sqrt(x * x + 4) + 2 * x + Math.Exp(x)),

        Branchy("Float_Branchy_then", [1.5, -0.5], (x, y) => [Math.Sin(y), x * Math.Cos(y)]),
        Branchy("Float_Branchy_else", [-1, 2], (x, y) => [2 * x, -2]),

        Span("Float_Rosenbrock", [-1.25, 1, 0.75, 1.5], FloatCorpus.Rosenbrock, FloatCorpus.RosenbrockBackward, FloatCorpus.RosenbrockGradient,
            FloatCorpus.RosenbrockPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            RosenbrockGradient),

        Span("Float_LogSumExp", [0.25, 2, -1, 1.75], FloatCorpus.LogSumExp, FloatCorpus.LogSumExpBackward, FloatCorpus.LogSumExpGradient,
            FloatCorpus.LogSumExpPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            SoftmaxOf),

        // Horner(x, c): flat input [x, c...].
        new FloatCase
        {
            Name = "Float_Horner",
            Point = [0.75, 1, -2, 0.5, 3, -1.5],
            Seed = [Seed],
            Forward = v => [FloatCorpus.Horner((float)v[0], Floats.Of(v[1..]))],
            Backward = (v, s, g) =>
            {
                float result = 0;
                Floats.Through(g, buffer => result = FloatCorpus.HornerBackward((float)v[0], Floats.Of(v[1..]), (float)s[0], ref buffer[0], buffer.AsSpan(1)));
                return [result];
            },
            Gradient = v =>
            {
                var (x, c) = FloatCorpus.HornerGradient((float)v[0], Floats.Of(v[1..]));
                return [x, .. Floats.Of(c)];
            },
            Pullback = v =>
            {
                var p = FloatCorpus.HornerPullback((float)v[0], Floats.Of(v[1..]));
                return new PullbackRun([p.Value], (s, g) => Floats.Through(g, buffer => p.Backward((float)s[0], ref buffer[0], buffer.AsSpan(1))));
            },
            ReferenceVjp = (v, s) => Scale(PolynomialGradient(v), s[0]),
        },

        // Recurrence(w, u, x): flat input [w, u, x...].
        new FloatCase
        {
            Name = "Float_Recurrence",
            Point = [0.75, -0.5, 0.5, -1.25, 1, 0.25],
            Seed = [Seed],
            Forward = v => [FloatCorpus.Recurrence((float)v[0], (float)v[1], Floats.Of(v[2..]))],
            Backward = (v, s, g) =>
            {
                float result = 0;
                Floats.Through(g, buffer => result = FloatCorpus.RecurrenceBackward((float)v[0], (float)v[1], Floats.Of(v[2..]), (float)s[0],
                    ref buffer[0], ref buffer[1], buffer.AsSpan(2)));
                return [result];
            },
            Gradient = v =>
            {
                var (w, u, x) = FloatCorpus.RecurrenceGradient((float)v[0], (float)v[1], Floats.Of(v[2..]));
                return [w, u, .. Floats.Of(x)];
            },
            Pullback = v =>
            {
                var p = FloatCorpus.RecurrencePullback((float)v[0], (float)v[1], Floats.Of(v[2..]));
                return new PullbackRun([p.Value], (s, g) => Floats.Through(g, buffer => p.Backward((float)s[0], ref buffer[0], ref buffer[1], buffer.AsSpan(2))));
            },
            ReferenceVjp = (v, s) => Scale(RecurrenceGradient(v), s[0]),
        },

        // A float[] parameter.
        new FloatCase
        {
            Name = "Float_SoftplusOfPositives",
            Point = [1.5, -2, 0.25, 3],
            Seed = [Seed],
            Forward = x => [FloatCorpus.SoftplusOfPositives(Floats.Of(x))],
            Backward = (x, s, g) =>
            {
                float result = 0;
                Floats.Through(g, buffer => result = FloatCorpus.SoftplusOfPositivesBackward(Floats.Of(x), (float)s[0], buffer));
                return [result];
            },
            Gradient = x => Floats.Of(FloatCorpus.SoftplusOfPositivesGradient(Floats.Of(x))),
            Pullback = x =>
            {
                var p = FloatCorpus.SoftplusOfPositivesPullback(Floats.Of(x));
                return new PullbackRun([p.Value], (s, g) => Floats.Through(g, buffer => p.Backward((float)s[0], buffer)));
            },
            ReferenceVjp = (x, s) => Scale(Map(x, v => v < 0 ? 0 : Sigmoid(v)), s[0]),
        },

        // A Span<float> output.
        new FloatCase
        {
            Name = "Float_LeakyReluLayer",
            Point = [1.5, -2, 0.25, -3],
            Seed = [0.75, -1.25, 0.5, 2],
            Forward = x =>
            {
                var y = new float[x.Length];
                FloatCorpus.LeakyReluLayer(Floats.Of(x), y);
                return Floats.Of(y);
            },
            Backward = (x, s, g) =>
            {
                var y = new float[x.Length];
                Floats.Through(g, buffer => FloatCorpus.LeakyReluLayerBackward(Floats.Of(x), y, Floats.Of(s), buffer));
                return Floats.Of(y);
            },
            Pullback = x =>
            {
                var y = new float[x.Length];
                var p = FloatCorpus.LeakyReluLayerPullback(Floats.Of(x), y);
                return new PullbackRun(Floats.Of(y), (s, g) => Floats.Through(g, buffer => p.Backward(Floats.Of(s), buffer)));
            },
            Jacobian = x => FloatCorpus.LeakyReluLayerJacobian(Floats.Of(x), new float[x.Length]),
            ReferenceVjp = (x, s) => [.. x.Select((v, i) => v < 0 ? 0.1 * s[i] : s[i])],
        },

        Span("Float_LocalArray", [1.5, -2, 0.25, -0.5], FloatCorpus.LocalArray, FloatCorpus.LocalArrayBackward, FloatCorpus.LocalArrayGradient,
            FloatCorpus.LocalArrayPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x => Map(x, v => 3 * v * v)),
#if CALLS

        // CallCorpus.FloatCaller(x, c) = Horner(x, c)·σ(x): flat input [x, c...].
        new FloatCase
        {
            Name = "Float_Caller",
            Point = [0.75, 1, -2, 0.5, 3],
            Seed = [Seed],
            Forward = v => [CallCorpus.FloatCaller((float)v[0], Floats.Of(v[1..]))],
            Backward = (v, s, g) =>
            {
                float result = 0;
                Floats.Through(g, buffer => result = CallCorpus.FloatCallerBackward((float)v[0], Floats.Of(v[1..]), (float)s[0], ref buffer[0], buffer.AsSpan(1)));
                return [result];
            },
            Gradient = v =>
            {
                var (x, c) = CallCorpus.FloatCallerGradient((float)v[0], Floats.Of(v[1..]));
                return [x, .. Floats.Of(c)];
            },
            Pullback = v =>
            {
                var p = CallCorpus.FloatCallerPullback((float)v[0], Floats.Of(v[1..]));
                return new PullbackRun([p.Value], (s, g) => Floats.Through(g, buffer => p.Backward((float)s[0], ref buffer[0], buffer.AsSpan(1))));
            },
            ReferenceVjp = (v, s) =>
            {
                double[] polynomial = PolynomialGradient(v); // [p'(x), x⁰, x¹, ...]
                double p = 0, sigma = Sigmoid(v[0]);
                for (int k = 1; k < v.Length; k++)
                {
                    p += v[k] * polynomial[k];
                }

                double[] g = Scale(polynomial, sigma);
                g[0] = polynomial[0] * sigma + p * sigma * (1 - sigma);
                return Scale(g, s[0]);
            },
        },
#endif
    }.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static FloatCase Get(string name) => ByName[name];

    public static TheoryData<string> Names() => new(ByName.Keys);

    public static TheoryData<string> WithGradient() => new(ByName.Values.Where(c => c.Gradient is not null).Select(c => c.Name));

    public static TheoryData<string> WithJacobian() => new(ByName.Values.Where(c => c.Jacobian is not null).Select(c => c.Name));

    private static FloatCase Unary<TPullback>(
        string name,
        double point,
        Func<float, float> method,
        FloatUnaryBackward backward,
        Func<float, float> gradient,
        Func<float, TPullback> pullback,
        Func<TPullback, float> value,
        FloatUnaryPullbackBackward<TPullback> pullbackBackward,
        Func<double, double> derivative) => new()
        {
            Name = name,
            Point = [point],
            Seed = [Seed],
            Forward = x => [method((float)x[0])],
            Backward = (x, s, g) =>
            {
                float xGrad = (float)g[0];
                float result = backward((float)x[0], (float)s[0], ref xGrad);
                g[0] = xGrad;
                return [result];
            },
            Gradient = x => [gradient((float)x[0])],
            Pullback = x =>
            {
                TPullback p = pullback((float)x[0]);
                return new PullbackRun([value(p)], (s, g) =>
                {
                    float xGrad = (float)g[0];
                    pullbackBackward(p, (float)s[0], ref xGrad);
                    g[0] = xGrad;
                });
            },
            ReferenceVjp = (x, s) => [s[0] * derivative(x[0])],
        };

    private static FloatCase Span<TPullback>(
        string name,
        double[] point,
        FloatSpanFunction method,
        FloatSpanBackward backward,
        FloatSpanGradient gradient,
        FloatSpanPullback<TPullback> pullback,
        Func<TPullback, float> value,
        FloatSpanPullbackBackward<TPullback> pullbackBackward,
        Func<double[], double[]> exactGradient) => new()
        {
            Name = name,
            Point = point,
            Seed = [Seed],
            Forward = x => [method(Floats.Of(x))],
            Backward = (x, s, g) =>
            {
                float result = 0;
                Floats.Through(g, buffer => result = backward(Floats.Of(x), (float)s[0], buffer));
                return [result];
            },
            Gradient = x => Floats.Of(gradient(Floats.Of(x))),
            Pullback = x =>
            {
                TPullback p = pullback(Floats.Of(x));
                return new PullbackRun([value(p)], (s, g) => Floats.Through(g, buffer => pullbackBackward(p, (float)s[0], buffer)));
            },
            ReferenceVjp = (x, s) => Scale(exactGradient(x), s[0]),
        };

    /// <summary>Branchy(x, y): flat input [x, y].</summary>
    private static FloatCase Branchy(string name, double[] point, Func<double, double, double[]> gradient) => new()
    {
        Name = name,
        Point = point,
        Seed = [Seed],
        Forward = v => [FloatCorpus.Branchy((float)v[0], (float)v[1])],
        Backward = (v, s, g) =>
        {
            float result = 0;
            Floats.Through(g, buffer => result = FloatCorpus.BranchyBackward((float)v[0], (float)v[1], (float)s[0], ref buffer[0], ref buffer[1]));
            return [result];
        },
        Gradient = v =>
        {
            var (x, y) = FloatCorpus.BranchyGradient((float)v[0], (float)v[1]);
            return [x, y];
        },
        Pullback = v =>
        {
            var p = FloatCorpus.BranchyPullback((float)v[0], (float)v[1]);
            return new PullbackRun([p.Value], (s, g) => Floats.Through(g, buffer => p.Backward((float)s[0], ref buffer[0], ref buffer[1])));
        },
        ReferenceVjp = (v, s) => Scale(gradient(v[0], v[1]), s[0]),
    };
}
#endif
