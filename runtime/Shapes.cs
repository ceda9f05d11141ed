using System;
using System.ComponentModel;
using System.Runtime.InteropServices;

namespace SourceGen.Autodiff;

/// <summary>
/// Argument checks called by generated code before it writes anything, so a seed or gradient
/// buffer of the wrong size fails with a message naming both sizes.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Shapes
{
    /// <summary>Throws unless a span or array has the length of the value it belongs to.</summary>
    /// <param name="actual">The length that was passed, e.g. of <c>wGrad</c>.</param>
    /// <param name="expected">The length it must have, e.g. of <c>w</c>.</param>
    /// <param name="name">The name of the checked argument; becomes the exception's parameter name.</param>
    /// <param name="expectedName">What the expected length belongs to, e.g. <c>w</c> or <c>the result</c>.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void RequireLength(int actual, int expected, string name, string expectedName)
    {
        if (actual != expected)
        {
            throw new ArgumentException(
                $"{name} has length {actual} but {expectedName} has length {expected}; they must have the same length.",
                name);
        }
    }

    /// <summary>Throws unless a tensor has the shape of the tensor it belongs to.</summary>
    /// <param name="actual">The tensor that was passed, e.g. <c>xGrad</c>.</param>
    /// <param name="expected">The tensor whose shape it must have, e.g. <c>x</c>.</param>
    /// <param name="name">The name of the checked argument; becomes the exception's parameter name.</param>
    /// <param name="expectedName">What the expected shape belongs to.</param>
    /// <exception cref="ArgumentNullException">A tensor is null.</exception>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static void RequireSameShape(Tensor actual, Tensor expected, string name, string expectedName)
    {
        ArgumentNullException.ThrowIfNull(expected, expectedName);
        RequireShape(actual, expected.Shape, name, expectedName);
    }

    /// <summary>Throws unless a tensor has the given shape.</summary>
    /// <param name="actual">The tensor that was passed, e.g. <c>seed</c>.</param>
    /// <param name="expected">The shape it must have.</param>
    /// <param name="name">The name of the checked argument; becomes the exception's parameter name.</param>
    /// <param name="expectedName">What the expected shape belongs to, e.g. <c>the result</c>.</param>
    /// <exception cref="ArgumentNullException">The tensor is null.</exception>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static void RequireShape(Tensor actual, ReadOnlySpan<int> expected, string name, string expectedName)
    {
        ArgumentNullException.ThrowIfNull(actual, name);
        if (!actual.Shape.SequenceEqual(expected))
        {
            throw new ArgumentException(
                $"{name} has shape {actual.ShapeText} but {expectedName} has shape {ShapeFormat.Format(expected)}; "
                + "they must have the same shape.",
                name);
        }
    }

    /// <summary>
    /// Throws if two buffers share memory: a gradient buffer or span output that overlaps an input,
    /// the seed, another buffer or the output would be read after it was written, and the result
    /// would be silently wrong.
    /// </summary>
    /// <typeparam name="T">The element type (double or float).</typeparam>
    /// <param name="written">A buffer the generated method writes (an output or a gradient buffer).</param>
    /// <param name="other">Another argument of the same call.</param>
    /// <param name="writtenName">The name of <paramref name="written"/>; becomes the exception's parameter name.</param>
    /// <param name="otherName">The name of <paramref name="other"/>.</param>
    /// <exception cref="ArgumentException">The two share at least one element.</exception>
    // Inlined into every generated Backward (a few per call): the throw lives in its own method.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static void RequireDisjoint<T>(ReadOnlySpan<T> written, ReadOnlySpan<T> other, string writtenName, string otherName)
    {
        if (written.Overlaps(other))
        {
            ThrowOverlap(writtenName, otherName);
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowOverlap(string writtenName, string otherName) =>
        throw new ArgumentException(
            $"{writtenName} and {otherName} share memory; pass separate buffers (a buffer the method writes must not overlap any other argument).",
            writtenName);

    /// <summary>Throws if a scalar buffer the method writes is the same variable as another scalar argument.</summary>
    /// <inheritdoc cref="RequireDisjoint{T}(ReadOnlySpan{T}, ReadOnlySpan{T}, string, string)"/>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static void RequireDisjoint<T>(ref T written, ref T other, string writtenName, string otherName)
    {
        if (System.Runtime.CompilerServices.Unsafe.AreSame(ref written, ref other))
        {
            ThrowOverlap(writtenName, otherName);
        }
    }

    /// <summary>Throws if a scalar buffer the method writes is an element of a span argument.</summary>
    /// <inheritdoc cref="RequireDisjoint{T}(ReadOnlySpan{T}, ReadOnlySpan{T}, string, string)"/>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static void RequireDisjoint<T>(ref T written, ReadOnlySpan<T> other, string writtenName, string otherName) =>
        RequireDisjoint(MemoryMarshal.CreateReadOnlySpan(ref written, 1), other, writtenName, otherName);

    /// <summary>Throws if a span the method writes contains a scalar argument.</summary>
    /// <inheritdoc cref="RequireDisjoint{T}(ReadOnlySpan{T}, ReadOnlySpan{T}, string, string)"/>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static void RequireDisjoint<T>(ReadOnlySpan<T> written, ref T other, string writtenName, string otherName) =>
        RequireDisjoint(written, MemoryMarshal.CreateReadOnlySpan(ref other, 1), writtenName, otherName);
}
