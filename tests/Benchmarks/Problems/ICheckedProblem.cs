namespace SourceGen.Autodiff.Benchmarks.Problems;

/// <summary>
/// A benchmarked function at a fixed, deterministic input, seen by the self-check: flattened
/// values and gradients to compare every analytic gradient with central finite differences.
/// </summary>
public interface ICheckedProblem
{
    /// <summary>The seed of every scalar backward call (tensor results use ones).</summary>
    public const double ScalarSeed = 1.0;

    string Name { get; }

    /// <summary>Allowed absolute error against finite differences (their rounding error grows with |f|).</summary>
    double AbsoluteTolerance => 1e-6;

    /// <summary>The forward pass's value(s), flattened.</summary>
    double[] ForwardValues();

    /// <summary>The seed-weighted gradient by central differences (what the FiniteDifferences benchmark runs).</summary>
    double[] FiniteDifferences();

    /// <summary>The hand-written backward pass into zeroed buffers.</summary>
    BackwardResult HandWritten();

    /// <summary>The generated backward pass into zeroed buffers; null while the generator cannot differentiate the function.</summary>
    BackwardResult? Generated();
}
