namespace SourceGen.Autodiff.Benchmarks.Problems;

/// <summary>
/// The allocation-free calls the benchmarks time. Problems are structs used as generic type
/// arguments, so the JIT specializes the benchmark class for each one and the calls below are
/// direct (and inlinable): no interface dispatch is timed.
/// </summary>
public interface IBenchmarkProblem<TSelf, TResult> : ICheckedProblem
    where TSelf : struct, IBenchmarkProblem<TSelf, TResult>
{
    static abstract TSelf Create();

    TResult Forward();

    TResult HandWrittenBackward();
}

/// <summary>A problem whose function the generator differentiates today.</summary>
public interface IHasGeneratedBackward<TResult>
{
    TResult GeneratedBackward();
}
