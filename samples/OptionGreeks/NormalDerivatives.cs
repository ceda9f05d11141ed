using MathNet.Numerics.Distributions;
using SourceGen.Autodiff;

namespace OptionGreeks;

/// <summary>
/// The derivative of Math.NET's normal CDF, which the generator cannot see into (it is in a
/// library): registered with [DerivativeOf], so [Differentiable] methods may call Normal.CDF.
/// </summary>
public static class NormalDerivatives
{
    /// <summary>Φ((x - μ)/σ) and its vector-Jacobian product: the density for x, minus it for μ, minus density·z for σ.</summary>
    [DerivativeOf(typeof(Normal), nameof(Normal.CDF))]
    public static double CdfVjp(double mean, double stddev, double x, double seed, ref double meanGrad, ref double stddevGrad, ref double xGrad)
    {
        double density = Normal.PDF(mean, stddev, x);
        double z = (x - mean) / stddev;
        xGrad += seed * density;
        meanGrad -= seed * density;
        stddevGrad -= seed * density * z;
        return Normal.CDF(mean, stddev, x);
    }
}
