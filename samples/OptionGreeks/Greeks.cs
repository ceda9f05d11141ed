using System;

namespace OptionGreeks;

/// <summary>Price and Greeks of a call; theta is per year, as -∂price/∂maturity.</summary>
public readonly record struct Greeks(double Price, double Delta, double Vega, double Rho, double Theta)
{
    /// <summary>From a price and its gradient with respect to (spot, volatility, rate, maturity).</summary>
    public static Greeks FromGradient(double price, double spot, double volatility, double rate, double maturity) =>
        new(price, spot, volatility, rate, -maturity);

    public double[] Values => [Price, Delta, Vega, Rho, Theta];

    public static readonly string[] Names = ["price", "delta", "vega", "rho", "theta"];

    /// <summary>The largest difference from <paramref name="other"/>, Greek by Greek.</summary>
    public double MaxDifference(Greeks other)
    {
        double worst = 0;
        for (int i = 0; i < Values.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(Values[i] - other.Values[i]));
        }
        return worst;
    }
}
