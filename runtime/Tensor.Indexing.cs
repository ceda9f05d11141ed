using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace SourceGen.Autodiff;

// Element access. Every indexer checks the rank and each index before touching storage, so a
// wrong index can never silently land on a neighbouring element of the flat array.
public sealed partial class Tensor
{
    /// <summary>The element at <paramref name="i"/> of a vector (rank 1).</summary>
    /// <param name="i">The index.</param>
    /// <exception cref="ArgumentException">The tensor is not of rank 1.</exception>
    /// <exception cref="IndexOutOfRangeException">The index is outside the dimension.</exception>
    public double this[int i]
    {
        get => _data[Offset(i)];
        set => _data[Offset(i)] = value;
    }

    /// <summary>The element at row <paramref name="i"/>, column <paramref name="j"/> of a matrix (rank 2).</summary>
    /// <param name="i">The row index.</param>
    /// <param name="j">The column index.</param>
    /// <exception cref="ArgumentException">The tensor is not of rank 2.</exception>
    /// <exception cref="IndexOutOfRangeException">An index is outside its dimension.</exception>
    public double this[int i, int j]
    {
        get => _data[Offset(i, j)];
        set => _data[Offset(i, j)] = value;
    }

    /// <summary>The element at <paramref name="i"/>, <paramref name="j"/>, <paramref name="k"/> of a rank-3 tensor.</summary>
    /// <param name="i">The index in dimension 0.</param>
    /// <param name="j">The index in dimension 1.</param>
    /// <param name="k">The index in dimension 2.</param>
    /// <exception cref="ArgumentException">The tensor is not of rank 3.</exception>
    /// <exception cref="IndexOutOfRangeException">An index is outside its dimension.</exception>
    public double this[int i, int j, int k]
    {
        get => _data[Offset(i, j, k)];
        set => _data[Offset(i, j, k)] = value;
    }

    /// <summary>The element at a full index of any rank (an empty span for a scalar; see also <see cref="ToScalar"/>).</summary>
    /// <param name="index">One index per dimension.</param>
    /// <exception cref="ArgumentException">The number of indices differs from the rank.</exception>
    /// <exception cref="IndexOutOfRangeException">An index is outside its dimension.</exception>
    public double this[params ReadOnlySpan<int> index]
    {
        get => _data[Offset(index)];
        set => _data[Offset(index)] = value;
    }

    /// <summary>The row-major position of a full index in <see cref="AsSpan"/>.</summary>
    /// <param name="index">One index per dimension.</param>
    /// <returns>The flat position.</returns>
    /// <exception cref="ArgumentException">The number of indices differs from the rank.</exception>
    /// <exception cref="IndexOutOfRangeException">An index is outside its dimension.</exception>
    public int FlatIndex(params ReadOnlySpan<int> index) => Offset(index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Offset(int i)
    {
        RequireRank(1);
        RequireInRange(0, i);
        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Offset(int i, int j)
    {
        RequireRank(2);
        RequireInRange(0, i);
        RequireInRange(1, j);
        return (i * _shape[1]) + j;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Offset(int i, int j, int k)
    {
        RequireRank(3);
        RequireInRange(0, i);
        RequireInRange(1, j);
        RequireInRange(2, k);
        return (((i * _shape[1]) + j) * _shape[2]) + k;
    }

    private int Offset(ReadOnlySpan<int> index)
    {
        RequireRank(index.Length);
        int offset = 0;
        for (int axis = 0; axis < index.Length; axis++)
        {
            RequireInRange(axis, index[axis]);
            offset = (offset * _shape[axis]) + index[axis];
        }

        return offset;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void RequireRank(int indexCount)
    {
        if (_shape.Length != indexCount)
        {
            ThrowRankMismatch(indexCount);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void RequireInRange(int axis, int index)
    {
        if ((uint)index >= (uint)_shape[axis])
        {
            ThrowIndexOutOfRange(axis, index);
        }
    }

    [DoesNotReturn]
    private void ThrowRankMismatch(int indexCount) =>
        throw new ArgumentException(
            $"A tensor of shape {ShapeText} has rank {_shape.Length} and needs {_shape.Length} "
            + $"{Plural(_shape.Length, "index", "indices")}, but {indexCount} {Plural(indexCount, "was", "were")} given.");

    [DoesNotReturn]
    private void ThrowIndexOutOfRange(int axis, int index) =>
        throw new IndexOutOfRangeException(
            $"Index {index} is out of range for dimension {axis} of size {_shape[axis]} "
            + $"in a tensor of shape {ShapeText}.");

    private static string Plural(int count, string one, string many) => count == 1 ? one : many;
}
