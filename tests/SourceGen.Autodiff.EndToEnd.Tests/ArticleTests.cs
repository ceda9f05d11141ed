using System;
using System.Reflection;
using SeedWalkthrough;
using Xunit;

namespace SourceGen.Autodiff.EndToEnd.Tests;

/// <summary>
/// Every number of the article "pytorch的backward", from the generated methods of the sample's
/// Walkthrough.cs (compiled into this assembly too), and printed the way PyTorch prints them.
/// </summary>
public sealed class ArticleTests
{
    private static Tensor Row(params double[] values) => Tensor.FromRowMajor(values, 1, values.Length);

    private static Tensor ArticleX => Row(2, 4, 5);

    [Fact]
    public void Sum_of_ones_has_gradient_all_ones()
    {
        var x = Tensor.Ones(2, 2);
        Assert.Equal(4.0, Walkthrough.SumAll(x));
        Tensor grad = Walkthrough.SumAllGradient(x);
        Assert.Equal([2, 2], grad.Shape.ToArray());
        Assert.Equal([1.0, 1, 1, 1], grad.ToArray());
        Assert.Equal("tensor([[1., 1.],\n        [1., 1.]])", grad.ToString());
    }

    [Fact]
    public void Implicit_seed_on_a_non_scalar_result_is_the_compile_time_error_DIFF007()
    {
        MethodInfo? gradient = typeof(Walkthrough).GetMethod("AddOneGradient", BindingFlags.Public | BindingFlags.Static);
        Assert.NotNull(gradient);
        ObsoleteAttribute? obsolete = gradient.GetCustomAttribute<ObsoleteAttribute>();
        Assert.NotNull(obsolete);
        Assert.True(obsolete.IsError);
        Assert.Equal("DIFF007", obsolete.DiagnosticId);
        Assert.StartsWith("grad can be implicitly created only for scalar outputs", obsolete.Message);
        Assert.Contains("AddOneBackward", obsolete.Message); // says what to call instead, with a seed
    }

    [Fact]
    public void Seed_y_gives_twos_and_seed_ones_gives_ones_after_clearing()
    {
        var x = Tensor.Ones(2, 2);
        Tensor y = Walkthrough.AddOne(x);
        Assert.Equal([2.0, 2, 2, 2], y.ToArray());

        var xGrad = Tensor.ZerosLike(x);
        Tensor returned = Walkthrough.AddOneBackward(x, y, xGrad);
        Assert.Equal([2.0, 2, 2, 2], returned.ToArray());
        Assert.Equal("tensor([[2., 2.],\n        [2., 2.]])", xGrad.ToString());

        xGrad.Clear();
        Assert.Equal("tensor([[0., 0.],\n        [0., 0.]])", xGrad.ToString());
        Walkthrough.AddOneBackward(x, Seed.Ones(2, 2), xGrad);
        Assert.Equal("tensor([[1., 1.],\n        [1., 1.]])", xGrad.ToString());
    }

    [Fact]
    public void Two_inputs_two_outputs_seed_ones_gives_6_26()
    {
        Tensor x = Row(2, 4);
        var xGrad = Tensor.ZerosLike(x);
        Tensor y = Walkthrough.TwoByTwoBackward(x, Seed.Ones(1, 2), xGrad);
        Assert.Equal([4.0 + 8, 4 + 48], y.ToArray());
        Assert.Equal([6.0, 26], xGrad.ToArray());
        Assert.Equal("tensor([[ 6., 26.]])", xGrad.ToString());
    }

    [Fact]
    public void Three_inputs_two_outputs_seed_ones_gives_6_26_14()
    {
        var xGrad = Tensor.ZerosLike(ArticleX);
        Tensor y = Walkthrough.FBackward(ArticleX, Seed.Ones(1, 2), xGrad);
        Assert.Equal([4.0 + 8 + 20, 4 + 48 + 25], y.ToArray());
        Assert.Equal([6.0, 26, 14], xGrad.ToArray());
        Assert.Equal("tensor([[ 6., 26., 14.]])", xGrad.ToString());
    }

    [Fact]
    public void Three_inputs_two_outputs_seed_twos_gives_12_52_28()
    {
        var xGrad = Tensor.ZerosLike(ArticleX);
        Walkthrough.FBackward(ArticleX, Row(2, 2), xGrad);
        Assert.Equal([12.0, 52, 28], xGrad.ToArray());
        Assert.Equal("tensor([[12., 52., 28.]])", xGrad.ToString());
    }

    [Fact]
    public void Jacobian_by_unit_seeds_over_one_forward_pass_is_the_articles_j()
    {
        var pullback = Walkthrough.FPullback(ArticleX);
        Assert.Equal([32.0, 77], pullback.Value.ToArray());

        var j = Tensor.Zeros(3, 2);
        var xGrad = Tensor.ZerosLike(ArticleX);
        for (int output = 0; output < 2; output++)
        {
            xGrad.Clear();
            pullback.Backward(Seed.Unit([1, 2], 0, output), xGrad);
            for (int input = 0; input < 3; input++)
            {
                j[input, output] = xGrad[0, input];
            }
        }

        Assert.Equal([4.0, 2, 2, 24, 4, 10], j.ToArray());
        Assert.Equal("tensor([[ 4.,  2.],\n        [ 2., 24.],\n        [ 4., 10.]])", j.ToString());
    }

    [Fact]
    public void Generated_Jacobian_is_the_transpose_of_the_articles_j()
    {
        double[,] jacobian = Walkthrough.FJacobian(ArticleX);
        Assert.Equal(new double[,] { { 4, 2, 4 }, { 2, 24, 10 } }, jacobian);
    }

    [Fact]
    public void Two_backward_calls_without_clearing_give_twice_the_gradient()
    {
        var xGrad = Tensor.ZerosLike(ArticleX);
        Walkthrough.FBackward(ArticleX, Seed.Ones(1, 2), xGrad);
        Walkthrough.FBackward(ArticleX, Seed.Ones(1, 2), xGrad);
        Assert.Equal([12.0, 52, 28], xGrad.ToArray());
    }
}
