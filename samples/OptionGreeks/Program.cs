using System;
using System.Diagnostics;
using System.Linq;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;

namespace OptionGreeks;

/// <summary>
/// Black-Scholes Greeks of a European call by the generated gradient, from the closed form and
/// from a Monte-Carlo pathwise estimator, each against central finite differences of the same
/// price function and the known closed-form Greeks, with the time each takes.
/// <c>--short</c> (or AUTODIFF_SAMPLE_SHORT=1) uses fewer Monte-Carlo paths.
/// </summary>
public static class Program
{
    private const double Spot = 100, Volatility = 0.2, Rate = 0.05, Maturity = 1, Strike = 105;

    public static int Main(string[] args)
    {
        bool quick = args.Contains("--short") || Environment.GetEnvironmentVariable("AUTODIFF_SAMPLE_SHORT") == "1";
        int paths = quick ? 20_000 : 1_000_000;
        Console.WriteLine($"European call: spot {Spot}, strike {Strike}, volatility {Volatility}, rate {Rate}, maturity {Maturity} year");

        var exact = ClosedFormGreeks();
        Console.WriteLine($"textbook formulas:         {Format(exact)}");

        // Closed form: one generated backward pass gives all four Greeks.
        var (closedForm, closedTime) = Timed(() =>
        {
            var g = BlackScholes.CallPriceGradient(Spot, Volatility, Rate, Maturity, Strike);
            return Greeks.FromGradient(BlackScholes.CallPrice(Spot, Volatility, Rate, Maturity, Strike), g.spot, g.volatility, g.rate, g.maturity);
        }, repeat: 10_000);
        var (closedFd, closedFdTime) = Timed(() => FiniteDifferences((s, v, r, t) => BlackScholes.CallPrice(s, v, r, t, Strike)), repeat: 10_000);
        Console.WriteLine($"closed form, generated:    {Format(closedForm)}  {Micro(closedTime)}");
        Console.WriteLine($"closed form, finite diff.: {Format(closedFd)}  {Micro(closedFdTime)}");

        // Monte Carlo with fixed draws: the same paths for every evaluation (common random numbers).
        var normals = new double[paths];
        Normal.Samples(new Xoshiro256StarStar(2024), normals, 0, 1);
        var (pathwise, pathwiseTime) = Timed(() =>
        {
            double spotGrad = 0, volatilityGrad = 0, rateGrad = 0, maturityGrad = 0;
            double price = BlackScholes.MonteCarloCallPriceBackward(Spot, Volatility, Rate, Maturity, Strike, normals, 1,
                ref spotGrad, ref volatilityGrad, ref rateGrad, ref maturityGrad);
            return Greeks.FromGradient(price, spotGrad, volatilityGrad, rateGrad, maturityGrad);
        }, repeat: 1);
        var (monteCarloFd, monteCarloFdTime) = Timed(() => FiniteDifferences((s, v, r, t) => BlackScholes.MonteCarloCallPrice(s, v, r, t, Strike, normals)), repeat: 1);
        Console.WriteLine($"Monte Carlo ({paths:N0} paths):");
        Console.WriteLine($"  pathwise, generated:     {Format(pathwise)}  {Milli(pathwiseTime)}");
        Console.WriteLine($"  finite differences:      {Format(monteCarloFd)}  {Milli(monteCarloFdTime)}");

        // The closed form's gradient is exact to rounding; finite differences to about 1e-6 here.
        double closedError = closedForm.MaxDifference(exact);
        // Pathwise and bumped estimators see the same paths: they differ only where a bump moves a path across the strike.
        double monteCarloAgreement = pathwise.MaxDifference(monteCarloFd);
        // Against the formulas the Monte-Carlo error is statistical: within 4 standard errors, Greek by Greek.
        var standardErrors = StandardErrors(normals);
        Console.WriteLine($"  standard errors:         {Format(standardErrors)}");
        bool withinErrors = exact.Values.Zip(pathwise.Values, standardErrors.Values).All(e => Math.Abs(e.First - e.Second) <= 4 * e.Third);
        bool ok = closedError < 1e-9 && closedFd.MaxDifference(exact) < 1e-4 && monteCarloAgreement < 1e-2 && withinErrors;
        Console.WriteLine($"closed form vs formulas: max difference {closedError:E1}; pathwise vs finite differences: {monteCarloAgreement:E1}; pathwise vs formulas within 4 standard errors: {(withinErrors ? "yes" : "NO")}");
        Console.WriteLine(ok ? "greeks: all agree" : "greeks: DISAGREE");
        return ok ? 0 : 1;
    }

