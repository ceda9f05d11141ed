using System;

namespace SourceGen.Autodiff.Benchmarks.Functions;

public static partial class SquaredError
{
    /// <summary>
    /// The hand-written backward pass of <see cref="Loss"/>: one fused loop over the elements,
    /// no temporary tensors (∂/∂xᵢ of Σ(xᵢ − tᵢ)² is 2(xᵢ − tᵢ)).
    /// </summary>
    public static double LossBackwardByHand(Tensor x, Tensor t, double seed, Tensor xGrad)
    {
        Shapes.RequireSameShape(t, x, nameof(t), nameof(x));
        Shapes.RequireSameShape(xGrad, x, nameof(xGrad), nameof(x));
        ReadOnlySpan<double> xs = x.AsReadOnlySpan(), ts = t.AsReadOnlySpan();
        Span<double> g = xGrad.AsSpan();
        double twoSeed = 2 * seed, sum = 0;
        for (int i = 0; i < xs.Length; i++)
        {
            double d = xs[i] - ts[i];
            sum += d * d;
            g[i] += twoSeed * d;
        }
        return sum;
    }
}
