using System;
using SourceGen.Autodiff.Optimization;
using Xunit;

namespace SourceGen.Autodiff.Runtime.Tests.Optimization;

/// <summary>Each schedule's rates for epochs 0..24 against PyTorch's <c>lr_scheduler</c> (base 0.1).</summary>
public sealed class LearningRateScheduleTests
{
    public static TheoryData<string> Names() => new("step", "exponential", "cosine");

    private static LearningRateSchedule Create(string name) => name switch
    {
        "step" => LearningRateSchedule.Step(0.1, stepSize: 3, gamma: 0.5),
        "exponential" => LearningRateSchedule.Exponential(0.1, gamma: 0.9),
        "cosine" => LearningRateSchedule.CosineAnnealing(0.1, tMax: 10, minimum: 0.001),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Rates_match_torch_lr_scheduler(string name)
    {
        var schedule = Create(name);
        var expected = TorchTrajectories.LearningRates[name];
        for (int epoch = 0; epoch < expected.Length; epoch++)
        {
            // PyTorch multiplies recursively where these use closed forms: equal to rounding.
            Assert.True(Math.Abs(schedule.At(epoch) - expected[epoch]) <= 1e-13,
                $"{name}, epoch {epoch}: expected {expected[epoch]:R} (PyTorch), got {schedule.At(epoch):R}");
        }
    }

    [Fact]
    public void Constant_is_the_same_every_epoch()
    {
        var schedule = LearningRateSchedule.Constant(0.25);
        Assert.Equal(0.25, schedule.At(0));
        Assert.Equal(0.25, schedule.At(1000));
    }

    [Fact]
    public void Apply_sets_the_optimizers_learning_rate()
    {
        var optimizer = new Sgd(1, 0.1);
        LearningRateSchedule.Exponential(0.1, 0.5).Apply(optimizer, 2);
        Assert.Equal(0.025, optimizer.LearningRate, 15);
    }
}
