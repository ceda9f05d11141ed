using System;
using System.Linq;

namespace SourceGen.Autodiff.Generator.Tests.Cases;

/// <summary>Random arguments within a range.</summary>
public static class Draw
{
    public static double Real(Random random, double low, double high) => low + (high - low) * random.NextDouble();

    public static double[] Array(Random random, int length, double low, double high) =>
        Enumerable.Range(0, length).Select(_ => Real(random, low, high)).ToArray();

    public static Tensor Tensor(Random random, double low, double high, params int[] shape) =>
        SourceGen.Autodiff.Tensor.FromRowMajor(Array(random, shape.Aggregate(1, (a, b) => a * b), low, high), shape);

    /// <summary>A real away from zero, with a random sign: a non-trivial seed or gradient start value.</summary>
    public static double Weight(Random random) => (random.Next(2) == 0 ? -1 : 1) * Real(random, 0.5, 2);
}
