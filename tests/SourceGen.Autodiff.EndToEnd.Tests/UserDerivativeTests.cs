#if USER_DERIVATIVES
using SourceGen.Autodiff.EndToEnd.Tests.Corpus;
using Xunit;

namespace SourceGen.Autodiff.EndToEnd.Tests;

/// <summary>
/// The registered derivative is what the generated code uses, even where it is not the true
/// derivative: Quantized(x) = round(4x)·x with the straight-through estimator (round' := 1)
/// has the generated gradient 4x + round(4x), where finite differences see round(4x).
/// </summary>
public sealed class UserDerivativeTests
{
    private const double X = 0.3; // round(1.2) = 1

    [Fact]
    public void Gradient_follows_the_registered_straight_through_derivative()
    {
        Assert.Equal(4 * X + 1, UserDerivativeCorpus.QuantizedGradient(X), 12);
        Assert.Equal(1, FiniteDifference.Derivative(UserDerivativeCorpus.Quantized, X), 6); // what the function itself does
    }

    [Fact]
    public void Backward_returns_the_value_and_adds_the_seeded_derivative()
    {
        double xGrad = 0.5;
        Assert.Equal(X, UserDerivativeCorpus.QuantizedBackward(X, 0.7, ref xGrad), 12);
        Assert.Equal(0.5 + 0.7 * (4 * X + 1), xGrad, 12);
    }

    [Fact]
    public void Pullback_backward_twice_gives_twice()
    {
        var pullback = UserDerivativeCorpus.QuantizedPullback(X);
        Assert.Equal(X, pullback.Value, 12);
        double xGrad = 0;
        pullback.Backward(0.7, ref xGrad);
        pullback.Backward(0.7, ref xGrad);
        Assert.Equal(1.4 * (4 * X + 1), xGrad, 12);
    }
}
#endif
