using System;
using Xunit;

namespace SourceGen.Autodiff.Runtime.Tests;

public class SeedTests
{
    [Fact]
    public void Ones_is_a_tensor_of_ones_with_the_shape()
    {
        var seed = Seed.Ones(1, 2);

        Assert.Equal("(1, 2)", seed.ShapeText);
        Assert.Equal(new[] { 1.0, 1.0 }, seed.ToArray());
    }

    [Fact]
    public void OnesLike_copies_the_shape_of_the_result()
    {
        var result = Tensor.Full(7, 2, 3);
        var seed = Seed.OnesLike(result);

        Assert.True(seed.HasSameShape(result));
        Assert.Equal(6.0, seed.Sum());
        Assert.Equal(7.0, result[0, 0]);
    }

    [Fact]
    public void Unit_has_a_single_one_at_the_index()
    {
        var seed = Seed.Unit([1, 2], 0, 1);

        Assert.Equal(new[] { 0.0, 1.0 }, seed.ToArray());
    }

    [Fact]
    public void Unit_rejects_an_index_of_the_wrong_rank_or_outside_the_shape()
    {
        Assert.Throws<ArgumentException>(() => Seed.Unit([1, 2], 1));
        Assert.Throws<IndexOutOfRangeException>(() => Seed.Unit([1, 2], 0, 2));
    }

    [Fact]
    public void OnesArray_is_all_ones()
    {
        Assert.Equal(new[] { 1.0, 1.0, 1.0 }, Seed.OnesArray(3));
        Assert.Empty(Seed.OnesArray(0));
    }

    [Fact]
    public void UnitArray_has_a_single_one()
    {
        Assert.Equal(new[] { 0.0, 0.0, 1.0 }, Seed.UnitArray(3, 2));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void UnitArray_rejects_an_index_outside_the_array(int index)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Seed.UnitArray(3, index));

        Assert.Equal("index", error.ParamName);
    }
}
