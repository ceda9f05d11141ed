using System;
using System.Runtime.CompilerServices;

namespace SourceGen.Autodiff.EndToEnd.Tests.Harness;

/// <summary>Converts between the generated methods' argument types and flat double vectors.</summary>
public static class Flat
{
    public static double[] Of(double value) => [value];

    public static double[] Of(double[] values) => (double[])values.Clone();

    public static double[] Of(Tensor tensor) => tensor.ToArray();

    /// <summary>A tuple of gradients (double, double[] or Tensor items), concatenated in order.</summary>
    public static double[] Of(ITuple tuple)
    {
        var parts = new double[tuple.Length][];
        int total = 0;
        for (int i = 0; i < tuple.Length; i++)
        {
            parts[i] = tuple[i] switch
            {
                double value => Of(value),
                double[] values => Of(values),
                Tensor tensor => Of(tensor),
                var other => throw new ArgumentException($"tuple item {i} has unexpected type {other?.GetType().Name ?? "null"}"),
            };
            total += parts[i].Length;
        }

        var flat = new double[total];
        int next = 0;
        foreach (double[] part in parts)
        {
            part.CopyTo(flat, next);
            next += part.Length;
        }

        return flat;
    }

    /// <summary>Row-major flattening of a 2-D array.</summary>
    public static double[] Of(double[,] matrix)
    {
        var flat = new double[matrix.Length];
        int next = 0;
        foreach (double value in matrix)
        {
            flat[next++] = value;
        }

        return flat;
    }

    /// <summary>A new tensor of <paramref name="shape"/> holding <c>flat[offset..]</c>.</summary>
    public static Tensor ToTensor(double[] flat, int offset, params int[] shape)
    {
        var tensor = Tensor.Zeros(shape);
        flat.AsSpan(offset, tensor.Length).CopyTo(tensor.AsSpan());
        return tensor;
    }

    /// <summary>Copies a tensor gradient buffer back into <c>flat[offset..]</c> after MBackward added into it.</summary>
    public static void CopyBack(Tensor buffer, double[] flat, int offset) =>
        buffer.AsReadOnlySpan().CopyTo(flat.AsSpan(offset, buffer.Length));
}
