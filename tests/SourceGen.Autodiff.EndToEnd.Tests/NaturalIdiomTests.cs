using System;
using System.Linq;
using SourceGen.Autodiff.EndToEnd.Tests.Corpus.Natural;
using Xunit;
using static SourceGen.Autodiff.EndToEnd.Tests.Harness.GradientAssert;

namespace SourceGen.Autodiff.EndToEnd.Tests;

/// <summary>The programs of Corpus/Natural/Idioms.cs against central finite differences (or exact values).</summary>
public sealed class NaturalIdiomTests
{
    [Fact]
    public void A_local_naming_a_row_of_jagged_data()
    {
        double[][] x = [[0.5, -1, 2], [1.5, 0.25, -0.5], [-1, 1, 1]];
        double[] w = [0.3, -0.2, 0.1];
        MatchesFiniteDifferences(v => Idioms.RowDot(v, x), w, Idioms.RowDotGradient(w, x));
    }

    [Fact]
    public void Leapfrog_energy_and_a_tuple_recurrence()
    {
        var (q, p, k) = Idioms.LeapfrogGradient(1, 0.5, 2, 25);
        MatchesFiniteDifferences(v => Idioms.Leapfrog(v[0], v[1], v[2], 25), [1, 0.5, 2], [q, p, k]);

        var (a, b) = Idioms.RecurrenceGradient(0.7, 1.3, 6);
        MatchesFiniteDifferences(v => Idioms.Recurrence(v[0], v[1], 6), [0.7, 1.3], [a, b]);
        Assert.Equal(0.7 * 1.3 * 0 + 1.3 * 1, Idioms.RecurrenceGradient(0.7, 1.3, 0).a, 12);
    }

    [Fact]
    public void Settings_record_and_list_as_data()
    {
        var settings = new Settings(0.3, 8);
        Near(FiniteDifference.Derivative(x => Idioms.WithSettings(x, settings), 1.2), Idioms.WithSettingsGradient(1.2, settings));
        double[] weights = [0.5, 1.5, 2];
        Near(FiniteDifference.Derivative(x => Idioms.ListSum(x, weights), 0.4), Idioms.ListSumGradient(0.4, weights.ToList()));
    }

    [Fact]
    public void Argmax_pooling_and_log_sum_exp()
    {
        double[] x = [0.5, 2.5, -1, 1.75];
        MatchesFiniteDifferences(Idioms.MaxPool, x, Idioms.MaxPoolGradient(x));
        MatchesFiniteDifferences(v => Idioms.LogSumExp(v), x, Idioms.LogSumExpGradient(x));
    }

    [Fact]
    public void Helpers_calling_helpers()
    {
        double[] a = [1, 2, -0.5], b = [0.5, -1, 3];
        var (aGrad, bGrad) = Idioms.CosineSimilarityGradient(a, b);
        MatchesFiniteDifferences(v => Idioms.CosineSimilarity(v[..3], v[3..]), [.. a, .. b], [.. aGrad, .. bGrad]);
        Near(1 / (1 + Math.Exp(-0.3)) * (1 - 1 / (1 + Math.Exp(-0.3))), Idioms.SigmoidGradient(0.3), 12);
        Near(1, Idioms.SoftplusGradient(25), 12);

        double[] xs = [0.1, 0.5, 0.9], ys = [0, 1, 1];
        MatchesFiniteDifferences(v => Idioms.Mse(v, xs, ys), [0.8, -0.2], Idioms.MseGradient([0.8, -0.2], xs, ys));

        var (lower, upper) = Idioms.TrapezoidGradient(-0.5, 1.5, 40);
        MatchesFiniteDifferences(v => Idioms.Trapezoid(v[0], v[1], 40), [-0.5, 1.5], [lower, upper]);
    }

    [Fact]
    public void Gram_schmidt_residual_and_an_rk4_step_into_a_span()
    {
        double[] u = [1, 0.5, -0.25], v = [0.2, 1, 0.7];
        var (uGrad, vGrad) = Idioms.GramSchmidtNormGradient(u, v);
        MatchesFiniteDifferences(p => Idioms.GramSchmidtNorm(p[..3], p[3..]), [.. u, .. v], [.. uGrad, .. vGrad]);

        double[] y = [1.3];
        var next = new double[1];
        var yGrad = new double[1];
        double tGrad = 0, hGrad = 0;
        Idioms.Rk4StepBackward(y, 0.4, 0.1, next, [1], yGrad, ref tGrad, ref hGrad);
        double Step(double y0, double t, double h) { var o = new double[1]; Idioms.Rk4Step([y0], t, h, o); return o[0]; }
        MatchesFiniteDifferences(p => Step(p[0], p[1], p[2]), [1.3, 0.4, 0.1], [yGrad[0], tGrad, hGrad]);
    }
}

public sealed class NaturalCheckTests
{
    [Fact]
    public void Coalescing_throws_run_where_written()
    {
        double[] x = [3, 4];
        var settings = new Settings(2, 1);
        double[] gradient = Checked.ScaledNormGradient(x, settings, "m");
        Assert.Equal(2 * 3 / 5.0, gradient[0], 12);
        Assert.Equal(2 * 4 / 5.0, gradient[1], 12);
        Assert.Equal("settings", Assert.Throws<ArgumentNullException>(() => Checked.ScaledNormGradient(x, null!, "m")).ParamName);
        Assert.Equal("unit", Assert.Throws<ArgumentNullException>(() => Checked.ScaledNormPullback(x, settings, null!)).ParamName);
    }
}
