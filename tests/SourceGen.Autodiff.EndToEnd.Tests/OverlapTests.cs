using System;
using SourceGen.Autodiff.EndToEnd.Tests.Corpus;
using Xunit;

namespace SourceGen.Autodiff.EndToEnd.Tests;

/// <summary>
/// A buffer a generated member writes (a Span output, a gradient buffer) that shares memory with
/// another argument throws ArgumentException naming both, before anything is written: aliasing
/// would otherwise give a silently wrong gradient.
/// </summary>
public sealed class OverlapTests
{
    private const double Sentinel = 42;

    [Fact]
    public void Gradient_buffer_overlapping_its_input()
    {
        double[] x = [1.5, -2, 0.25];
        var e = Assert.ThrowsAny<ArgumentException>(() => ArrayCorpus.ArrayReadsBackward(x, 1, x));
        AssertNames(e, "xGrad", "x");
        Assert.Equal([1.5, -2, 0.25], x);
    }

    [Fact]
    public void Gradient_buffer_overlapping_another_input_in_part()
    {
        double[] storage = [1.5, -2, Sentinel, Sentinel];
        double[] bGrad = [Sentinel, Sentinel];
        var e = Assert.ThrowsAny<ArgumentException>(() => ArrayCorpus.SpanDotBackward(storage.AsSpan(0, 2), bGrad, 1, storage.AsSpan(1, 2), bGrad.AsSpan()));
        Assert.Contains("share memory", e.Message);
        Assert.Equal([1.5, -2, Sentinel, Sentinel], storage);
    }

    [Fact]
    public void Two_gradient_buffers_sharing_memory()
    {
        double[] grads = [Sentinel, Sentinel];
        var e = Assert.ThrowsAny<ArgumentException>(() => ArrayCorpus.SpanDotBackward([1.5, -2], [0.25, 3], 1, grads, grads));
        AssertNames(e, "aGrad", "bGrad");
        Assert.Equal([Sentinel, Sentinel], grads);
    }

    [Fact]
    public void Span_output_overlapping_the_input()
    {
        double[] x = [1.5, -2];
        double[] xGrad = [Sentinel, Sentinel];
        var e = Assert.ThrowsAny<ArgumentException>(() => ArrayCorpus.SpanOutputBackward(x, x, new double[x.Length], xGrad));
        AssertNames(e, "y", "x");
        Assert.Equal([1.5, -2], x);
        Assert.Equal([Sentinel, Sentinel], xGrad);
    }

    [Fact]
    public void Seed_overlapping_a_gradient_buffer()
    {
        double[] shared = [1, 1];
        var e = Assert.ThrowsAny<ArgumentException>(() => ArrayCorpus.SpanOutputBackward([1.5, -2], new double[2], shared, shared));
        AssertNames(e, "xGrad", "seed");
        Assert.Equal([1, 1], shared);
    }

    [Fact]
    public void Scalar_gradient_buffer_aliasing_an_element_of_a_span_buffer()
    {
        double[] wGrad = [Sentinel, Sentinel, Sentinel];
        var e = Assert.ThrowsAny<ArgumentException>(() => ScalarCorpus.LossBackward([0.3, -0.2, 0.9], 0.1, [0.5, -1, 2], 1, wGrad, ref wGrad[1]));
        AssertNames(e, "wGrad", "bGrad");
        Assert.Equal([Sentinel, Sentinel, Sentinel], wGrad);
    }

    [Fact]
    public void Tensor_gradient_that_is_the_input_tensor()
    {
        var x = Tensor.From(new double[,] { { 1, 2, 3 } });
        var e = Assert.ThrowsAny<ArgumentException>(() => TensorCorpus.QuadraticBackward(x, Tensor.Ones(1, 3), x));
        AssertNames(e, "xGrad", "x");
        Assert.Equal([1.0, 2, 3], x.AsReadOnlySpan().ToArray());
    }

    [Fact]
    public void Pullback_backward_with_a_seed_overlapping_the_buffer()
    {
        var pullback = ArrayCorpus.SpanOutputPullback([1.5, -2], new double[2]);
        double[] shared = [1, 1];
        var e = Assert.ThrowsAny<ArgumentException>(() => pullback.Backward(shared, shared));
        AssertNames(e, "xGrad", "seed");
        Assert.Equal([1, 1], shared);
    }

    [Fact]
    public void Pullback_with_the_output_overlapping_the_input()
    {
        double[] x = [1.5, -2];
        var e = Assert.ThrowsAny<ArgumentException>(() => ArrayCorpus.SpanOutputPullback(x, x));
        AssertNames(e, "y", "x");
        Assert.Equal([1.5, -2], x);
    }

    [Fact]
    public void Separate_buffers_side_by_side_in_one_array_are_fine()
    {
        double[] storage = [1.5, -2, 0, 0];
        ArrayCorpus.SpanDotBackward(storage.AsSpan(0, 2), [0.25, 3], 1, storage.AsSpan(2, 2), new double[2]);
        Assert.Equal([1.5, -2, 0.25, 3], storage);
    }

    private static void AssertNames(ArgumentException e, string written, string other)
    {
        Assert.Contains($"{written} and {other} share memory", e.Message);
        Assert.Equal(written, e.ParamName);
    }
}