    /// <summary>
    /// The standard error of each Monte-Carlo estimate: the spread of the one-path estimates (the
    /// generated backward of a single path) over √paths.
    /// </summary>
    private static Greeks StandardErrors(double[] normals)
    {
        var sum = new double[5];
        var sumOfSquares = new double[5];
        for (int i = 0; i < normals.Length; i++)
        {
            double spotGrad = 0, volatilityGrad = 0, rateGrad = 0, maturityGrad = 0;
            double price = BlackScholes.MonteCarloCallPriceBackward(Spot, Volatility, Rate, Maturity, Strike, normals.AsSpan(i, 1), 1,
                ref spotGrad, ref volatilityGrad, ref rateGrad, ref maturityGrad);
            double[] one = Greeks.FromGradient(price, spotGrad, volatilityGrad, rateGrad, maturityGrad).Values;
            for (int k = 0; k < 5; k++)
            {
                sum[k] += one[k];
                sumOfSquares[k] += one[k] * one[k];
            }
        }
        int n = normals.Length;
        var errors = sum.Zip(sumOfSquares, (s, q) => Math.Sqrt((q - s * s / n) / (n - 1) / n)).ToArray();
        return new Greeks(errors[0], errors[1], errors[2], errors[3], errors[4]);
    }

    /// <summary>The textbook Greeks of a call.</summary>
    private static Greeks ClosedFormGreeks()
    {
        double sqrtT = Math.Sqrt(Maturity);
        double d1 = (Math.Log(Spot / Strike) + (Rate + 0.5 * Volatility * Volatility) * Maturity) / (Volatility * sqrtT);
        double d2 = d1 - Volatility * sqrtT;
        double discount = Math.Exp(-Rate * Maturity);
        return new Greeks(
            Price: Spot * Normal.CDF(0, 1, d1) - Strike * discount * Normal.CDF(0, 1, d2),
            Delta: Normal.CDF(0, 1, d1),
            Vega: Spot * Normal.PDF(0, 1, d1) * sqrtT,
            Rho: Strike * Maturity * discount * Normal.CDF(0, 1, d2),
            Theta: -Spot * Normal.PDF(0, 1, d1) * Volatility / (2 * sqrtT) - Rate * Strike * discount * Normal.CDF(0, 1, d2));
    }

    /// <summary>Central differences in each of the four inputs: 8 more price evaluations.</summary>
    private static Greeks FiniteDifferences(Func<double, double, double, double, double> price)
    {
        const double h = 1e-4;
        double Bump(int which, double sign)
        {
            double[] x = [Spot, Volatility, Rate, Maturity];
            x[which] += sign * h * Math.Max(1, Math.Abs(x[which]));
            return price(x[0], x[1], x[2], x[3]);
        }
        double Derivative(int which, double scale) => (Bump(which, 1) - Bump(which, -1)) / (2 * h * scale);
        return new Greeks(price(Spot, Volatility, Rate, Maturity), Derivative(0, Spot), Derivative(1, 1), Derivative(2, 1), -Derivative(3, 1));
    }

    private static (Greeks Value, TimeSpan PerCall) Timed(Func<Greeks> compute, int repeat)
    {
        var value = compute(); // warm up
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < repeat; i++)
        {
            value = compute();
        }
        return (value, clock.Elapsed / repeat);
    }

    private static string Format(Greeks g) =>
        string.Join("  ", Greeks.Names.Zip(g.Values, (name, value) => $"{name} {value,9:F5}"));

    private static string Micro(TimeSpan t) => $"{t.TotalMicroseconds,8:F2} µs";

    private static string Milli(TimeSpan t) => $"{t.TotalMilliseconds,8:F1} ms";
}
