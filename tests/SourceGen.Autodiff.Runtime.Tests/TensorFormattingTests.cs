using System;
using Xunit;

namespace SourceGen.Autodiff.Runtime.Tests;

// Expected strings are what PyTorch prints for the same float tensors (torch/_tensor_str.py,
// default print options).
public class TensorFormattingTests
{
    [Fact]
    public void Rank_0_prints_the_bare_number()
    {
        Assert.Equal("tensor(4.)", Tensor.Scalar(4).ToString());
        Assert.Equal("tensor(0.5000)", Tensor.Scalar(0.5).ToString());
        Assert.Equal("tensor(-3.)", Tensor.Scalar(-3).ToString());
    }

    [Fact]
    public void Rank_1_prints_one_bracketed_row()
    {
        Assert.Equal("tensor([1., 1.])", Tensor.Ones(2).ToString());
        Assert.Equal("tensor([0.5000, 1.2500])", Tensor.From([0.5, 1.25]).ToString());
    }

    [Fact]
    public void Rank_2_puts_each_row_on_its_own_line_under_the_first_bracket()
    {
        Assert.Equal("tensor([[1., 1.],\n        [1., 1.]])", Tensor.Ones(2, 2).ToString());
    }

    [Fact]
    public void Rank_3_separates_blocks_with_a_blank_line()
    {
        const string expected =
            "tensor([[[1., 1.],\n"
            + "         [1., 1.]],\n"
            + "\n"
            + "        [[1., 1.],\n"
            + "         [1., 1.]]])";

        Assert.Equal(expected, Tensor.Ones(2, 2, 2).ToString());
    }

    [Fact]
    public void The_articles_outputs_print_identically()
    {
        Assert.Equal("tensor([[ 6., 26.]])", Tensor.From(new double[,] { { 6, 26 } }).ToString());
        Assert.Equal("tensor([[ 6., 26., 14.]])", Tensor.From(new double[,] { { 6, 26, 14 } }).ToString());
        Assert.Equal("tensor([[12., 52., 28.]])", Tensor.From(new double[,] { { 12, 52, 28 } }).ToString());
        Assert.Equal("tensor([[0., 0.],\n        [0., 0.]])", Tensor.Zeros(2, 2).ToString());
        Assert.Equal("tensor([[2., 2.],\n        [2., 2.]])", Tensor.Full(2, 2, 2).ToString());
        Assert.Equal(
            "tensor([[ 4.,  2.],\n        [ 2., 24.],\n        [ 4., 10.]])",
            Tensor.From(new double[,] { { 4, 2 }, { 2, 24 }, { 4, 10 } }).ToString());
    }

    [Fact]
    public void Negative_numbers_widen_the_common_width()
    {
        Assert.Equal("tensor([-1.5000,  2.0000])", Tensor.From([-1.5, 2.0]).ToString());
        Assert.Equal("tensor([-1.,  2.])", Tensor.From([-1.0, 2.0]).ToString());
    }

    [Fact]
    public void Fixed_point_rounds_to_four_decimals_ties_to_even()
    {
        Assert.Equal("tensor([1.1235])", Tensor.From([1.12345]).ToString());
        Assert.Equal("tensor([0.0312, 0.1562])", Tensor.From([0.03125, 0.15625]).ToString());
    }

    [Fact]
    public void Tiny_non_integers_switch_to_scientific_notation()
    {
        Assert.Equal("tensor([1.0000e-05, 1.0000e+00])", Tensor.From([1e-5, 1.0]).ToString());
    }

    [Fact]
    public void A_range_over_1000x_switches_to_scientific_notation()
    {
        Assert.Equal("tensor([1.0000e-01, 1.0000e+06])", Tensor.From([0.1, 1e6]).ToString());
        Assert.Equal("tensor([1.0000e+00, 1.0010e+03])", Tensor.From([1, 1001]).ToString());
    }

    [Fact]
    public void Integers_within_1000x_stay_fixed()
    {
        Assert.Equal("tensor([   1., 1000.])", Tensor.From([1, 1000]).ToString());
    }

    [Fact]
    public void Magnitudes_above_1e8_use_scientific_notation()
    {
        Assert.Equal("tensor(1.2346e+08)", Tensor.Scalar(123456789).ToString());
        Assert.Equal("tensor([-1.0000e+300,  1.0000e+300])", Tensor.From([-1e300, 1e300]).ToString());
    }

    [Fact]
    public void Zeros_in_scientific_mode_print_as_zero_mantissa()
    {
        Assert.Equal("tensor([0.0000e+00, 1.0000e-05])", Tensor.From([0, 1e-5]).ToString());
    }

    [Fact]
    public void Non_finite_values_print_like_python()
    {
        Assert.Equal("tensor(nan)", Tensor.Scalar(double.NaN).ToString());
        Assert.Equal("tensor([1., inf])", Tensor.From([1, double.PositiveInfinity]).ToString());
        Assert.Equal("tensor([  -inf, 0.5000])", Tensor.From([double.NegativeInfinity, 0.5]).ToString());
    }

    [Fact]
    public void Negative_zero_keeps_its_sign()
    {
        Assert.Equal("tensor([-0.])", Tensor.From([-0.0]).ToString());
    }

    [Fact]
    public void Empty_tensors_print_brackets_and_size_beyond_rank_1()
    {
        Assert.Equal("tensor([])", Tensor.Zeros(0).ToString());
        Assert.Equal("tensor([], size=(2, 0))", Tensor.Zeros(2, 0).ToString());
    }

    [Fact]
    public void Long_vectors_wrap_at_80_columns()
    {
        double[] values = new double[20];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = i;
        }

        // Width 3 plus ", " is 5 columns; (80 - 7) / 5 = 14 items per line.
        const string expected =
            "tensor([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12., 13.,\n"
            + "        14., 15., 16., 17., 18., 19.])";

        Assert.Equal(expected, Tensor.From(values).ToString());
    }

    [Fact]
    public void Vectors_over_1000_elements_are_summarized_with_edge_items()
    {
        double[] values = new double[2000];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = i;
        }

        const string expected =
            "tensor([0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 1.9970e+03, 1.9980e+03,\n"
            + "        1.9990e+03])";

        Assert.Equal(expected, Tensor.From(values).ToString());
    }

    [Fact]
    public void Summarized_integer_vector_takes_width_from_shown_items_only()
    {
        double[] values = new double[1001];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = i;
        }

        Assert.Equal("tensor([   0.,    1.,    2.,  ...,  998.,  999., 1000.])", Tensor.From(values).ToString());
    }

    [Fact]
    public void Matrices_over_1000_elements_elide_middle_rows()
    {
        const string expected =
            "tensor([[0.],\n"
            + "        [0.],\n"
            + "        [0.],\n"
            + "        ...,\n"
            + "        [0.],\n"
            + "        [0.],\n"
            + "        [0.]])";

        Assert.Equal(expected, Tensor.Zeros(1001, 1).ToString());
    }

    [Fact]
    public void ShapeText_lists_dimensions()
    {
        Assert.Equal("(1, 2)", Tensor.Zeros(1, 2).ShapeText);
        Assert.Equal("(3)", Tensor.Zeros(3).ShapeText);
        Assert.Equal("()", Tensor.Scalar(1).ShapeText);
    }
}
