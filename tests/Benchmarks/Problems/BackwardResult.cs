namespace SourceGen.Autodiff.Benchmarks.Problems;

/// <summary>What a backward pass produced: the function's value(s) and the seed-weighted gradient, flattened.</summary>
public sealed record BackwardResult(double[] Values, double[] Gradient);
