using System;
using System.Linq;
using SourceGen.Autodiff.EndToEnd.Tests.Corpus.Natural;
using Xunit;
using static SourceGen.Autodiff.EndToEnd.Tests.Harness.GradientAssert;

namespace SourceGen.Autodiff.EndToEnd.Tests;

/// <summary>The practitioners' programs of Corpus/Natural/Practitioners.cs against central finite differences.</summary>
public sealed class NaturalPractitionerTests
{
    [Theory]
    [InlineData(100, 95, 0.02, 0.3, 0.5)]
    [InlineData(80, 100, 0.05, 0.2, 2)]
    public void Black_scholes_greeks(double s, double k, double r, double sigma, double t)
    {
        var (delta, dk, rho, vega, theta) = Finance.BlackScholesCallGradient(s, k, r, sigma, t);
        MatchesFiniteDifferences(v => Finance.BlackScholesCall(v[0], v[1], v[2], v[3], v[4]), [s, k, r, sigma, t], [delta, dk, rho, vega, theta], 5);
    }

    [Fact]
    public void Asian_call_pathwise_greeks_with_normals_as_data()
    {
        var random = new Random(7);
        const int steps = 12;
        double[] normals = Enumerable.Range(0, 40 * steps).Select(_ => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())).ToArray();
        double[] point = [100, 0.25, 0.03, 95, 1];
        var (ds, dvol, drate, dstrike, dt) = Finance.AsianCallGradient(point[0], point[1], point[2], point[3], point[4], normals, steps);
        MatchesFiniteDifferences(v => Finance.AsianCall(v[0], v[1], v[2], v[3], v[4], normals, steps), point, [ds, dvol, drate, dstrike, dt], 5);
    }

    [Fact]
    public void Bond_price_key_rate_durations()
    {
        double[] tenors = [0, 1, 2, 3, 5, 7];
        double[] zero = [0.01, 0.015, 0.02, 0.024, 0.03, 0.032];
        var (zeroGrad, couponGrad, maturityGrad) = Finance.BondPriceGradient(zero, tenors, 4, 5);
        MatchesFiniteDifferences(z => Finance.BondPrice(z, tenors, 4, 5), zero, zeroGrad);
        Assert.Equal(FiniteDifference.Derivative(c => Finance.BondPrice(zero, tenors, c, 5), 4), couponGrad, 6);
        // The price depends on the maturity only through which cash flows exist: a step function.
        Assert.Equal(0, maturityGrad);
    }

    [Fact]
    public void Regularized_logistic_loss_over_jagged_features()
    {
        double[][] x = [[0.5, -1, 2], [1.5, 0.25, -0.5], [-1, 1, 1], [0.1, 0.2, 0.3]];
        int[] y = [1, 0, 1, 0];
        double[] w = [0.3, -0.2, 0.1];
        var (wGrad, bGrad, lambdaGrad) = ML.LogisticLossGradient(w, 0.05, x, y, 0.1);
        MatchesFiniteDifferences(v => ML.LogisticLoss(v[..3], v[3], x, y, v[4]), [.. w, 0.05, 0.1], [.. wGrad, bGrad, lambdaGrad]);
    }

    [Fact]
    public void Two_layer_perceptron_with_relu()
    {
        var random = new Random(3);
        double[] w1 = Enumerable.Range(0, 12).Select(_ => random.NextDouble() - 0.5).ToArray();
        double[] b1 = [0.1, -0.05, 0.2, 0.3];
        double[] w2 = [0.5, -0.4, 0.3, 0.8];
        double[] x = [1, -0.5, 2];
        var (w1Grad, b1Grad, w2Grad, b2Grad, targetGrad) = ML.MlpGradient(w1, b1, w2, 0.1, x, 0.7);
        MatchesFiniteDifferences(v => ML.Mlp(v[..12], v[12..16], v[16..20], v[20], x, v[21]), [.. w1, .. b1, .. w2, 0.1, 0.7], [.. w1Grad, .. b1Grad, .. w2Grad, b2Grad, targetGrad]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Softmax_cross_entropy_with_a_running_maximum(int label)
    {
        double[] logits = [1.5, -0.25, 3, 0.5];
        double[] gradient = ML.SoftmaxCrossEntropyGradient(logits, label);
        MatchesFiniteDifferences(v => ML.SoftmaxCrossEntropy(v, label), logits, gradient);
        double total = logits.Sum(l => Math.Exp(l));
        Assert.Equal(Math.Exp(logits[label]) / total - 1, gradient[label], 12);
    }

    [Fact]
    public void Spring_network_energy_forces()
    {
        double[] pos = [0, 0, 0, 1.1, 0, 0, 0, 0.9, 0.1, 0.5, 0.5, 1.2];
        int[] edges = [0, 1, 0, 2, 1, 2, 2, 3, 1, 3];
        double[] rest = [1, 1, 1.4, 1.2, 1.3];
        var (posGrad, kGrad) = Physics.SpringEnergyGradient(pos, edges, rest, 3);
        MatchesFiniteDifferences(v => Physics.SpringEnergy(v[..12], edges, rest, v[12]), [.. pos, 3], [.. posGrad, kGrad]);
        Assert.Equal(0, posGrad.Where((_, i) => i % 3 == 0).Sum(), 12);
    }

    [Fact]
    public void Projectile_range_with_drag_integrated_until_it_lands()
    {
        var (v0Grad, angleGrad, dragGrad) = Physics.RangeGradient(30, 0.7, 0.02);
        MatchesFiniteDifferences(v => Physics.Range(v[0], v[1], v[2]), [30, 0.7, 0.02], [v0Grad, angleGrad, dragGrad], 5);
    }

    [Fact]
    public void Gaussian_negative_log_likelihood_over_foreach()
    {
        double[] data = [1.2, 0.7, 2.5, 1.9, 0.3];
        var (muGrad, logSigmaGrad) = Stats.NegLogLikelihoodGradient(1.1, -0.2, data);
        MatchesFiniteDifferences(v => Stats.NegLogLikelihood(v[0], v[1], data), [1.1, -0.2], [muGrad, logSigmaGrad]);
    }

    [Fact]
    public void Poisson_regression_over_a_2d_design_matrix()
    {
        double[,] x = { { 1, 0.5 }, { 1, -0.3 }, { 1, 1.2 }, { 1, 0.1 } };
        int[] counts = [2, 0, 5, 1];
        double[] beta = [0.2, 0.6];
        MatchesFiniteDifferences(b => Stats.PoissonRegressionNll(b, x, counts), beta, Stats.PoissonRegressionNllGradient(beta, x, counts));
    }

    [Fact]
    public void Planar_arm_reach_error()
    {
        double[] theta = [0.3, -0.5, 0.8];
        double[] lengths = [1, 0.8, 0.5];
        var (thetaGrad, txGrad, tyGrad) = Robotics.ReachErrorGradient(theta, lengths, 1.2, 0.9);
        MatchesFiniteDifferences(v => Robotics.ReachError(v[..3], lengths, v[3], v[4]), [.. theta, 1.2, 0.9], [.. thetaGrad, txGrad, tyGrad]);
    }

    [Fact]
    public void Harmonic_chain_integrated_from_a_cloned_start()
    {
        double[] q0 = [0.1, -0.2, 0.3, 0.05];
        var (q0Grad, omegaGrad, dtGrad) = Physics.HarmonicChainRk4Gradient(q0, 1.3, 20, 0.05);
        MatchesFiniteDifferences(v => Physics.HarmonicChainRk4(v[..4], v[4], 20, v[5]), [.. q0, 1.3, 0.05], [.. q0Grad, omegaGrad, dtGrad]);
        Assert.Equal([0.1, -0.2, 0.3, 0.05], q0);
    }
}
