using System;

namespace SourceGen.Autodiff.Benchmarks.Problems;

/// <summary>Deterministic inputs, so every run (and the self-check) sees the same numbers.</summary>
internal static class Data
{
    public static double[] Uniform(int seed, int length, double low, double high)
    {
        var random = new Random(seed);
        var values = new double[length];
        for (int i = 0; i < length; i++)
            values[i] = low + (high - low) * random.NextDouble();
        return values;
    }

    public static double[] Labels(int seed, int length)
    {
        var random = new Random(seed);
        var labels = new double[length];
        for (int i = 0; i < length; i++)
            labels[i] = random.Next(2);
        return labels;
    }

    /// <summary>Concatenates parameter blocks into one vector, the finite-difference view of several parameters.</summary>
    public static double[] Pack(params double[][] blocks)
    {
        int length = 0;
        foreach (var block in blocks) length += block.Length;
        var packed = new double[length];
        int offset = 0;
        foreach (var block in blocks)
        {
            block.CopyTo(packed, offset);
            offset += block.Length;
        }
        return packed;
    }
}
