using System;
using System.Text.RegularExpressions;
using SeedWalkthrough;
using SourceGen.Autodiff.EndToEnd.Tests.Corpus;
using Xunit;

namespace SourceGen.Autodiff.EndToEnd.Tests;

/// <summary>
/// A seed or gradient buffer of the wrong size throws ArgumentException naming both sizes,
/// before any gradient is written: every buffer keeps its sentinel values.
/// </summary>
public sealed class ShapeErrorTests
{
    private const double Sentinel = 42;

    [Fact]
    public void Span_seed_of_the_wrong_length()
    {
        double[] xGrad = Filled(2);
        var e = Assert.ThrowsAny<ArgumentException>(() => ArrayCorpus.NewArrayBackward([1.5, -2], new double[2], xGrad));
        AssertNamesBoth(e, "2", "3");
        AssertUntouched(xGrad);
    }

    [Fact]
    public void Span_buffer_of_the_wrong_length()
    {
        double[] xGrad = Filled(2);
        var e = Assert.ThrowsAny<ArgumentException>(() => ArrayCorpus.ArrayReadsBackward([1.5, -2, 0.25], 1, xGrad));
        AssertNamesBoth(e, "2", "3");
        AssertUntouched(xGrad);
    }

    /// <summary>The Backward method sums (weights * x * x) in one loop, not with the operators: it checks the shapes itself.</summary>
    [Fact]
    public void Tensors_of_different_shapes_in_a_fused_sum()
    {
        Tensor xGrad = Tensor.Full(Sentinel, 2, 3);
        var e = Assert.ThrowsAny<ArgumentException>(() => TensorCorpus.WeightedSumBackward(Tensor.Ones(2, 3), Tensor.Ones(3, 2), 1, xGrad));
        Assert.Contains("weights", e.Message);
        Assert.Contains("x", e.Message);
        Assert.All(xGrad.AsReadOnlySpan().ToArray(), v => Assert.Equal(Sentinel, v));
    }

    [Fact]
    public void Second_buffer_wrong_leaves_the_first_untouched()
    {
        double[] aGrad = Filled(2), bGrad = Filled(3);
        var e = Assert.ThrowsAny<ArgumentException>(() => ArrayCorpus.SpanDotBackward([1.5, -2], [0.25, 3], 1, aGrad, bGrad));
        AssertNamesBoth(e, "3", "2");
        AssertUntouched(aGrad);
        AssertUntouched(bGrad);
    }

    [Fact]
    public void Scalar_buffer_untouched_when_a_span_buffer_is_wrong()
    {
        double[] wGrad = Filled(4);
        double bGrad = Sentinel;
        var e = Assert.ThrowsAny<ArgumentException>(() =>
            ScalarCorpus.LossBackward([0.3, -0.2, 0.9], 0.1, [0.5, -1, 2], 1, wGrad, ref bGrad));
        AssertNamesBoth(e, "4", "3");
        AssertUntouched(wGrad);
        Assert.Equal(Sentinel, bGrad);
    }

    [Fact]
    public void Span_output_seed_of_the_wrong_length()
    {
        double[] xGrad = Filled(2);
        var e = Assert.ThrowsAny<ArgumentException>(() => ArrayCorpus.SpanOutputBackward([1.5, -2], new double[2], new double[3], xGrad));
        AssertNamesBoth(e, "3", "2");
        AssertUntouched(xGrad);
    }

    [Fact]
    public void Tensor_seed_of_the_wrong_shape()
    {
        Tensor xGrad = Tensor.Full(Sentinel, 1, 3);
        var e = Assert.ThrowsAny<ArgumentException>(() => Walkthrough.FBackward(Row3(), Tensor.Ones(2, 1), xGrad));
        AssertNamesBoth(e, "(2, 1)", "(1, 2)");
        AssertUntouched(xGrad.ToArray());
    }

    [Fact]
    public void Tensor_buffer_of_the_wrong_shape()
    {
        Tensor xGrad = Tensor.Full(Sentinel, 3);
        var e = Assert.ThrowsAny<ArgumentException>(() => Walkthrough.FBackward(Row3(), Seed.Ones(1, 2), xGrad));
        AssertNamesBoth(e, "(3)", "(1, 3)");
        AssertUntouched(xGrad.ToArray());
    }

    [Fact]
    public void Tensor_seed_wrong_leaves_the_scalar_buffer_untouched()
    {
        Tensor xGrad = Tensor.Full(Sentinel, 2, 3);
        double sGrad = Sentinel;
        var e = Assert.ThrowsAny<ArgumentException>(() =>
            TensorCorpus.ScaleByActiveScalarBackward(Tensor.Ones(2, 3), 0.8, Tensor.Ones(3, 2), xGrad, ref sGrad));
        AssertNamesBoth(e, "(3, 2)", "(2, 3)");
        AssertUntouched(xGrad.ToArray());
        Assert.Equal(Sentinel, sGrad);
    }

    [Fact]
    public void Pullback_backward_checks_its_seed_too()
    {
        var pullback = Walkthrough.FPullback(Row3());
        Tensor xGrad = Tensor.Full(Sentinel, 1, 3);
        var e = Assert.ThrowsAny<ArgumentException>(() => pullback.Backward(Tensor.Ones(1, 3), xGrad));
        AssertNamesBoth(e, "(1, 3)", "(1, 2)");
        AssertUntouched(xGrad.ToArray());
    }

    [Fact]
    public void Pullback_backward_checks_its_span_buffer_too()
    {
        var pullback = ArrayCorpus.NewArrayPullback([1.5, -2]);
        double[] xGrad = Filled(3);
        var e = Assert.ThrowsAny<ArgumentException>(() => pullback.Backward(new double[3], xGrad));
        AssertNamesBoth(e, "3", "2");
        AssertUntouched(xGrad);
    }

    private static Tensor Row3() => Tensor.FromRowMajor([2.0, 4, 5], 1, 3);

    private static double[] Filled(int length)
    {
        var values = new double[length];
        Array.Fill(values, Sentinel);
        return values;
    }

    private static void AssertUntouched(double[] buffer) => Assert.All(buffer, value => Assert.Equal(Sentinel, value));

    /// <summary>The message names the wrong size and the expected one: lengths as whole numbers, shapes as "(1, 2)".</summary>
    private static void AssertNamesBoth(ArgumentException e, string actual, string expected)
    {
        foreach (string size in new[] { actual, expected })
        {
            if (size.StartsWith('('))
            {
                Assert.Contains(size, e.Message, StringComparison.Ordinal);
            }
            else
            {
                Assert.Matches(new Regex($@"(?<![\d.]){size}(?![\d.])"), e.Message);
            }
        }
    }
}
