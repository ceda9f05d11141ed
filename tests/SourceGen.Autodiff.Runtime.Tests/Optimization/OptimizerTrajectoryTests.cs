using System;
using System.Collections.Generic;
using SourceGen.Autodiff.Optimization;
using Xunit;

namespace SourceGen.Autodiff.Runtime.Tests.Optimization;

/// <summary>
/// Each optimizer's trajectory on <see cref="OptimizerProblem"/> against the one PyTorch's
/// <c>torch.optim</c> takes with the same settings (<see cref="TorchTrajectories"/>).
/// </summary>
public sealed class OptimizerTrajectoryTests
{
    // Same float64 formulas in a different order of operations in a few places (e.g. PyTorch's
    // recursive StepLR): agreement to a few units in the last place, amplified over 25 steps.
    private const double RelativeTolerance = 1e-11;

    public static TheoryData<string> Cases() => new(Configurations.Keys);

    private static readonly Dictionary<string, Func<Optimizer>> Configurations = new()
    {
        ["sgd"] = () => new Sgd(3, learningRate: 1e-3),
        ["sgd-momentum"] = () => new Sgd(3, learningRate: 1e-3, momentum: 0.9),
        ["sgd-momentum-dampening-decay"] = () => new Sgd(3, learningRate: 1e-3, momentum: 0.9, dampening: 0.1, weightDecay: 0.01),
        ["sgd-nesterov-decay"] = () => new Sgd(3, learningRate: 1e-3, momentum: 0.9, nesterov: true, weightDecay: 0.01),
        ["adam"] = () => new Adam(3, learningRate: 0.01),
        ["adam-betas-eps-decay"] = () => new Adam(3, learningRate: 0.02, beta1: 0.8, beta2: 0.99, epsilon: 1e-6, weightDecay: 0.1),
        ["adam-amsgrad"] = () => new Adam(3, learningRate: 0.01, amsGrad: true),
        ["adamw"] = () => new AdamW(3, learningRate: 0.01, weightDecay: 0.1),
        ["adamw-amsgrad"] = () => new AdamW(3, learningRate: 0.01, weightDecay: 0.1, amsGrad: true),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Trajectory_matches_torch_optim(string name)
    {
        AssertTrajectory(name, Configurations[name](), schedule: null);
    }

    [Fact]
    public void Adam_with_cosine_annealing_matches_torch_optim()
    {
        AssertTrajectory("adam-cosine", new Adam(3, learningRate: 0.05), LearningRateSchedule.CosineAnnealing(0.05, tMax: 10, minimum: 0.001));
    }

    [Fact]
    public void Sgd_with_step_decay_matches_torch_optim()
    {
        AssertTrajectory("sgd-step", new Sgd(3, learningRate: 1e-3, momentum: 0.9), LearningRateSchedule.Step(1e-3, stepSize: 5, gamma: 0.5));
    }

    [Fact]
    public void Reset_starts_the_trajectory_over()
    {
        var optimizer = new Adam(3, learningRate: 0.01);
        Run(optimizer, null, 7);
        optimizer.Reset();
        Assert.Equal(0, optimizer.StepCount);
        AssertTrajectory("adam", optimizer, null);
    }

    private static void AssertTrajectory(string name, Optimizer optimizer, LearningRateSchedule? schedule)
    {
        var expected = TorchTrajectories.Steps[name];
        var actual = Run(optimizer, schedule, expected.Length);
        for (int step = 0; step < expected.Length; step++)
        {
            for (int i = 0; i < 3; i++)
            {
                double e = expected[step][i];
                double a = actual[step][i];
                Assert.True(Math.Abs(a - e) <= RelativeTolerance * Math.Max(1, Math.Abs(e)),
                    $"{name}, step {step + 1}, p{i}: expected {e:R} (PyTorch), got {a:R}");
            }
        }
    }

    private static double[][] Run(Optimizer optimizer, LearningRateSchedule? schedule, int steps)
    {
        var p = OptimizerProblem.Start;
        var g = new double[3];
        var rows = new double[steps][];
        for (int t = 0; t < steps; t++)
        {
            schedule?.Apply(optimizer, t);
            OptimizerProblem.Gradient(p, g);
            optimizer.Step(p, g);
            rows[t] = (double[])p.Clone();
        }
        return rows;
    }
}
