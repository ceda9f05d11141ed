#if !LOOPS
using BenchmarkDotNet.Attributes;
using SourceGen.Autodiff.Benchmarks.Problems;

namespace SourceGen.Autodiff.Benchmarks.Benchmarks;

/// <summary>
/// The functions with loops, which the generator cannot differentiate yet: forward, hand-written
/// gradient (the baseline) and finite differences. With LOOPS they move to
/// <see cref="FunctionBenchmarks{TProblem, TResult}"/>, next to their generated backward.
/// </summary>
[GenericTypeArguments(typeof(RosenbrockProblem))]
[GenericTypeArguments(typeof(LogisticRegressionProblem))]
[GenericTypeArguments(typeof(MlpProblem))]
[GenericTypeArguments(typeof(HornerProblem))]
[GenericTypeArguments(typeof(PendulumProblem))]
[GenericTypeArguments(typeof(LennardJonesProblem))]
[GenericTypeArguments(typeof(GaussianMixtureProblem<GaussianMixtureD2>))]
[GenericTypeArguments(typeof(GaussianMixtureProblem<GaussianMixtureD10>))]
[MemoryDiagnoser]
[MedianColumn]
public class LoopFunctionBenchmarks<TProblem>
    where TProblem : struct, IBenchmarkProblem<TProblem, double>
{
    private TProblem _problem = TProblem.Create();

    [Benchmark(Description = "Forward")]
    public double Forward() => _problem.Forward();

    [Benchmark(Baseline = true, Description = "Hand-written gradient")]
    public double HandWrittenBackward() => _problem.HandWrittenBackward();

    [Benchmark(Description = "Finite differences")]
    public double[] FiniteDifferences() => _problem.FiniteDifferences();
}
#endif
