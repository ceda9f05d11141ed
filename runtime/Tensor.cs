using System;
using System.Numerics.Tensors;

namespace SourceGen.Autodiff;

/// <summary>
/// A dense tensor of <see cref="double"/> values stored contiguously in row-major order, with
/// any rank (0 for a scalar). Element reads and writes check the rank and every index.
/// </summary>
/// <remarks>
/// The shape never changes after construction; the values are mutable. Arithmetic operators
/// return new tensors and require equal shapes (a <see cref="double"/> broadcasts on either
/// side). Equality is reference equality: compare <see cref="ToArray"/> and
/// <see cref="HasSameShape"/> to compare contents.
/// </remarks>
public sealed partial class Tensor
{
    private readonly int[] _shape;
    private readonly double[] _data;

    private Tensor(int[] shape, double[] data)
    {
        _shape = shape;
        _data = data;
    }

    /// <summary>The size of each dimension, outermost first; empty for a scalar (rank 0).</summary>
    public ReadOnlySpan<int> Shape => _shape;

    /// <summary>The shape as text, for example <c>(1, 2)</c>, <c>(3)</c> or <c>()</c>.</summary>
    public string ShapeText => ShapeFormat.Format(_shape);

    /// <summary>The number of dimensions: 0 for a scalar, 1 for a vector, 2 for a matrix.</summary>
    public int Rank => _shape.Length;

    /// <summary>The number of elements (the product of the shape; 1 for a scalar).</summary>
    public int Length => _data.Length;

    /// <summary>Creates a tensor of the given shape filled with zeros.</summary>
    /// <param name="shape">The size of each dimension; no dimensions makes a scalar.</param>
    /// <returns>A new tensor.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is negative.</exception>
    public static Tensor Zeros(params int[] shape)
    {
        int[] ownShape = CopyShape(shape);
        return new Tensor(ownShape, new double[ElementCount(ownShape)]);
    }

    /// <summary>Creates a tensor of the given shape filled with ones.</summary>
    /// <param name="shape">The size of each dimension; no dimensions makes a scalar.</param>
    /// <returns>A new tensor.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is negative.</exception>
    public static Tensor Ones(params int[] shape) => Full(1.0, shape);

    /// <summary>Creates a tensor of the given shape with every element set to <paramref name="value"/>.</summary>
    /// <param name="value">The value of every element.</param>
    /// <param name="shape">The size of each dimension; no dimensions makes a scalar.</param>
    /// <returns>A new tensor.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is negative.</exception>
    public static Tensor Full(double value, params int[] shape)
    {
        Tensor tensor = Zeros(shape);
        tensor._data.AsSpan().Fill(value);
        return tensor;
    }

    /// <summary>Creates a rank-0 tensor holding one value, like <c>torch.tensor(4.)</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>A new tensor of shape <c>()</c>.</returns>
    public static Tensor Scalar(double value) => new([], [value]);

    /// <summary>Creates a vector (rank 1) holding a copy of <paramref name="values"/>.</summary>
    /// <param name="values">The elements.</param>
    /// <returns>A new tensor of shape <c>(values.Length)</c>.</returns>
    public static Tensor From(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new Tensor([values.Length], (double[])values.Clone());
    }

