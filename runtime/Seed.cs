using System;

namespace SourceGen.Autodiff;

/// <summary>
/// Ready-made seeds for <c>MBackward</c> and <c>Backward</c>: the vector <c>v</c> in <c>Jᵀ·v</c>,
/// what PyTorch's <c>y.backward(v)</c> takes as its gradient argument.
/// </summary>
public static class Seed
{
    /// <summary>A tensor of ones, <c>torch.ones(shape)</c>: the gradient of the sum of all outputs.</summary>
    /// <param name="shape">The shape of the method's result.</param>
    /// <returns>A new tensor.</returns>
    public static Tensor Ones(params int[] shape) => Tensor.Ones(shape);

    /// <summary>A tensor of ones with the shape of <paramref name="result"/>.</summary>
    /// <param name="result">A tensor with the result's shape, typically the result itself.</param>
    /// <returns>A new tensor.</returns>
    public static Tensor OnesLike(Tensor result)
    {
        Tensor seed = Tensor.ZerosLike(result);
        seed.AsSpan().Fill(1.0);
        return seed;
    }

    /// <summary>
    /// A tensor of zeros with a single one at <paramref name="index"/>: selects one output, so the
    /// backward pass yields one row of the Jacobian.
    /// </summary>
    /// <param name="shape">The shape of the method's result.</param>
    /// <param name="index">The full index of the selected output.</param>
    /// <returns>A new tensor.</returns>
    /// <exception cref="ArgumentException">The index has the wrong number of components.</exception>
    /// <exception cref="IndexOutOfRangeException">The index lies outside the shape.</exception>
    public static Tensor Unit(int[] shape, params int[] index)
    {
        ArgumentNullException.ThrowIfNull(index);
        Tensor seed = Tensor.Zeros(shape);
        seed[index] = 1.0;
        return seed;
    }

    /// <summary>An array of ones, the seed for a <c>double[]</c> or span result.</summary>
    /// <param name="length">The result's length.</param>
    /// <returns>A new array.</returns>
    public static double[] OnesArray(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        double[] seed = new double[length];
        seed.AsSpan().Fill(1.0);
        return seed;
    }

    /// <summary>An array of zeros with a one at <paramref name="index"/>.</summary>
    /// <param name="length">The result's length.</param>
    /// <param name="index">The selected output.</param>
    /// <returns>A new array.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The index lies outside the array.</exception>
    public static double[] UnitArray(int length, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if ((uint)index >= (uint)length)
        {
            throw new ArgumentOutOfRangeException(
                nameof(index), index, $"Index {index} is outside a seed of length {length}.");
        }

        double[] seed = new double[length];
        seed[index] = 1.0;
        return seed;
    }
}
