using System;
using System.Linq;
using SourceGen.Autodiff.EndToEnd.Tests.Corpus.Natural;
using Xunit;
using static SourceGen.Autodiff.EndToEnd.Tests.Harness.GradientAssert;

namespace SourceGen.Autodiff.EndToEnd.Tests;

/// <summary>The programs of Corpus/Natural/Sciences.cs against central finite differences.</summary>
public sealed class NaturalSciencesTests
{
    [Fact]
    public void Fir_filter_output_energy()
    {
        double[] signal = Enumerable.Range(0, 30).Select(i => Math.Sin(0.4 * i) + 0.1 * i % 3).ToArray();
        double[] taps = [0.5, -0.25, 0.125];
        MatchesFiniteDifferences(t => Sciences.FirEnergy(t, signal), taps, Sciences.FirEnergyGradient(taps, signal));
    }

    [Fact]
    public void Haversine_distance_and_ces_utility()
    {
        var (a, b, c, d) = Sciences.HaversineGradient(48.85, 2.35, 51.5, -0.12);
        MatchesFiniteDifferences(v => Sciences.Haversine(v[0], v[1], v[2], v[3]), [48.85, 2.35, 51.5, -0.12], [a, b, c, d], 5);

        double[] q = [1.5, 2, 0.5], shares = [0.3, 0.5, 0.2];
        var (qGrad, sGrad, rhoGrad) = Sciences.CesUtilityGradient(q, shares, 0.6);
        MatchesFiniteDifferences(v => Sciences.CesUtility(v[..3], v[3..6], v[6]), [.. q, .. shares, 0.6], [.. qGrad, .. sGrad, rhoGrad]);
    }

    [Fact]
    public void Arrhenius_kinetics_integrated_with_a_while_loop_on_time()
    {
        var (logA, ea, t, tEnd) = Sciences.ArrheniusConversionGradient(10, 30000, 350, 2);
        MatchesFiniteDifferences(v => Sciences.ArrheniusConversion(v[0], v[1], v[2], 2), [10, 30000, 350], [logA, ea, t], 5);
        // The step count depends on tEnd, but each run of the loop is smooth in it.
        Near(FiniteDifference.Derivative(e => Sciences.ArrheniusConversion(10, 30000, 350, e), 2), tEnd, 5);
    }

    [Theory]
    [InlineData(0.5, 0.5)]
    [InlineData(1.5, 1.5)]
    public void Penalty_objective_on_both_sides_of_the_constraint(double x0, double x1)
    {
        var (xGrad, muGrad) = Sciences.PenaltyObjectiveGradient([x0, x1], 10);
        MatchesFiniteDifferences(v => Sciences.PenaltyObjective(v[..2], v[2]), [x0, x1, 10], [.. xGrad, muGrad]);
    }

    [Fact]
    public void Erlang_c_waiting_probability()
    {
        var (lambdaGrad, muGrad) = Sciences.ErlangCGradient(4, 1.5, 4);
        MatchesFiniteDifferences(v => Sciences.ErlangC(v[0], v[1], 4), [4, 1.5], [lambdaGrad, muGrad]);
    }

    [Fact]
    public void Exponential_decay_fit_residual()
    {
        double[] t = [0, 0.5, 1, 2, 3], y = [3.1, 2.2, 1.7, 1.1, 0.9];
        double[] p = [2.5, 0.8, 0.6];
        MatchesFiniteDifferences(v => Sciences.GaussNewtonResidual(v, t, y), p, Sciences.GaussNewtonResidualGradient(p, t, y));
    }

    [Theory]
    [InlineData(-30)]
    [InlineData(-0.5)]
    [InlineData(2)]
    public void Log_sigmoid_on_both_branches(double x)
    {
        Near(1 / (1 + Math.Exp(x)), Sciences.LogsigGradient(x), 12);
    }

    [Fact]
    public void Elastic_rod_with_a_carried_previous_angle()
    {
        double[] theta = [0.1, 0.4, 0.2, -0.3];
        var (thetaGrad, kGrad) = Sciences.ElasticRodGradient(theta, 2);
        MatchesFiniteDifferences(v => Sciences.ElasticRod(v[..4], v[4]), [.. theta, 2], [.. thetaGrad, kGrad]);
    }
}
