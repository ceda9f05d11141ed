using System;
using Xunit;

namespace SourceGen.Autodiff.Runtime.Tests;

public class ShapesTests
{
    [Fact]
    public void RequireLength_accepts_equal_lengths()
    {
        Shapes.RequireLength(3, 3, "wGrad", "w");
    }

    [Fact]
    public void RequireLength_names_both_lengths_and_the_parameter()
    {
        var error = Assert.Throws<ArgumentException>(() => Shapes.RequireLength(2, 3, "wGrad", "w"));

        Assert.Equal("wGrad", error.ParamName);
        Assert.StartsWith(
            "wGrad has length 2 but w has length 3; they must have the same length.",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void RequireSameShape_accepts_equal_shapes()
    {
        Shapes.RequireSameShape(Tensor.Zeros(1, 3), Tensor.Ones(1, 3), "xGrad", "x");
    }

    [Fact]
    public void RequireSameShape_names_both_shapes_and_leaves_the_buffer_untouched()
    {
        var buffer = Tensor.Full(5, 1, 2);

        var error = Assert.Throws<ArgumentException>(
            () => Shapes.RequireSameShape(buffer, Tensor.Zeros(1, 3), "xGrad", "x"));

        Assert.Equal("xGrad", error.ParamName);
        Assert.StartsWith(
            "xGrad has shape (1, 2) but x has shape (1, 3); they must have the same shape.",
            error.Message,
            StringComparison.Ordinal);
        Assert.Equal(new[] { 5.0, 5.0 }, buffer.ToArray());
    }

    [Fact]
    public void RequireSameShape_tells_rank_apart_from_length()
    {
        var error = Assert.Throws<ArgumentException>(
            () => Shapes.RequireSameShape(Tensor.Zeros(3), Tensor.Zeros(1, 3), "seed", "the result"));

        Assert.StartsWith("seed has shape (3) but the result has shape (1, 3);", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequireShape_compares_with_a_given_shape()
    {
        Shapes.RequireShape(Tensor.Zeros(2, 2), [2, 2], "seed", "the result");

        var error = Assert.Throws<ArgumentException>(
            () => Shapes.RequireShape(Tensor.Zeros(2, 2), [1, 2], "seed", "the result"));

        Assert.Equal("seed", error.ParamName);
        Assert.StartsWith(
            "seed has shape (2, 2) but the result has shape (1, 2); they must have the same shape.",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_tensor_is_reported_by_name()
    {
        var error = Assert.Throws<ArgumentNullException>(
            () => Shapes.RequireSameShape(null!, Tensor.Zeros(1), "xGrad", "x"));

        Assert.Equal("xGrad", error.ParamName);
    }
}
