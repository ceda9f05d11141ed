using System.Collections.Generic;
using SourceGen.Autodiff.EndToEnd.Tests.Corpus;
using Xunit;

namespace SourceGen.Autodiff.EndToEnd.Tests;

/// <summary>
/// Parameters of any type the method only reads (DataCorpus): no gradient buffer, passed to every
/// generated member unchanged; the gradients are checked against central finite differences.
/// </summary>
public sealed class DataParameterTests
{
    private static readonly int[] Labels = [2, 0, 1, 2];
    private static readonly double[] X = [0.5, -1.25, 2, 0.75];
    private static readonly TrainingSettings Settings = new(0.1, 3, "softmax");
    private static readonly double[] W = [0.3, -0.2, 0.7];

    private static readonly double[,] Normals = { { 1, 0, 0 }, { 0, 0.6, 0.8 }, { 0.48, 0.6, 0.64 } };
    private static readonly List<double> Offsets = [0.5, -1, 2];
    private static readonly double[] P = [1.5, -0.5, 2.25];

    [Theory]
    [InlineData(Reduction.Sum)]
    [InlineData(Reduction.Mean)]
    public void Labels_settings_and_an_enum_are_data(Reduction reduction)
    {
        double[] numeric = FiniteDifference.Gradient(w => DataCorpus.LabelledLoss(w, Labels, X, Settings, reduction), (double[])W.Clone());
        double[] gradient = DataCorpus.LabelledLossGradient(W, Labels, X, Settings, reduction);
        AssertClose(numeric, gradient);

        var buffer = new double[W.Length];
        double value = DataCorpus.LabelledLossBackward(W, Labels, X, Settings, reduction, 2, buffer);
        Assert.Equal(DataCorpus.LabelledLoss(W, Labels, X, Settings, reduction), value, 12);
        AssertClose(Scale(numeric, 2), buffer);

        var pullback = DataCorpus.LabelledLossPullback(W, Labels, X, Settings, reduction);
        var fromPullback = new double[W.Length];
        pullback.Backward(1, fromPullback);
        AssertClose(numeric, fromPullback);
    }

    [Fact]
    public void A_matrix_and_a_read_only_list_are_data()
    {
        double[] numeric = FiniteDifference.Gradient(p => DataCorpus.PlaneDistances(p, Normals, Offsets), (double[])P.Clone());
        AssertClose(numeric, DataCorpus.PlaneDistancesGradient(P, Normals, Offsets));

        var pullback = DataCorpus.PlaneDistancesPullback(P, Normals, Offsets);
        var buffer = new double[P.Length];
        pullback.Backward(0.5, buffer);
        AssertClose(Scale(numeric, 0.5), buffer);
    }

    [Fact]
    public void A_string_and_a_list_are_data_in_straight_line_code()
    {
        var counts = new List<int> { 3 };
        double numeric = FiniteDifference.Derivative(x => DataCorpus.Tagged(x, "four", counts), 1.5);
        Assert.Equal(numeric, DataCorpus.TaggedGradient(1.5, "four", counts), 6);
        Assert.Equal(2 * 1.5 * 4 + 3, DataCorpus.TaggedGradient(1.5, "four", counts), 12);
    }

    [Fact]
    public void Data_passes_on_to_another_differentiable_method()
    {
        double[] numeric = FiniteDifference.Gradient(w => DataCorpus.Margins(w, Labels, X), (double[])W.Clone());
        AssertClose(numeric, DataCorpus.MarginsGradient(W, Labels, X));
        var pullback = DataCorpus.MarginsPullback(W, Labels, X);
        var buffer = new double[W.Length];
        pullback.Backward(1, buffer);
        AssertClose(numeric, buffer);
    }

    private static double[] Scale(double[] values, double factor)
    {
        var scaled = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            scaled[i] = values[i] * factor;
        }
        return scaled;
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(System.Math.Abs(expected[i] - actual[i]) <= 1e-6 * (1 + System.Math.Abs(expected[i])), $"[{i}]: expected {expected[i]}, got {actual[i]}");
        }
    }
}
