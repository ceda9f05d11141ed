using System;
using Xunit;

namespace SourceGen.Autodiff.Runtime.Tests;

public class TensorOperatorTests
{
    private static Tensor A() => Tensor.From(new double[,] { { 1, 2 }, { 3, 4 } });

    private static Tensor B() => Tensor.From(new double[,] { { 8, 4 }, { 2, 0.5 } });

    [Fact]
    public void Tensor_plus_tensor_adds_elementwise()
    {
        Assert.Equal(new[] { 9.0, 6.0, 5.0, 4.5 }, (A() + B()).ToArray());
    }

    [Fact]
    public void Tensor_minus_tensor_subtracts_elementwise()
    {
        Assert.Equal(new[] { -7.0, -2.0, 1.0, 3.5 }, (A() - B()).ToArray());
    }

    [Fact]
    public void Tensor_times_tensor_multiplies_elementwise()
    {
        Assert.Equal(new[] { 8.0, 8.0, 6.0, 2.0 }, (A() * B()).ToArray());
    }

    [Fact]
    public void Tensor_divided_by_tensor_divides_elementwise()
    {
        Assert.Equal(new[] { 0.125, 0.5, 1.5, 8.0 }, (A() / B()).ToArray());
    }

    [Fact]
    public void Scalar_on_the_right_broadcasts()
    {
        Assert.Equal(new[] { 3.0, 4.0, 5.0, 6.0 }, (A() + 2).ToArray());
        Assert.Equal(new[] { -1.0, 0.0, 1.0, 2.0 }, (A() - 2).ToArray());
        Assert.Equal(new[] { 2.0, 4.0, 6.0, 8.0 }, (A() * 2).ToArray());
        Assert.Equal(new[] { 0.5, 1.0, 1.5, 2.0 }, (A() / 2).ToArray());
    }

    [Fact]
    public void Scalar_on_the_left_broadcasts_in_operand_order()
    {
        Assert.Equal(new[] { 3.0, 4.0, 5.0, 6.0 }, (2 + A()).ToArray());
        Assert.Equal(new[] { 1.0, 0.0, -1.0, -2.0 }, (2 - A()).ToArray());
        Assert.Equal(new[] { 2.0, 4.0, 6.0, 8.0 }, (2 * A()).ToArray());
        Assert.Equal(new[] { 12.0, 6.0, 4.0, 3.0 }, (12 / A()).ToArray());
    }

    [Fact]
    public void Unary_minus_negates_every_element()
    {
        Assert.Equal(new[] { -1.0, -2.0, -3.0, -4.0 }, (-A()).ToArray());
    }

    [Fact]
    public void Operators_return_new_tensors_and_leave_operands_alone()
    {
        var a = A();
        var b = B();

        var sum = a + b;
        var scaled = a * 3;
        var negated = -a;

        Assert.NotSame(a, sum);
        Assert.NotSame(a, scaled);
        Assert.NotSame(a, negated);
        Assert.Equal(new[] { 1.0, 2.0, 3.0, 4.0 }, a.ToArray());
        Assert.Equal(new[] { 8.0, 4.0, 2.0, 0.5 }, b.ToArray());
    }

    [Fact]
    public void Results_keep_the_operand_shape()
    {
        var row = Tensor.Ones(1, 3);

        Assert.Equal("(1, 3)", (row + row).ShapeText);
        Assert.Equal("(1, 3)", (2 * row).ShapeText);
        Assert.Equal("(1, 3)", (-row).ShapeText);
    }

    [Fact]
    public void The_articles_backward_seed_scaling_holds_elementwise()
    {
        // x.grad after y = (x + 0) summed and backward(2 * ones): every entry is 2.
        var seed = 2 * Tensor.Ones(2, 2);

        Assert.Equal(new[] { 2.0, 2.0, 2.0, 2.0 }, seed.ToArray());
    }

    public static TheoryData<string> BinaryOperators => ["+", "-", "*", "/"];

    [Theory]
    [MemberData(nameof(BinaryOperators))]
    public void Mismatched_shapes_throw_naming_both_shapes(string op)
    {
        var left = Tensor.Ones(1, 2);
        var right = Tensor.Ones(2, 2);

        var error = Assert.Throws<ArgumentException>(() => Apply(op, left, right));

        Assert.Equal("Tensor shapes (1, 2) and (2, 2) must match.", error.Message);
        Assert.Equal(new[] { 1.0, 1.0 }, left.ToArray());
        Assert.Equal(new[] { 1.0, 1.0, 1.0, 1.0 }, right.ToArray());
    }

    [Fact]
    public void Equal_length_but_different_shape_is_still_a_mismatch()
    {
        var error = Assert.Throws<ArgumentException>(() => Tensor.Ones(2, 3) + Tensor.Ones(3, 2));

        Assert.Equal("Tensor shapes (2, 3) and (3, 2) must match.", error.Message);
    }

    [Fact]
    public void Vector_and_row_matrix_do_not_broadcast()
    {
        var error = Assert.Throws<ArgumentException>(() => Tensor.Ones(3) * Tensor.Ones(1, 3));

        Assert.Equal("Tensor shapes (3) and (1, 3) must match.", error.Message);
    }

    private static Tensor Apply(string op, Tensor left, Tensor right) => op switch
    {
        "+" => left + right,
        "-" => left - right,
        "*" => left * right,
        "/" => left / right,
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };
}
