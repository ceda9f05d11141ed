using System;
using System.Numerics.Tensors;

namespace SourceGen.Autodiff;

// Elementwise arithmetic. Each operator returns a new tensor; shapes are checked before the
// result is allocated, so a mismatch throws without writing anything.
public sealed partial class Tensor
{
    /// <summary>Adds two tensors of equal shape element by element.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>A new tensor.</returns>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Tensor operator +(Tensor left, Tensor right)
    {
        Tensor result = ResultFor(left, right);
        TensorPrimitives.Add<double>(left._data, right._data, result._data);
        return result;
    }

    /// <summary>Subtracts two tensors of equal shape element by element.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>A new tensor.</returns>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Tensor operator -(Tensor left, Tensor right)
    {
        Tensor result = ResultFor(left, right);
        TensorPrimitives.Subtract<double>(left._data, right._data, result._data);
        return result;
    }

    /// <summary>Multiplies two tensors of equal shape element by element (not a matrix product).</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>A new tensor.</returns>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Tensor operator *(Tensor left, Tensor right)
    {
        Tensor result = ResultFor(left, right);
        TensorPrimitives.Multiply<double>(left._data, right._data, result._data);
        return result;
    }

    /// <summary>Divides two tensors of equal shape element by element.</summary>
    /// <param name="left">The dividend.</param>
    /// <param name="right">The divisor.</param>
    /// <returns>A new tensor.</returns>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Tensor operator /(Tensor left, Tensor right)
    {
        Tensor result = ResultFor(left, right);
        TensorPrimitives.Divide<double>(left._data, right._data, result._data);
        return result;
    }

    /// <summary>Adds a number to every element.</summary>
    /// <param name="left">The tensor.</param>
    /// <param name="right">The number.</param>
    /// <returns>A new tensor.</returns>
    public static Tensor operator +(Tensor left, double right)
    {
        Tensor result = ResultFor(left);
        TensorPrimitives.Add<double>(left._data, right, result._data);
        return result;
    }

    /// <summary>Adds a number to every element.</summary>
    /// <param name="left">The number.</param>
    /// <param name="right">The tensor.</param>
    /// <returns>A new tensor.</returns>
    public static Tensor operator +(double left, Tensor right) => right + left;

    /// <summary>Subtracts a number from every element.</summary>
    /// <param name="left">The tensor.</param>
    /// <param name="right">The number.</param>
    /// <returns>A new tensor.</returns>
    public static Tensor operator -(Tensor left, double right)
    {
        Tensor result = ResultFor(left);
        TensorPrimitives.Subtract<double>(left._data, right, result._data);
        return result;
    }

    /// <summary>Subtracts every element from a number.</summary>
    /// <param name="left">The number.</param>
    /// <param name="right">The tensor.</param>
    /// <returns>A new tensor.</returns>
    public static Tensor operator -(double left, Tensor right)
    {
        Tensor result = ResultFor(right);
        TensorPrimitives.Subtract<double>(left, right._data, result._data);
        return result;
    }

    /// <summary>Multiplies every element by a number.</summary>
    /// <param name="left">The tensor.</param>
    /// <param name="right">The number.</param>
    /// <returns>A new tensor.</returns>
    public static Tensor operator *(Tensor left, double right)
    {
        Tensor result = ResultFor(left);
        TensorPrimitives.Multiply<double>(left._data, right, result._data);
        return result;
    }

    /// <summary>Multiplies every element by a number.</summary>
    /// <param name="left">The number.</param>
    /// <param name="right">The tensor.</param>
    /// <returns>A new tensor.</returns>
    public static Tensor operator *(double left, Tensor right) => right * left;

    /// <summary>Divides every element by a number.</summary>
    /// <param name="left">The tensor.</param>
    /// <param name="right">The number.</param>
    /// <returns>A new tensor.</returns>
    public static Tensor operator /(Tensor left, double right)
    {
        Tensor result = ResultFor(left);
        TensorPrimitives.Divide<double>(left._data, right, result._data);
        return result;
    }

    /// <summary>Divides a number by every element.</summary>
    /// <param name="left">The number.</param>
    /// <param name="right">The tensor.</param>
    /// <returns>A new tensor.</returns>
    public static Tensor operator /(double left, Tensor right)
    {
        Tensor result = ResultFor(right);
        TensorPrimitives.Divide<double>(left, right._data, result._data);
        return result;
    }

    /// <summary>Negates every element.</summary>
    /// <param name="operand">The tensor.</param>
    /// <returns>A new tensor.</returns>
    public static Tensor operator -(Tensor operand)
    {
        Tensor result = ResultFor(operand);
        TensorPrimitives.Negate<double>(operand._data, result._data);
        return result;
    }

    private static Tensor ResultFor(Tensor operand)
    {
        ArgumentNullException.ThrowIfNull(operand);
        return ZerosLike(operand);
    }

    private static Tensor ResultFor(Tensor left, Tensor right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (!left.HasSameShape(right))
        {
            throw new ArgumentException($"Tensor shapes {left.ShapeText} and {right.ShapeText} must match.");
        }

        return ZerosLike(left);
    }
}
