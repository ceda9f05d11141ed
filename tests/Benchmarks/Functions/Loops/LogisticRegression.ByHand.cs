using System;

namespace SourceGen.Autodiff.Benchmarks.Functions.Loops;

public static partial class LogisticRegression
{
    /// <summary>
    /// The analytic gradient: ∂loss/∂zᵢ = (σ(zᵢ) − yᵢ)/n with σ(z) = eᶻ/(1 + eᶻ), reusing the
    /// forward pass's eᶻ; then ∂/∂w = Σ ∂zᵢ·xᵢ and ∂/∂b = Σ ∂zᵢ, in one pass over the samples.
    /// </summary>
    public static double LossBackwardByHand(ReadOnlySpan<double> w, double b, ReadOnlySpan<double> x, ReadOnlySpan<double> y,
                                            double seed, Span<double> wGrad, ref double bGrad)
    {
        Shapes.RequireLength(wGrad.Length, w.Length, nameof(wGrad), nameof(w));
        int d = w.Length;
        int n = y.Length;
        double scale = seed / n;
        double loss = 0, bBar = 0;
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> xi = x.Slice(i * d, d);
            double z = b;
            for (int j = 0; j < d; j++)
                z += w[j] * xi[j];
            double e = Math.Exp(z);
            loss += Math.Log(1 + e) - y[i] * z;

            double zBar = (e / (1 + e) - y[i]) * scale;
            for (int j = 0; j < d; j++)
                wGrad[j] += zBar * xi[j];
            bBar += zBar;
        }
        bGrad += bBar;
        return loss / n;
    }
}