    /// <summary>Creates a matrix (rank 2) holding a copy of <paramref name="values"/>.</summary>
    /// <param name="values">The elements, indexed [row, column].</param>
    /// <returns>A new tensor of shape <c>(rows, columns)</c>.</returns>
    public static Tensor From(double[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var tensor = Zeros(values.GetLength(0), values.GetLength(1));
        int next = 0;
        foreach (double value in values)
        {
            tensor._data[next++] = value; // a multidimensional array enumerates in row-major order
        }

        return tensor;
    }

    /// <summary>Creates a rank-3 tensor holding a copy of <paramref name="values"/>.</summary>
    /// <param name="values">The elements, indexed [i, j, k].</param>
    /// <returns>A new tensor of shape <c>(n0, n1, n2)</c>.</returns>
    public static Tensor From(double[,,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var tensor = Zeros(values.GetLength(0), values.GetLength(1), values.GetLength(2));
        int next = 0;
        foreach (double value in values)
        {
            tensor._data[next++] = value;
        }

        return tensor;
    }

    /// <summary>Creates a tensor of any shape from values listed in row-major order.</summary>
    /// <param name="values">The elements, last index varying fastest; copied.</param>
    /// <param name="shape">The size of each dimension.</param>
    /// <returns>A new tensor.</returns>
    /// <exception cref="ArgumentException">The number of values does not match the shape.</exception>
    public static Tensor FromRowMajor(ReadOnlySpan<double> values, params int[] shape)
    {
        Tensor tensor = Zeros(shape);
        if (values.Length != tensor.Length)
        {
            throw new ArgumentException(
                $"{values.Length} values cannot fill a tensor of shape {tensor.ShapeText}, which holds {tensor.Length}.",
                nameof(values));
        }

        values.CopyTo(tensor._data);
        return tensor;
    }

    /// <summary>Creates a tensor of zeros with the shape of <paramref name="other"/>.</summary>
    /// <param name="other">The tensor whose shape to copy.</param>
    /// <returns>A new tensor.</returns>
    public static Tensor ZerosLike(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new Tensor((int[])other._shape.Clone(), new double[other._data.Length]);
    }

    /// <summary>Creates an independent copy of this tensor (same shape, copied values).</summary>
    /// <returns>A new tensor.</returns>
    public Tensor Clone() => new((int[])_shape.Clone(), (double[])_data.Clone());

    /// <summary>Tells whether <paramref name="other"/> has exactly this tensor's shape.</summary>
    /// <param name="other">The tensor to compare with.</param>
    /// <returns><see langword="true"/> when the ranks and every dimension are equal.</returns>
    public bool HasSameShape(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Shape.SequenceEqual(other.Shape);
    }

    /// <summary>The elements in row-major order, writable; writes change this tensor.</summary>
    /// <returns>A span over the storage.</returns>
    public Span<double> AsSpan() => _data;

    /// <summary>The elements in row-major order, read-only.</summary>
    /// <returns>A read-only span over the storage.</returns>
    public ReadOnlySpan<double> AsReadOnlySpan() => _data;

    /// <summary>Copies the elements, in row-major order, into a new array.</summary>
    /// <returns>A new array of <see cref="Length"/> elements.</returns>
    public double[] ToArray() => (double[])_data.Clone();

    /// <summary>Sets every element to zero, for example to reset a gradient buffer.</summary>
    public void Clear() => Array.Clear(_data);

    /// <summary>The sum of all elements, as a plain number (PyTorch's <c>x.sum()</c> followed by <c>.item()</c>).</summary>
    /// <returns>The sum; 0 for an empty tensor.</returns>
    public double Sum() => TensorPrimitives.Sum<double>(_data);

    /// <summary>The only element of a one-element tensor, like PyTorch's <c>.item()</c>.</summary>
    /// <returns>The element.</returns>
    /// <exception cref="InvalidOperationException">The tensor does not hold exactly one element.</exception>
    public double ToScalar()
    {
        if (_data.Length != 1)
        {
            throw new InvalidOperationException(
                $"A tensor of shape {ShapeText} has {_data.Length} elements; only a one-element tensor converts to a number.");
        }

        return _data[0];
    }

    /// <summary>
    /// Prints like PyTorch prints a float tensor: <c>tensor(4.)</c>, <c>tensor([0.5000, 1.2500])</c>,
    /// <c>tensor([[ 6., 26.]])</c>, rows of a matrix on their own lines.
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString() => PyTorchFormat.Format(_shape, _data);

    private static int[] CopyShape(int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        foreach (int size in shape)
        {
            if (size < 0)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(shape), $"Tensor dimensions cannot be negative, but shape {ShapeFormat.Format(shape)} has {size}.");
            }
        }

        return (int[])shape.Clone();
    }

    private static int ElementCount(int[] shape)
    {
        long count = 1;
        foreach (int size in shape)
        {
            count *= size;
            if (count > Array.MaxLength)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(shape), $"A tensor of shape {ShapeFormat.Format(shape)} would have too many elements.");
            }
        }

        return (int)count;
    }
}
