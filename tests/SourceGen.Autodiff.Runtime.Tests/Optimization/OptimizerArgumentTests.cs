using System;
using SourceGen.Autodiff.Optimization;
using Xunit;

namespace SourceGen.Autodiff.Runtime.Tests.Optimization;

/// <summary>Wrong lengths and settings fail before anything is written, naming what is wrong.</summary>
public sealed class OptimizerArgumentTests
{
    [Fact]
    public void Step_with_a_gradient_of_the_wrong_length_throws_and_leaves_the_parameters()
    {
        var optimizer = new Adam(3, 0.1);
        double[] p = [1, 2, 3];
        var e = Assert.Throws<ArgumentException>(() => optimizer.Step(p, new double[2]));
        Assert.Equal("gradient", e.ParamName);
        Assert.Contains("length 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("length 3", e.Message, StringComparison.Ordinal);
        Assert.Equal([1, 2, 3], p);
        Assert.Equal(0, optimizer.StepCount);
    }

    [Fact]
    public void Step_with_parameters_of_the_wrong_length_throws()
    {
        var optimizer = new Sgd(3, 0.1);
        var e = Assert.Throws<ArgumentException>(() => optimizer.Step(new double[4], new double[3]));
        Assert.Equal("parameters", e.ParamName);
    }

    [Fact]
    public void Nesterov_needs_momentum_and_no_dampening_as_in_PyTorch()
    {
        Assert.Throws<ArgumentException>(() => new Sgd(1, 0.1, nesterov: true));
        Assert.Throws<ArgumentException>(() => new Sgd(1, 0.1, momentum: 0.9, dampening: 0.1, nesterov: true));
    }

    [Theory]
    [InlineData(-0.1, 0.9)]
    [InlineData(1.0, 0.9)]
    [InlineData(0.9, 1.0)]
    [InlineData(0.9, double.NaN)]
    public void Adam_betas_must_be_in_zero_one(double beta1, double beta2)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(1, 0.1, beta1, beta2));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Learning_rate_must_be_finite_and_non_negative(double learningRate)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(1, learningRate));
        var optimizer = new Sgd(1, 0.1);
        Assert.Throws<ArgumentOutOfRangeException>(() => optimizer.LearningRate = learningRate);
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Constant(learningRate));
    }

    [Fact]
    public void Schedules_reject_a_negative_epoch_and_non_positive_periods()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Constant(0.1).At(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Step(0.1, stepSize: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.CosineAnnealing(0.1, tMax: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Exponential(0.1, gamma: 0));
    }
}
