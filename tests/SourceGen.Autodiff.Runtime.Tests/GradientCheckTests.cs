using System;
using Xunit;

namespace SourceGen.Autodiff.Runtime.Tests;

public class GradientCheckTests
{
    [Fact]
    public void Compare_passes_when_every_component_is_within_tolerance()
    {
        var result = GradientCheck.Compare([1.0, -2.0, 1e6], [1.0 + 1e-9, -2.0, 1e6 + 1]);

        Assert.True(result.Passed);
        Assert.Equal(3, result.Length);
    }

    [Fact]
    public void Compare_fails_and_reports_the_worst_component()
    {
        var result = GradientCheck.Compare([1.0, 2.0, 3.0], [1.0, 2.5, 3.0001]);

        Assert.False(result.Passed);
        Assert.Equal(1, result.WorstIndex);
        Assert.Equal(2.0, result.WorstAnalytic);
        Assert.Equal(2.5, result.WorstNumeric);
        Assert.Equal(0.5, result.MaxError);
        Assert.Equal(1e-7 + (1e-5 * 2.5), result.AllowedError, 1e-15);
        Assert.Equal(
            "Gradient check failed: worst index 1 of 3: analytic 2, numeric 2.5, error 0.5 (allowed 2.51E-05).",
            result.ToString());
    }

    [Fact]
    public void Worst_is_relative_to_magnitude_not_the_largest_absolute_error()
    {
        // Index 0 differs by 1 out of 1e6 (fine); index 1 differs by 0.01 out of 1 (not fine).
        var result = GradientCheck.Compare([1e6, 1.0], [1e6 + 1, 1.01]);

        Assert.False(result.Passed);
        Assert.Equal(1, result.WorstIndex);
    }

    [Fact]
    public void Tolerances_are_relative_plus_absolute()
    {
        Assert.True(GradientCheck.Compare([0.0], [5e-8]).Passed);
        Assert.False(GradientCheck.Compare([0.0], [2e-7]).Passed);
        Assert.True(GradientCheck.Compare([100.0], [100.0009]).Passed);
        Assert.False(GradientCheck.Compare([100.0], [100.002]).Passed);
        Assert.True(GradientCheck.Compare([100.0], [100.5], relativeTolerance: 0.01).Passed);
    }

    [Theory]
    [InlineData(double.NaN, 1.0)]
    [InlineData(1.0, double.NaN)]
    [InlineData(double.NaN, double.NaN)]
    [InlineData(double.PositiveInfinity, double.PositiveInfinity)]
    public void Non_finite_values_never_pass(double analytic, double numeric)
    {
        var result = GradientCheck.Compare([0.0, analytic], [0.0, numeric]);

        Assert.False(result.Passed);
        Assert.Equal(1, result.WorstIndex);
    }

    [Fact]
    public void Compare_of_nothing_passes()
    {
        var result = GradientCheck.Compare([], []);

        Assert.True(result.Passed);
        Assert.Equal(-1, result.WorstIndex);
    }

    [Fact]
    public void Compare_rejects_different_lengths_naming_both()
    {
        var error = Assert.Throws<ArgumentException>(() => GradientCheck.Compare([1.0, 2.0], [1.0]));

        Assert.StartsWith("numeric has length 1 but analytic has length 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AssertGradient_accepts_a_correct_gradient()
    {
        double[] x = [0.4, 1.5];

        GradientCheck.AssertGradient(
            v => Math.Sin(v[0]) * v[1] * v[1],
            x,
            [Math.Cos(0.4) * 1.5 * 1.5, 2 * Math.Sin(0.4) * 1.5]);
    }

    [Fact]
    public void AssertGradient_throws_naming_the_worst_index_and_both_values()
    {
        double[] x = [1.0, 2.0];

        // d/dx1 of x0 * x1^2 at (1, 2) is 4, not 5.
        var error = Assert.Throws<GradientCheckException>(
            () => GradientCheck.AssertGradient(v => v[0] * v[1] * v[1], x, [4.0, 5.0]));

        Assert.Equal(1, error.Result.WorstIndex);
        Assert.Equal(5.0, error.Result.WorstAnalytic);
        Assert.Equal(4.0, error.Result.WorstNumeric, 1e-7);
        Assert.Contains("worst index 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("analytic 5,", error.Message, StringComparison.Ordinal);
        Assert.Contains("numeric 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AssertGradient_rejects_a_gradient_of_the_wrong_length()
    {
        var error = Assert.Throws<ArgumentException>(
            () => GradientCheck.AssertGradient(v => v[0], [1.0, 2.0], [1.0]));

        Assert.StartsWith("analytic has length 1 but x has length 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AssertVectorJacobianProduct_checks_the_weighted_backward_result()
    {
        static double[] F(double[] x) => [x[0] * x[1], x[0] + x[1]];

        // J = [[x1, x0], [1, 1]] at (3, 4); seed (2, 1): Jᵀ·seed = (2*4 + 1, 2*3 + 1).
        GradientCheck.AssertVectorJacobianProduct(F, [3, 4], [2, 1], [9.0, 7.0]);
        Assert.Throws<GradientCheckException>(
            () => GradientCheck.AssertVectorJacobianProduct(F, [3, 4], [2, 1], [9.0, 8.0]));
    }

    [Fact]
    public void AssertJacobian_checks_every_entry_and_reports_row_major_index()
    {
        static double[] F(double[] x) => [x[0] * x[1], x[0] + x[1]];

        GradientCheck.AssertJacobian(F, [3, 4], new double[,] { { 4, 3 }, { 1, 1 } });
        var error = Assert.Throws<GradientCheckException>(
            () => GradientCheck.AssertJacobian(F, [3, 4], new double[,] { { 4, 3 }, { 0, 1 } }));
        Assert.Equal(2, error.Result.WorstIndex);
    }

    [Fact]
    public void AssertJacobian_rejects_a_matrix_of_the_wrong_size()
    {
        static double[] F(double[] x) => [x[0] * x[1], x[0] + x[1]];

        Assert.Throws<ArgumentException>(
            () => GradientCheck.AssertJacobian(F, [3, 4], new double[,] { { 4, 3 } }));
    }
}
