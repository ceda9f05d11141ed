using System;
using SourceGen.Autodiff.EndToEnd.Tests.Corpus;
using SourceGen.Autodiff.EndToEnd.Tests.Harness;

namespace SourceGen.Autodiff.EndToEnd.Tests.Cases;

/// <summary>The <see cref="ArrayCorpus"/> methods as <see cref="DiffCase"/>s.</summary>
public static class ArrayCases
{
    private const int Index = 1; // the inactive int of ReadAtIndex
    private const long LongIndex = 2; // the inactive long of ReadAtLongIndex

    public static DiffCase[] All { get; } =
    [
        new DiffCase
        {
            Name = "ArrayReads",
            Point = [1.5, -2, 0.25],
            Seed = [0.7],
            Forward = x => [ArrayCorpus.ArrayReads(x)],
            Backward = (x, s, g) => [ArrayCorpus.ArrayReadsBackward(x, s[0], g)],
            Gradient = x => Flat.Of(ArrayCorpus.ArrayReadsGradient(x)),
            Pullback = x =>
            {
                var p = ArrayCorpus.ArrayReadsPullback(x);
                return new PullbackRun([p.Value], (s, g) => p.Backward(s[0], g));
            },
            ExactVjp = (x, s) => [s[0] * x[1], s[0] * x[0], s[0]],
        },

        // SpanDot(a, b): flat input [a0, a1, b0, b1].
        new DiffCase
        {
            Name = "SpanDot",
            Point = [1.5, -2, 0.25, 3],
            Seed = [0.7],
            Forward = v => [ArrayCorpus.SpanDot(v.AsSpan(0, 2), v.AsSpan(2, 2))],
            Backward = (v, s, g) => [ArrayCorpus.SpanDotBackward(v.AsSpan(0, 2), v.AsSpan(2, 2), s[0], g.AsSpan(0, 2), g.AsSpan(2, 2))],
            Gradient = v => Flat.Of(ArrayCorpus.SpanDotGradient(v.AsSpan(0, 2), v.AsSpan(2, 2))),
            Pullback = v =>
            {
                var p = ArrayCorpus.SpanDotPullback(v.AsSpan(0, 2), v.AsSpan(2, 2));
                return new PullbackRun([p.Value], (s, g) => p.Backward(s[0], g.AsSpan(0, 2), g.AsSpan(2, 2)));
            },
            ExactVjp = (v, s) => [s[0] * v[2], s[0] * v[3], s[0] * v[0], s[0] * v[1]],
        },

        new DiffCase
        {
            Name = "Rosenbrock2",
            Point = [-1.2, 1],
            Seed = [0.7],
            Forward = x => [ArrayCorpus.Rosenbrock2(x)],
            Backward = (x, s, g) => [ArrayCorpus.Rosenbrock2Backward(x, s[0], g)],
            Gradient = x => Flat.Of(ArrayCorpus.Rosenbrock2Gradient(x)),
            Pullback = x =>
            {
                var p = ArrayCorpus.Rosenbrock2Pullback(x);
                return new PullbackRun([p.Value], (s, g) => p.Backward(s[0], g));
            },
            ExactVjp = (x, s) =>
            {
                double t = x[1] - x[0] * x[0], u = 1 - x[0];
                return [s[0] * (-400 * x[0] * t - 2 * u), s[0] * 200 * t];
            },
        },

        new DiffCase
        {
            Name = "ReadAtIndex",
            Point = [1.5, -2, 0.25, 3],
            Seed = [0.7],
            Forward = x => [ArrayCorpus.ReadAtIndex(x, Index)],
            Backward = (x, s, g) => [ArrayCorpus.ReadAtIndexBackward(x, Index, s[0], g)],
            Gradient = x => Flat.Of(ArrayCorpus.ReadAtIndexGradient(x, Index)),
            Pullback = x =>
            {
                var p = ArrayCorpus.ReadAtIndexPullback(x, Index);
                return new PullbackRun([p.Value], (s, g) => p.Backward(s[0], g));
            },
            ExactVjp = (x, s) => [0, s[0] * x[2], s[0] * x[1], 0],
        },

        new DiffCase
        {
            Name = "NewArray",
            Point = [1.5, -2],
            Seed = [0.7, -1.1, 0.3],
            Forward = x => ArrayCorpus.NewArray(x),
            Backward = (x, s, g) => ArrayCorpus.NewArrayBackward(x, s, g),
            Pullback = x =>
            {
                var p = ArrayCorpus.NewArrayPullback(x);
                return new PullbackRun(Flat.Of(p.Value), (s, g) => p.Backward(s, g));
            },
            Jacobian = x => ArrayCorpus.NewArrayJacobian(x),
            ExactVjp = (x, s) => [s[0] * x[1] + s[2], s[0] * x[0] + s[1] * Math.Cos(x[1]) - s[2]],
        },

        new DiffCase
        {
            Name = "ElementCompound",
            Point = [1.5, -2],
            Seed = [0.7, -1.1],
            Forward = x => ArrayCorpus.ElementCompound(x),
            Backward = (x, s, g) => ArrayCorpus.ElementCompoundBackward(x, s, g),
            Pullback = x =>
            {
                var p = ArrayCorpus.ElementCompoundPullback(x);
                return new PullbackRun(Flat.Of(p.Value), (s, g) => p.Backward(s, g));
            },
            Jacobian = x => ArrayCorpus.ElementCompoundJacobian(x),
            ExactVjp = (x, s) => [s[0] * x[1] + 2 * s[1], s[0] * x[0] - 2 * x[1] * s[1]], // y = [x0 x1, 2 x0 - x1²]
        },

        // Polar(r, theta): scalars in, array out; MJacobian's columns are r and theta.
        new DiffCase
        {
            Name = "Polar",
            Point = [2, 0.6],
            Seed = [0.7, -1.1],
            Forward = v => ArrayCorpus.Polar(v[0], v[1]),
            Backward = (v, s, g) => ArrayCorpus.PolarBackward(v[0], v[1], s, ref g[0], ref g[1]),
            Pullback = v =>
            {
                var p = ArrayCorpus.PolarPullback(v[0], v[1]);
                return new PullbackRun(Flat.Of(p.Value), (s, g) => p.Backward(s, ref g[0], ref g[1]));
            },
            Jacobian = v => ArrayCorpus.PolarJacobian(v[0], v[1]),
            ExactVjp = (v, s) =>
            [
                s[0] * Math.Cos(v[1]) + s[1] * Math.Sin(v[1]),
                -s[0] * v[0] * Math.Sin(v[1]) + s[1] * v[0] * Math.Cos(v[1]),
            ],
        },

        new DiffCase
        {
            Name = "SpanOutput",
            Point = [1.5, -2],
            Seed = [0.7, -1.1],
            Forward = x => WithOutput(2, y => ArrayCorpus.SpanOutput(x, y)),
            Backward = (x, s, g) => WithOutput(2, y => ArrayCorpus.SpanOutputBackward(x, y, s, g)),
            Pullback = x =>
            {
                var value = new double[2];
                var p = ArrayCorpus.SpanOutputPullback(x, value);
                return new PullbackRun(value, (s, g) => p.Backward(s, g));
            },
            Jacobian = x => ArrayCorpus.SpanOutputJacobian(x, new double[2]),
            ExactVjp = (x, s) => [2 * x[0] * s[0] + x[1] * s[1], x[0] * s[1]],
        },

        new DiffCase
        {
            Name = "OutputCompound",
            Point = [1.5, -2],
            Seed = [0.7, -1.1],
            Forward = x => WithOutput(2, y => ArrayCorpus.OutputCompound(x, y)),
            Backward = (x, s, g) => WithOutput(2, y => ArrayCorpus.OutputCompoundBackward(x, y, s, g)),
            Pullback = x =>
            {
                var value = new double[2];
                var p = ArrayCorpus.OutputCompoundPullback(x, value);
                return new PullbackRun(value, (s, g) => p.Backward(s, g));
            },
            Jacobian = x => ArrayCorpus.OutputCompoundJacobian(x, new double[2]),
            ExactVjp = (x, s) => [s[0] * (1 + x[1]), s[0] * x[0] + s[1]], // y = [x0 + x1 x0, x1]
        },

        // ScaledOutput(x, s, y): flat input [x0, x1, s].
        new DiffCase
        {
            Name = "ScaledOutput",
            Point = [1.5, -2, 0.8],
            Seed = [0.7, -1.1],
            Forward = v => WithOutput(2, y => ArrayCorpus.ScaledOutput(v.AsSpan(0, 2), v[2], y)),
            Backward = (v, s, g) => WithOutput(2, y => ArrayCorpus.ScaledOutputBackward(v.AsSpan(0, 2), v[2], y, s, g.AsSpan(0, 2), ref g[2])),
            Pullback = v =>
            {
                var value = new double[2];
                var p = ArrayCorpus.ScaledOutputPullback(v.AsSpan(0, 2), v[2], value);
                return new PullbackRun(value, (s, g) => p.Backward(s, g.AsSpan(0, 2), ref g[2]));
            },
            Jacobian = v => ArrayCorpus.ScaledOutputJacobian(v.AsSpan(0, 2), v[2], new double[2]),
            ExactVjp = (v, s) => [s[0] * v[2], s[1] * v[2] * v[2], s[0] * v[0] + 2 * v[2] * v[1] * s[1]],
        },

        new DiffCase
        {
            Name = "ReadAtLongIndex",
            Point = [1.5, -2, 0.25, 3],
            Seed = [0.7],
            Forward = x => [ArrayCorpus.ReadAtLongIndex(x, LongIndex)],
            Backward = (x, s, g) => [ArrayCorpus.ReadAtLongIndexBackward(x, LongIndex, s[0], g)],
            Gradient = x => Flat.Of(ArrayCorpus.ReadAtLongIndexGradient(x, LongIndex)),
            Pullback = x =>
            {
                var p = ArrayCorpus.ReadAtLongIndexPullback(x, LongIndex);
                return new PullbackRun([p.Value], (s, g) => p.Backward(s[0], g));
            },
            ExactVjp = (x, s) => [0, 0, s[0] * x[3], s[0] * x[2]],
        },
    ];

    /// <summary>Calls a method that writes a Span&lt;double&gt; output and returns what it wrote.</summary>
    private static double[] WithOutput(int length, Action<double[]> run)
    {
        var output = new double[length];
        run(output);
        return output;
    }
}
