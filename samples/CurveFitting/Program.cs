using System;
using System.Diagnostics;
using System.Linq;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using SourceGen.Autodiff;

namespace CurveFitting;

/// <summary>
/// Maximum-likelihood fit of y = a·exp(-k·t) + c with Gaussian noise of unknown σ, by Math.NET
/// Numerics' L-BFGS and BFGS minimizers driven by the generated gradient
/// (<c>DecayModel.NegativeLogLikelihoodBackward</c>). <c>--short</c> (or AUTODIFF_SAMPLE_SHORT=1)
/// fits fewer observations.
/// </summary>
public static class Program
{
    private static readonly double[] Truth = [5.0, 0.7, 1.0, Math.Log(0.2)];

    public static int Main(string[] args)
    {
        bool quick = args.Contains("--short") || Environment.GetEnvironmentVariable("AUTODIFF_SAMPLE_SHORT") == "1";
        int n = quick ? 200 : 5000;
        var (t, y) = Observations(n, seed: 12);
        Console.WriteLine($"{n} noisy observations of y = 5·exp(-0.7·t) + 1, noise σ = 0.2; fitting (a, k, c, log σ) from (1, 1, 0, 0).");

        int evaluations = 0;
        // Math.NET asks for the value and the gradient at a point; one generated backward pass gives both.
        var objective = ObjectiveFunction.Gradient(point =>
        {
            evaluations++;
            var gradient = new double[point.Count];
            double value = DecayModel.NegativeLogLikelihoodBackward(point.AsArray() ?? point.ToArray(), t, y, 1, gradient);
            return (value, Vector<double>.Build.Dense(gradient));
        });
        var start = Vector<double>.Build.Dense([1.0, 1.0, 0.0, 0.0]);

        bool ok = true;
        foreach (var (name, minimizer) in new (string, IUnconstrainedMinimizer)[]
        {
            ("L-BFGS", new LimitedMemoryBfgsMinimizer(gradientTolerance: 1e-8, parameterTolerance: 1e-12, functionProgressTolerance: 1e-14, memory: 5, maximumIterations: 1000)),
            ("BFGS", new BfgsMinimizer(gradientTolerance: 1e-8, parameterTolerance: 1e-12, functionProgressTolerance: 1e-14, maximumIterations: 1000)),
        })
        {
            evaluations = 0;
            var clock = Stopwatch.StartNew();
            var result = minimizer.FindMinimum(objective, start);
            clock.Stop();
            var p = result.MinimizingPoint.ToArray();
            Console.WriteLine($"{name}: {result.ReasonForExit} after {result.Iterations} iterations, {evaluations} gradient evaluations, {clock.Elapsed.TotalMilliseconds:F1} ms");
            Console.WriteLine($"  a = {p[0]:F4}, k = {p[1]:F4}, c = {p[2]:F4}, σ = {Math.Exp(p[3]):F4} (truth 5, 0.7, 1, 0.2)");
            ok &= Close(p);
        }

        // At the optimum the gradient vanishes; away from it, the generated gradient must match finite differences.
        var probe = new[] { 4.0, 0.5, 1.5, -1.0 };
        var probeGradient = DecayModel.NegativeLogLikelihoodGradient(probe, t, y);
        var check = GradientCheck.Compare(probeGradient, FiniteDifference.Gradient(p => DecayModel.NegativeLogLikelihood(p, t, y), probe));
        Console.WriteLine($"gradient check at (4, 0.5, 1.5, -1): {check}");
        ok &= check.Passed;

        Console.WriteLine(ok ? "fit: every parameter within 10% of the truth" : "fit: FAILED");
        return ok ? 0 : 1;
    }

    /// <summary>Deterministic observations at t in [0, 5], noise from a seeded Box-Muller transform.</summary>
    private static (double[] T, double[] Y) Observations(int n, int seed)
    {
        var random = new Random(seed);
        var t = new double[n];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            t[i] = 5.0 * i / (n - 1);
            double noise = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            y[i] = DecayModel.Predict(Truth, t[i]) + Math.Exp(Truth[3]) * noise;
        }
        return (t, y);
    }

    /// <summary>a, k, c and σ each within 10% of the truth: the noise is small enough for that even at n = 200.</summary>
    private static bool Close(double[] p)
    {
        double[] estimate = [p[0], p[1], p[2], Math.Exp(p[3])];
        double[] truth = [Truth[0], Truth[1], Truth[2], Math.Exp(Truth[3])];
        return estimate.Zip(truth).All(pair => Math.Abs(pair.First - pair.Second) < 0.1 * pair.Second);
    }
}
