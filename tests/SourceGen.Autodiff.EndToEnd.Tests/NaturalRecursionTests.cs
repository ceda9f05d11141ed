using SourceGen.Autodiff.EndToEnd.Tests.Corpus.Natural;
using Xunit;

namespace SourceGen.Autodiff.EndToEnd.Tests;

/// <summary>Recursion (direct, mutual, through ?: and through a caller) against central finite differences.</summary>
public sealed class NaturalRecursionTests
{
    [Theory]
    [InlineData(100, 95, 6)]
    [InlineData(100, 110, 7)]
    public void Binomial_tree_greeks_match_finite_differences(double spot, double strike, int steps)
    {
        double rate = 0.03, volatility = 0.25, maturity = 0.75;
        var (delta, strikeGrad, rho, vega, theta) = Recursion.CallPriceGradient(spot, strike, rate, volatility, maturity, steps);
        Assert.Equal(FiniteDifference.Derivative(s => Recursion.CallPrice(s, strike, rate, volatility, maturity, steps), spot), delta, 6);
        Assert.Equal(FiniteDifference.Derivative(k => Recursion.CallPrice(spot, k, rate, volatility, maturity, steps), strike), strikeGrad, 6);
        Assert.Equal(FiniteDifference.Derivative(r => Recursion.CallPrice(spot, strike, r, volatility, maturity, steps), rate), rho, 5);
        Assert.Equal(FiniteDifference.Derivative(v => Recursion.CallPrice(spot, strike, rate, v, maturity, steps), volatility), vega, 5);
        Assert.Equal(FiniteDifference.Derivative(t => Recursion.CallPrice(spot, strike, rate, volatility, t, steps), maturity), theta, 5);

        var pullback = Recursion.CallPricePullback(spot, strike, rate, volatility, maturity, steps);
        Assert.Equal(Recursion.CallPrice(spot, strike, rate, volatility, maturity, steps), pullback.Value, 10);
        double s0 = 0, k0 = 0, r0 = 0, v0 = 0, t0 = 0;
        pullback.Backward(2, ref s0, ref k0, ref r0, ref v0, ref t0);
        Assert.Equal(2 * delta, s0, 10);
        Assert.Equal(2 * vega, v0, 10);
    }

    [Theory]
    [InlineData(1.3, 0)]
    [InlineData(1.3, 1)]
    [InlineData(0.9, 6)]
    [InlineData(-1.1, 11)]
    public void Exponentiation_by_squaring_is_exact(double x, int n)
    {
        double expected = n == 0 ? 0 : n * System.Math.Pow(x, n - 1);
        Assert.Equal(expected, Recursion.PowerGradient(x, n), 9);
        double xGrad = 0;
        Assert.Equal(System.Math.Pow(x, n), Recursion.PowerBackward(x, n, -0.5, ref xGrad), 9);
        Assert.Equal(-0.5 * expected, xGrad, 9);
    }

    [Fact]
    public void Recursive_horner_through_a_conditional_differentiates_coefficients_and_point()
    {
        double[] c = [0.5, -1.25, 2, 0.75];
        double x = 0.6;
        var (cGrad, xGrad) = Recursion.HornerGradient(c, x, 0);
        double[] numeric = FiniteDifference.Gradient(v => Recursion.Horner(v, x, 0), (double[])c.Clone());
        for (int i = 0; i < c.Length; i++)
        {
            Assert.Equal(System.Math.Pow(x, i), cGrad[i], 12);
            Assert.Equal(numeric[i], cGrad[i], 6);
        }
        Assert.Equal(FiniteDifference.Derivative(v => Recursion.Horner(c, v, 0), x), xGrad, 6);
    }

    [Theory]
    [InlineData(1.5, 0.8, 0)]
    [InlineData(1.5, 0.8, 5)]
    [InlineData(2.25, 1.1, 8)]
    public void Mutual_recursion_matches_finite_differences(double a, double b, int depth)
    {
        var (aGrad, bGrad) = Recursion.ContinuedFractionGradient(a, b, depth);
        Assert.Equal(FiniteDifference.Derivative(v => Recursion.ContinuedFraction(v, b, depth), a), aGrad, 6);
        Assert.Equal(FiniteDifference.Derivative(v => Recursion.ContinuedFraction(a, v, depth), b), bGrad, 6);
    }
}
