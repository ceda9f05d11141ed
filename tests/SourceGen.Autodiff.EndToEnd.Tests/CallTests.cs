#if CALLS
using SourceGen.Autodiff.EndToEnd.Tests.Corpus;
using SourceGen.Autodiff.EndToEnd.Tests.Harness;
using Xunit;

namespace SourceGen.Autodiff.EndToEnd.Tests;

/// <summary>What the corpus checks of calls cannot express: a stopped argument, and allocation of nested backwards.</summary>
public sealed class CallTests
{
    /// <summary>StoppedArgument(x, y) = Product(stop(x), y) + Square(x): ∂/∂x = 2x (finite differences would add y).</summary>
    [Fact]
    public void A_stopped_argument_gets_nothing_from_the_callee()
    {
        double xGrad = 0, yGrad = 0;
        double value = CallCorpus.StoppedArgumentBackward(1.5, -2, 0.7, ref xGrad, ref yGrad);
        Assert.Equal(1.5 * -2 + 1.5 * 1.5, value, 12);
        Assert.Equal(0.7 * 2 * 1.5, xGrad, 12);
        Assert.Equal(0.7 * 1.5, yGrad, 12);
        Assert.Equal((2 * 1.5, 1.5), CallCorpus.StoppedArgumentGradient(1.5, -2));
    }

    [Fact]
    public void Nested_backwards_with_span_signatures_allocate_nothing_in_steady_state()
    {
        double[] x = [0.3, 2.1, -1, 1.7], grad = new double[4], points = [0.8, -1.1, 0.4], c = [1, -2, 0.5, 3];
        double[] pointsGrad = new double[3], cGrad = new double[4];
        double wGrad = 0, uGrad = 0;
        void Run()
        {
            CallCorpus.SpanToOtherClassesBackward(x, 0.7, grad);
            CallCorpus.HornerAtEachPointBackward(points, c, 0.7, pointsGrad, cGrad);
            CallCorpus.RecurrenceByCellsBackward(0.8, -0.6, x, 0.7, ref wGrad, ref uGrad, grad);
            CallCorpus.SquareInLoopBackward(x, 0.7, grad);
        }

        Assert.Equal(0, Allocations.InSteadyState(Run));
    }
}
#endif
