using SourceGen.Autodiff.EndToEnd.Tests.Corpus;
using Xunit;

namespace SourceGen.Autodiff.EndToEnd.Tests;

/// <summary>EverydayCorpus: patterns, switch expressions, constants and tables, against central finite differences.</summary>
public sealed class EverydayCSharpTests
{
    [Theory]
    [InlineData(-2.5, 0.8)]
    [InlineData(0.4, 1.2)]
    [InlineData(3, 0.6)]
    public void Switch_expression_differentiates_the_arm_taken(double r, double delta)
    {
        var (rGrad, deltaGrad) = EverydayCorpus.HuberGradient(r, delta);
        Assert.Equal(FiniteDifference.Derivative(v => EverydayCorpus.Huber(v, delta), r), rGrad, 6);
        Assert.Equal(FiniteDifference.Derivative(d => EverydayCorpus.Huber(r, d), delta), deltaGrad, 6);
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(0.3)]
    [InlineData(0.8)]
    [InlineData(1.5)]
    public void Is_pattern_decides_the_branch(double t)
    {
        Assert.Equal(FiniteDifference.Derivative(EverydayCorpus.SmoothStep, t), EverydayCorpus.SmoothStepGradient(t), 6);
        double seeded = 0;
        Assert.Equal(EverydayCorpus.SmoothStep(t), EverydayCorpus.SmoothStepBackward(t, 2, ref seeded), 12);
        Assert.Equal(2 * FiniteDifference.Derivative(EverydayCorpus.SmoothStep, t), seeded, 6);
    }

    [Fact]
    public void Tables_and_constants_are_read_as_data()
    {
        double[] x = [1.25, -0.5, 2, 0.75];
        double[] numeric = FiniteDifference.Gradient(EverydayCorpus.WeightedSquares, (double[])x.Clone());
        double[] gradient = EverydayCorpus.WeightedSquaresGradient(x);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(numeric[i], gradient[i], 6);
        }
        var pullback = EverydayCorpus.WeightedSquaresPullback(x);
        var buffer = new double[x.Length];
        pullback.Backward(1, buffer);
        Assert.Equal(gradient, buffer);
    }

    [Fact]
    public void Argument_validation_runs_and_is_not_differentiated()
    {
        double[] x = [1.5, -2, 0.5];
        double[] y = [0.25, 1, -3];
        var (xGrad, yGrad) = EverydayCorpus.CheckedDotGradient(x, y);
        double[] numericX = FiniteDifference.Gradient(v => EverydayCorpus.CheckedDot(v, y), (double[])x.Clone());
        double[] numericY = FiniteDifference.Gradient(v => EverydayCorpus.CheckedDot(x, v), (double[])y.Clone());
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(numericX[i], xGrad[i], 6);
            Assert.Equal(numericY[i], yGrad[i], 6);
        }

        var mismatch = Assert.Throws<System.ArgumentException>(() => EverydayCorpus.CheckedDotGradient(x, [1, 2]));
        Assert.Equal("x has 3 elements but y has 2 (Parameter 'y')", mismatch.Message);
        Assert.Equal("y", mismatch.ParamName);
        var empty = Assert.Throws<System.ArgumentException>(() => EverydayCorpus.CheckedDotPullback([], []));
        Assert.Equal("x", empty.ParamName);
    }

    [Fact]
    public void Throw_helpers_run_as_written_and_name_the_users_argument()
    {
        double x = 1.3;
        Assert.Equal(FiniteDifference.Derivative(v => EverydayCorpus.ScaledPower(v, 5, "m"), x), EverydayCorpus.ScaledPowerGradient(x, 5, "m"), 6);
        var negative = Assert.Throws<System.ArgumentOutOfRangeException>(() => EverydayCorpus.ScaledPowerGradient(x, -1, "m"));
        Assert.Equal("n", negative.ParamName);
        var large = Assert.Throws<System.ArgumentOutOfRangeException>(() => EverydayCorpus.ScaledPowerPullback(x, 13, "m"));
        Assert.Equal("n", large.ParamName);
        var unit = Assert.Throws<System.ArgumentException>(() => EverydayCorpus.ScaledPowerGradient(x, 2, ""));
        Assert.Equal("unit", unit.ParamName);

        double p = 0.3;
        Assert.Equal(1 / (p * (1 - p)), EverydayCorpus.LogitGradient(p, 3), 12);
        Assert.Equal("clampDigits", Assert.Throws<System.ArgumentOutOfRangeException>(() => EverydayCorpus.LogitGradient(p, 0)).ParamName);
    }

    [Theory]
    [InlineData(0.7, 0.3, 0)]
    [InlineData(0.7, 0.3, 1)]
    [InlineData(-1.2, 0.45, 6)]
    public void Decrement_in_a_while_condition_runs_once_per_test(double x, double rate, int n)
    {
        var (xGrad, rateGrad) = EverydayCorpus.RelaxGradient(x, rate, n);
        Assert.Equal(FiniteDifference.Derivative(v => EverydayCorpus.Relax(v, rate, n), x), xGrad, 6);
        Assert.Equal(FiniteDifference.Derivative(r => EverydayCorpus.Relax(x, r, n), rate), rateGrad, 6);
        var pullback = EverydayCorpus.RelaxPullback(x, rate, n);
        Assert.Equal(EverydayCorpus.Relax(x, rate, n), pullback.Value, 12);
        double xSeeded = 0, rateSeeded = 0;
        pullback.Backward(-2, ref xSeeded, ref rateSeeded);
        Assert.Equal(-2 * xGrad, xSeeded, 12);
        Assert.Equal(-2 * rateGrad, rateSeeded, 12);
    }

    [Theory]
    [InlineData(1.1, 1)]
    [InlineData(1.1, 2)]
    [InlineData(0.8, 5)]
    public void Continue_in_a_while_with_a_writing_condition_runs_the_condition_again(double x, int n)
    {
        double expected = 1;
        for (int i = 1; i <= n; i++)
        {
            if (i != 2)
            {
                expected = expected * x + i;
            }
        }
        Assert.Equal(expected, EverydayCorpus.SkipSecond(x, n), 12);
        Assert.Equal(FiniteDifference.Derivative(v => EverydayCorpus.SkipSecond(v, n), x), EverydayCorpus.SkipSecondGradient(x, n), 6);
    }
}
