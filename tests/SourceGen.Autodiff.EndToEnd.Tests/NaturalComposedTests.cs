using SourceGen.Autodiff.EndToEnd.Tests.Corpus.Natural;
using Xunit;
using static SourceGen.Autodiff.EndToEnd.Tests.Harness.GradientAssert;

namespace SourceGen.Autodiff.EndToEnd.Tests;

/// <summary>The programs of Corpus/Natural/Composed.cs against central finite differences.</summary>
public sealed class NaturalComposedTests
{
    [Fact]
    public void Alignment_of_two_normalized_vectors()
    {
        double[] a = [1, 2, -0.5], b = [0.5, -1, 3];
        var (aGrad, bGrad) = Composed.AlignmentGradient(a, b);
        MatchesFiniteDifferences(v => Composed.Alignment(v[..3], v[3..]), [.. a, .. b], [.. aGrad, .. bGrad]);
    }

    [Fact]
    public void Attention_through_a_softmax_helper()
    {
        double[] q = [0.7, 0.2], k = [0.3, -0.4, 1.2], v = [1, 2, 3];
        var (qGrad, kGrad, vGrad) = Composed.AttentionGradient(q, k, v);
        MatchesFiniteDifferences(p => Composed.Attention(p[..2], p[2..5], p[5..]), [.. q, .. k, .. v], [.. qGrad, .. kGrad, .. vGrad]);
    }

    [Fact]
    public void Path_length_through_a_tuple_helper_with_a_tuple_carry()
    {
        double[] r = [1, 1.5, 2, 2.5], theta = [0, 0.4, 0.9, 1.3];
        var (rGrad, thetaGrad) = Composed.PathLengthGradient(r, theta);
        MatchesFiniteDifferences(p => Composed.PathLength(p[..4], p[4..]), [.. r, .. theta], [.. rGrad, .. thetaGrad]);
    }

    [Fact]
    public void Diffusion_with_swapped_buffers_and_an_extension_sum()
    {
        double[] u0 = [0, 1, 0.5, 2, 0];
        var (u0Grad, alphaGrad) = Composed.DiffuseGradient(u0, 0.2, 7);
        MatchesFiniteDifferences(p => Composed.Diffuse(p[..5], p[5], 7), [.. u0, 0.2], [.. u0Grad, alphaGrad]);
    }
}
