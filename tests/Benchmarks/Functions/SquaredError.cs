namespace SourceGen.Autodiff.Benchmarks.Functions;

/// <summary>A whole-tensor elementwise loss; the target is data, not differentiated.</summary>
public static partial class SquaredError
{
    [Differentiable]
    public static double Loss(Tensor x, [NoGradient] Tensor t) => ((x - t) * (x - t)).Sum();
}
