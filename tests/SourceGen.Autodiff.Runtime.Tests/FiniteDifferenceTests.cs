using System;
using Xunit;

namespace SourceGen.Autodiff.Runtime.Tests;

public class FiniteDifferenceTests
{
    // The article's 3-in, 2-out example on a (1, 3) row, flattened.
    private static double[] ArticleF(double[] x) =>
    [
        (x[0] * x[0]) + (2 * x[1]) + (4 * x[2]),
        (2 * x[0]) + (3 * x[1] * x[1]) + (x[2] * x[2]),
    ];

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.7)]
    [InlineData(-2.0)]
    public void Derivative_of_sin_is_cos(double x)
    {
        Assert.Equal(Math.Cos(x), FiniteDifference.Derivative(Math.Sin, x), 1e-9);
    }

    [Theory]
    [InlineData(2.0, 12.0)]
    [InlineData(-0.5, 0.75)]
    [InlineData(1000.0, 3e6)]
    public void Derivative_of_cube_is_three_x_squared(double x, double expected)
    {
        // The step scales with |x|, so the relative error stays small for large x too.
        double actual = FiniteDifference.Derivative(v => v * v * v, x);

        Assert.True(Math.Abs(actual - expected) <= 1e-7 * Math.Max(1, Math.Abs(expected)), $"got {actual}");
    }

    [Fact]
    public void Gradient_of_a_scalar_function_matches_the_analytic_one()
    {
        double[] x = [0.3, -1.2, 2.0];

        double[] gradient = FiniteDifference.Gradient(v => (v[0] * v[1]) + Math.Exp(v[2]), x);

        Assert.Equal(-1.2, gradient[0], 1e-8);
        Assert.Equal(0.3, gradient[1], 1e-8);
        Assert.Equal(Math.Exp(2.0), gradient[2], 1e-7);
    }

    [Fact]
    public void Gradient_leaves_the_point_unchanged_even_if_f_writes_into_it()
    {
        double[] x = [1.0, 2.0];

        double[] gradient = FiniteDifference.Gradient(
            v =>
            {
                double value = (v[0] * v[0]) + (3 * v[1]);
                v[0] = 100; // a careless function must not poison later evaluations
                return value;
            },
            x);

        Assert.Equal(new[] { 1.0, 2.0 }, x);
        Assert.Equal(2.0, gradient[0], 1e-8);
        Assert.Equal(3.0, gradient[1], 1e-8);
    }

    [Fact]
    public void Jacobian_of_a_two_in_two_out_function_is_exact_to_rounding()
    {
        double[] x = [0.5, 2.0];

        double[,] j = FiniteDifference.Jacobian(v => [v[0] * v[1], Math.Sin(v[0]) + (v[1] * v[1])], x);

        Assert.Equal(2, j.GetLength(0));
        Assert.Equal(2, j.GetLength(1));
        Assert.Equal(2.0, j[0, 0], 1e-8);
        Assert.Equal(0.5, j[0, 1], 1e-8);
        Assert.Equal(Math.Cos(0.5), j[1, 0], 1e-8);
        Assert.Equal(4.0, j[1, 1], 1e-8);
    }

    [Fact]
    public void Jacobian_of_the_articles_example_is_outputs_by_inputs()
    {
        double[,] j = FiniteDifference.Jacobian(ArticleF, [2, 4, 5]);

        double[,] expected = { { 4, 2, 4 }, { 2, 24, 10 } };
        Assert.Equal(2, j.GetLength(0));
        Assert.Equal(3, j.GetLength(1));
        for (int row = 0; row < 2; row++)
        {
            for (int column = 0; column < 3; column++)
            {
                Assert.Equal(expected[row, column], j[row, column], 1e-6);
            }
        }
    }

    [Theory]
    [InlineData(1.0, 1.0, new[] { 6.0, 26.0, 14.0 })]
    [InlineData(2.0, 2.0, new[] { 12.0, 52.0, 28.0 })]
    [InlineData(1.0, 0.0, new[] { 4.0, 2.0, 4.0 })]
    public void VectorJacobianProduct_reproduces_the_articles_backward_results(double s0, double s1, double[] expected)
    {
        double[] product = FiniteDifference.VectorJacobianProduct(ArticleF, [2, 4, 5], [s0, s1]);

        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], product[i], 1e-6);
        }
    }

    [Fact]
    public void VectorJacobianProduct_rejects_a_seed_of_the_wrong_length()
    {
        var error = Assert.Throws<ArgumentException>(
            () => FiniteDifference.VectorJacobianProduct(ArticleF, [2, 4, 5], [1, 1, 1]));

        Assert.Contains("seed has length 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("has length 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Jacobian_rejects_a_function_whose_output_length_changes()
    {
        int calls = 0;

        Assert.Throws<InvalidOperationException>(
            () => FiniteDifference.Jacobian(_ => new double[++calls == 1 ? 2 : 3], [1.0]));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-6)]
    [InlineData(double.NaN)]
    public void A_step_that_is_not_positive_is_rejected(double h)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FiniteDifference.Derivative(Math.Sin, 1, h));
        Assert.Throws<ArgumentOutOfRangeException>(() => FiniteDifference.Gradient(v => v[0], [1.0], h));
    }
}
