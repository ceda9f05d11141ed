using System;
using Xunit;

namespace SourceGen.Autodiff.Runtime.Tests;

public class TensorIndexingTests
{
    [Fact]
    public void Vector_indexer_reads_and_writes_its_element()
    {
        var t = Tensor.Zeros(3);
        t[2] = 5;

        Assert.Equal(new[] { 0.0, 0.0, 5.0 }, t.ToArray());
        Assert.Equal(5.0, t[2]);
    }

    [Fact]
    public void Matrix_indexer_is_row_major()
    {
        var t = Tensor.Zeros(2, 3);
        t[1, 0] = 4;
        t[0, 2] = 3;

        Assert.Equal(new[] { 0.0, 0.0, 3.0, 4.0, 0.0, 0.0 }, t.ToArray());
        Assert.Equal(4.0, t[1, 0]);
    }

    [Fact]
    public void Rank_3_indexer_is_row_major()
    {
        var t = Tensor.Zeros(2, 3, 4);
        t[1, 2, 3] = 1;
        t[0, 1, 2] = 2;

        Assert.Equal(1.0, t.AsReadOnlySpan()[23]);
        Assert.Equal(2.0, t.AsReadOnlySpan()[(1 * 4) + 2]);
        Assert.Equal(1.0, t[1, 2, 3]);
    }

    [Fact]
    public void Span_indexer_reaches_any_rank()
    {
        var t = Tensor.Zeros(2, 2, 2, 2);
        t[1, 0, 1, 1] = 9;

        Assert.Equal(9.0, t.AsReadOnlySpan()[8 + 2 + 1]);
        Assert.Equal(11, t.FlatIndex(1, 0, 1, 1));
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(2, 0)]
    [InlineData(0, -1)]
    [InlineData(0, 3)]
    public void Out_of_range_index_throws_naming_dimension_and_shape(int i, int j)
    {
        var t = Tensor.Zeros(2, 3);

        var error = Assert.Throws<IndexOutOfRangeException>(() => t[i, j] = 1);

        Assert.Contains("(2, 3)", error.Message, StringComparison.Ordinal);
        Assert.Contains($"Index {(i is < 0 or >= 2 ? i : j)}", error.Message, StringComparison.Ordinal);
        Assert.Equal(new double[6], t.ToArray());
    }

    [Fact]
    public void Column_past_the_row_end_does_not_wrap_to_the_next_row()
    {
        var t = Tensor.Zeros(2, 2);

        // (0, 2) would be flat index 2 = (1, 0) without the per-dimension check.
        Assert.Throws<IndexOutOfRangeException>(() => t[0, 2]);
    }

    [Fact]
    public void Rank_3_index_out_of_range_throws_in_last_dimension()
    {
        var t = Tensor.Zeros(1, 1, 2);

        var error = Assert.Throws<IndexOutOfRangeException>(() => t[0, 0, 2]);
        Assert.Contains("dimension 2 of size 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Vector_index_on_a_matrix_is_a_rank_mismatch_naming_the_shape()
    {
        var t = Tensor.Zeros(1, 3);

        var error = Assert.Throws<ArgumentException>(() => t[0] = 1);

        Assert.Equal("A tensor of shape (1, 3) has rank 2 and needs 2 indices, but 1 was given.", error.Message);
        Assert.Equal(new double[3], t.ToArray());
    }

    [Fact]
    public void Matrix_index_on_a_vector_is_a_rank_mismatch()
    {
        var t = Tensor.Zeros(3);

        var error = Assert.Throws<ArgumentException>(() => t[0, 0]);

        Assert.Equal("A tensor of shape (3) has rank 1 and needs 1 index, but 2 were given.", error.Message);
    }

    [Fact]
    public void Rank_3_index_on_a_matrix_is_a_rank_mismatch()
    {
        var t = Tensor.Zeros(2, 2);

        var error = Assert.Throws<ArgumentException>(() => t[0, 0, 0] = 1);

        Assert.Contains("(2, 2)", error.Message, StringComparison.Ordinal);
        Assert.Contains("3 were given", error.Message, StringComparison.Ordinal);
        Assert.Equal(new double[4], t.ToArray());
    }

    [Fact]
    public void Scalar_is_read_with_no_indices_only()
    {
        var t = Tensor.Scalar(2);

        Assert.Equal(2.0, t[ReadOnlySpan<int>.Empty]);
        Assert.Throws<ArgumentException>(() => t[0]);
    }
}
