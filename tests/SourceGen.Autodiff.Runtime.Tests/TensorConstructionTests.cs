using System;
using Xunit;

namespace SourceGen.Autodiff.Runtime.Tests;

public class TensorConstructionTests
{
    [Fact]
    public void Zeros_has_the_shape_and_only_zeros()
    {
        var t = Tensor.Zeros(2, 3);

        Assert.Equal(new[] { 2, 3 }, t.Shape.ToArray());
        Assert.Equal(2, t.Rank);
        Assert.Equal(6, t.Length);
        Assert.Equal(new double[6], t.ToArray());
    }

    [Fact]
    public void Ones_and_Full_fill_every_element()
    {
        Assert.Equal(new[] { 1.0, 1.0, 1.0, 1.0 }, Tensor.Ones(2, 2).ToArray());
        Assert.Equal(new[] { 2.5, 2.5, 2.5 }, Tensor.Full(2.5, 3).ToArray());
    }

    [Fact]
    public void Zeros_without_dimensions_is_a_rank_0_scalar_with_one_element()
    {
        var t = Tensor.Zeros();

        Assert.Equal(0, t.Rank);
        Assert.Equal(1, t.Length);
        Assert.Equal("()", t.ShapeText);
    }

    [Fact]
    public void Scalar_holds_its_value_at_rank_0()
    {
        var t = Tensor.Scalar(4.0);

        Assert.Equal(0, t.Rank);
        Assert.Equal(4.0, t.ToScalar());
        Assert.Equal(4.0, t[ReadOnlySpan<int>.Empty]);
    }

    [Fact]
    public void A_zero_dimension_makes_an_empty_tensor()
    {
        var t = Tensor.Zeros(2, 0);

        Assert.Equal(0, t.Length);
        Assert.Equal("(2, 0)", t.ShapeText);
    }

    [Fact]
    public void A_negative_dimension_is_rejected_naming_the_shape()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Zeros(2, -1));

        Assert.Contains("(2, -1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_vector_copies_the_values()
    {
        double[] values = [1, 2, 3];
        var t = Tensor.From(values);
        values[0] = 99;

        Assert.Equal("(3)", t.ShapeText);
        Assert.Equal(new[] { 1.0, 2.0, 3.0 }, t.ToArray());
    }

    [Fact]
    public void From_matrix_stores_rows_one_after_another()
    {
        var t = Tensor.From(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });

        Assert.Equal("(2, 3)", t.ShapeText);
        Assert.Equal(new[] { 1.0, 2.0, 3.0, 4.0, 5.0, 6.0 }, t.ToArray());
        Assert.Equal(6.0, t[1, 2]);
    }

    [Fact]
    public void From_rank_3_array_is_row_major()
    {
        var t = Tensor.From(new double[,,] { { { 1, 2 }, { 3, 4 } }, { { 5, 6 }, { 7, 8 } } });

        Assert.Equal("(2, 2, 2)", t.ShapeText);
        Assert.Equal(new[] { 1.0, 2, 3, 4, 5, 6, 7, 8 }, t.ToArray());
        Assert.Equal(7.0, t[1, 1, 0]);
    }

    [Fact]
    public void FromRowMajor_takes_any_shape_and_checks_the_count()
    {
        var t = Tensor.FromRowMajor([1, 2, 3, 4, 5, 6], 3, 2);
        Assert.Equal(4.0, t[1, 1]);

        var error = Assert.Throws<ArgumentException>(() => Tensor.FromRowMajor([1, 2, 3], 2, 2));
        Assert.Contains("(2, 2)", error.Message, StringComparison.Ordinal);
        Assert.Contains("3 values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ZerosLike_copies_the_shape_not_the_values()
    {
        var source = Tensor.Full(3, 2, 1);
        var t = Tensor.ZerosLike(source);

        Assert.True(t.HasSameShape(source));
        Assert.Equal(new[] { 0.0, 0.0 }, t.ToArray());
    }

    [Fact]
    public void Clone_is_independent_of_the_original()
    {
        var original = Tensor.From([1.0, 2.0]);
        var copy = original.Clone();
        copy[0] = 10;

        Assert.Equal(1.0, original[0]);
        Assert.Equal(10.0, copy[0]);
    }

    [Fact]
    public void The_shape_array_passed_in_is_copied()
    {
        int[] shape = [2, 2];
        var t = Tensor.Zeros(shape);
        shape[0] = 5;

        Assert.Equal("(2, 2)", t.ShapeText);
    }

    [Fact]
    public void AsSpan_writes_through_and_ToArray_copies()
    {
        var t = Tensor.Zeros(2);
        t.AsSpan()[1] = 7;
        double[] copy = t.ToArray();
        copy[1] = 0;

        Assert.Equal(7.0, t[1]);
        Assert.Equal(7.0, t.AsReadOnlySpan()[1]);
    }

    [Fact]
    public void Clear_sets_every_element_to_zero()
    {
        var t = Tensor.Full(5, 2, 2);
        t.Clear();

        Assert.Equal(new double[4], t.ToArray());
    }

    [Fact]
    public void HasSameShape_compares_rank_and_dimensions()
    {
        Assert.True(Tensor.Zeros(1, 2).HasSameShape(Tensor.Ones(1, 2)));
        Assert.False(Tensor.Zeros(1, 2).HasSameShape(Tensor.Zeros(2, 1)));
        Assert.False(Tensor.Zeros(2).HasSameShape(Tensor.Zeros(2, 1)));
    }

    [Fact]
    public void Sum_adds_every_element_and_returns_a_double()
    {
        double sum = Tensor.From(new double[,] { { 1, 2 }, { 3, 4.5 } }).Sum();

        Assert.Equal(10.5, sum);
        Assert.Equal(4.0, Tensor.Ones(2, 2).Sum()); // the article's y = x.sum()
        Assert.Equal(0.0, Tensor.Zeros(0).Sum());
    }

    [Fact]
    public void ToScalar_requires_exactly_one_element()
    {
        Assert.Equal(3.0, Tensor.Full(3, 1, 1).ToScalar());

        var error = Assert.Throws<InvalidOperationException>(() => Tensor.Zeros(2).ToScalar());
        Assert.Contains("(2)", error.Message, StringComparison.Ordinal);
    }
}
