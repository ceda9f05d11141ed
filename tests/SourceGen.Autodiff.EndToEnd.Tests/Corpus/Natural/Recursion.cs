using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Corpus.Natural;

/// <summary>
/// Recursive numeric code as it is usually written: a binomial tree priced node by node,
/// exponentiation by squaring, a recursive Horner scheme and a continued fraction, plus a
/// caller of one of them. Written the natural way, never restructured for the generator.
/// </summary>
public static partial class Recursion
{
    /// <summary>Value of a European call at a node of a Cox-Ross-Rubinstein tree, by recursion over the steps left.</summary>
    [Differentiable]
    public static double TreeCall(double spot, double strike, double up, double p, double discount, int steps)
    {
        if (steps == 0)
            return Math.Max(spot - strike, 0);
        double upValue = TreeCall(spot * up, strike, up, p, discount, steps - 1);
        double downValue = TreeCall(spot / up, strike, up, p, discount, steps - 1);
        return discount * (p * upValue + (1 - p) * downValue);
    }

    /// <summary>The call's price from market inputs: the tree set up, then priced recursively.</summary>
    [Differentiable]
    public static double CallPrice(double spot, double strike, double rate, double volatility, double maturity, int steps)
    {
        double dt = maturity / steps;
        double up = Math.Exp(volatility * Math.Sqrt(dt));
        double growth = Math.Exp(rate * dt);
        double p = (growth - 1 / up) / (up - 1 / up);
        return TreeCall(spot, strike, up, p, 1 / growth, steps);
    }

    /// <summary>x^n by squaring.</summary>
    [Differentiable]
    public static double Power(double x, int n)
    {
        if (n == 0) return 1;
        if (n % 2 == 1) return x * Power(x, n - 1);
        double half = Power(x, n / 2);
        return half * half;
    }

    /// <summary>c[i] + x (c[i+1] + x (...)), one coefficient per call.</summary>
    [Differentiable]
    public static double Horner(double[] c, double x, int i) =>
        i == c.Length - 1 ? c[i] : c[i] + x * Horner(c, x, i + 1);

    /// <summary>a + 1 / (a + 1 / (a + ...)), depth levels deep (mutually recursive with <see cref="Tail"/>).</summary>
    [Differentiable]
    public static double ContinuedFraction(double a, double b, int depth) =>
        depth == 0 ? a : a + 1 / Tail(a, b, depth - 1);

    [Differentiable]
    public static double Tail(double a, double b, int depth) =>
        depth == 0 ? b : b + 1 / ContinuedFraction(a, b, depth - 1);
}
