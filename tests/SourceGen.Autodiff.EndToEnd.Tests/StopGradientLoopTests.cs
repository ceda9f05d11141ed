using SourceGen.Autodiff.EndToEnd.Tests.Corpus;
using Xunit;

namespace SourceGen.Autodiff.EndToEnd.Tests;

/// <summary>
/// Gradient.Stop inside a loop (ControlFlowCorpus.StopInLoop, Σ xᵢ·stop(xᵢ)). Not a corpus case:
/// finite differences of the method see through the stop (they give 2xᵢ), so the checks here
/// use the exact gradient with the stopped factor held constant: xᵢ.
/// </summary>
public sealed class StopGradientLoopTests
{
    private static readonly double[] X = [1.5, -2, 0.25, 3];

    [Fact]
    public void Backward_treats_the_stopped_factor_as_a_constant()
    {
        double[] grad = [0.5, 0.5, 0.5, 0.5];
        double value = ControlFlowCorpus.StopInLoopBackward(X, 0.7, grad);
        Assert.Equal(1.5 * 1.5 + 4 + 0.0625 + 9, value, 12);
        Assert.Equal([0.5 + 0.7 * 1.5, 0.5 - 0.7 * 2, 0.5 + 0.7 * 0.25, 0.5 + 0.7 * 3], grad, (a, b) => System.Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void Gradient_is_x_not_2x()
    {
        Assert.Equal(X, ControlFlowCorpus.StopInLoopGradient(X), (a, b) => System.Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void Pullback_backward_twice_gives_twice()
    {
        var pullback = ControlFlowCorpus.StopInLoopPullback(X);
        var grad = new double[X.Length];
        pullback.Backward(0.7, grad);
        pullback.Backward(0.7, grad);
        Assert.Equal([1.4 * 1.5, -1.4 * 2, 1.4 * 0.25, 1.4 * 3], grad, (a, b) => System.Math.Abs(a - b) < 1e-12);
    }
}
