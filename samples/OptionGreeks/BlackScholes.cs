using System;
using MathNet.Numerics.Distributions;
using SourceGen.Autodiff;

namespace OptionGreeks;

/// <summary>
/// A European call on a non-dividend stock: the Black-Scholes closed form, and a Monte-Carlo
/// estimate of the same price from given standard normal draws (one terminal price per draw).
/// Their generated gradients are the Greeks: ∂/∂spot = delta, ∂/∂volatility = vega,
/// ∂/∂rate = rho, and theta = -∂/∂maturity.
/// </summary>
public static partial class BlackScholes
{
    [Differentiable]
    public static double CallPrice(double spot, double volatility, double rate, double maturity, [NoGradient] double strike)
    {
        double sqrtT = Math.Sqrt(maturity);
        double d1 = (Math.Log(spot / strike) + (rate + 0.5 * volatility * volatility) * maturity) / (volatility * sqrtT);
        double d2 = d1 - volatility * sqrtT;
        return spot * Normal.CDF(0, 1, d1) - strike * Math.Exp(-rate * maturity) * Normal.CDF(0, 1, d2);
    }

    /// <summary>
    /// The discounted mean payoff over the paths; its gradient is the pathwise estimator of the
    /// Greeks (the payoff's kink at the strike sends each path's gradient to the branch it took).
    /// </summary>
    [Differentiable]
    public static double MonteCarloCallPrice(double spot, double volatility, double rate, double maturity, [NoGradient] double strike, [NoGradient] ReadOnlySpan<double> normals)
    {
        double sqrtT = Math.Sqrt(maturity);
        double drift = (rate - 0.5 * volatility * volatility) * maturity;
        double sum = 0;
        for (int i = 0; i < normals.Length; i++)
        {
            double terminal = spot * Math.Exp(drift + volatility * sqrtT * normals[i]);
            sum += Math.Max(terminal - strike, 0);
        }
        return Math.Exp(-rate * maturity) * sum / normals.Length;
    }
}
