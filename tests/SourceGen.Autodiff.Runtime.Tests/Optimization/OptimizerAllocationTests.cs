using System;
using SourceGen.Autodiff.Optimization;
using Xunit;

namespace SourceGen.Autodiff.Runtime.Tests.Optimization;

/// <summary>Steps (and schedules) allocate nothing once the optimizer exists.</summary>
public sealed class OptimizerAllocationTests
{
    public static TheoryData<string> Names() => new("sgd", "sgd-nesterov", "adam", "adam-amsgrad", "adamw");

    private static Optimizer Create(string name, int n) => name switch
    {
        "sgd" => new Sgd(n, 0.01),
        "sgd-nesterov" => new Sgd(n, 0.01, momentum: 0.9, nesterov: true, weightDecay: 1e-4),
        "adam" => new Adam(n, 0.01, weightDecay: 1e-4),
        "adam-amsgrad" => new Adam(n, 0.01, amsGrad: true),
        "adamw" => new AdamW(n, 0.01),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Step_allocates_nothing(string name)
    {
        const int n = 1000;
        var optimizer = Create(name, n);
        var schedule = LearningRateSchedule.CosineAnnealing(0.01, tMax: 100);
        var parameters = new double[n];
        var gradient = new double[n];
        for (int i = 0; i < n; i++)
        {
            parameters[i] = Math.Sin(i);
            gradient[i] = Math.Cos(i);
        }
        Steps(optimizer, schedule, parameters, gradient, 3); // warm up (JIT, tiered compilation)

        long before = GC.GetAllocatedBytesForCurrentThread();
        Steps(optimizer, schedule, parameters, gradient, 100);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(103, optimizer.StepCount);
    }

    private static void Steps(Optimizer optimizer, LearningRateSchedule schedule, Span<double> parameters, ReadOnlySpan<double> gradient, int count)
    {
        for (int t = 0; t < count; t++)
        {
            schedule.Apply(optimizer, t);
            optimizer.Step(parameters, gradient);
        }
    }
}
