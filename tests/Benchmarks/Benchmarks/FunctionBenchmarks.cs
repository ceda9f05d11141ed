using BenchmarkDotNet.Attributes;
using SourceGen.Autodiff.Benchmarks.Problems;

namespace SourceGen.Autodiff.Benchmarks.Benchmarks;

/// <summary>
/// One benchmark class per function the generator differentiates today: the forward pass, the
/// generated backward, the hand-written analytic gradient (the baseline: ratios are to it) and
/// central finite differences. The loop functions join here when LOOPS is defined.
/// </summary>
[GenericTypeArguments(typeof(ArticleVjpProblem), typeof(Tensor))]
[GenericTypeArguments(typeof(ScalarMathProblem), typeof(double))]
[GenericTypeArguments(typeof(SquaredErrorProblem), typeof(double))]
#if LOOPS
[GenericTypeArguments(typeof(RosenbrockProblem), typeof(double))]
[GenericTypeArguments(typeof(LogisticRegressionProblem), typeof(double))]
[GenericTypeArguments(typeof(MlpProblem), typeof(double))]
[GenericTypeArguments(typeof(HornerProblem), typeof(double))]
[GenericTypeArguments(typeof(PendulumProblem), typeof(double))]
[GenericTypeArguments(typeof(LennardJonesProblem), typeof(double))]
[GenericTypeArguments(typeof(GaussianMixtureProblem<GaussianMixtureD2>), typeof(double))]
[GenericTypeArguments(typeof(GaussianMixtureProblem<GaussianMixtureD10>), typeof(double))]
#endif
[MemoryDiagnoser]
[MedianColumn]
public class FunctionBenchmarks<TProblem, TResult>
    where TProblem : struct, IBenchmarkProblem<TProblem, TResult>, IHasGeneratedBackward<TResult>
{
    private TProblem _problem = TProblem.Create();

    [Benchmark(Description = "Forward")]
    public TResult Forward() => _problem.Forward();

    [Benchmark(Description = "Generated backward")]
    public TResult GeneratedBackward() => _problem.GeneratedBackward();

    [Benchmark(Baseline = true, Description = "Hand-written gradient")]
    public TResult HandWrittenBackward() => _problem.HandWrittenBackward();

    [Benchmark(Description = "Finite differences")]
    public double[] FiniteDifferences() => _problem.FiniteDifferences();
}
