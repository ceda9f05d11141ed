#if FLOAT
using SourceGen.Autodiff.EndToEnd.Tests.Cases;
using SourceGen.Autodiff.EndToEnd.Tests.Harness;
using Xunit;

namespace SourceGen.Autodiff.EndToEnd.Tests;

/// <summary>Every float corpus method's generated methods against double references, at float tolerances.</summary>
public sealed class FloatTests
{
    [Theory]
    [MemberData(nameof(FloatCases.Names), MemberType = typeof(FloatCases))]
    public void Backward_returns_the_float_methods_result(string name) => FloatChecks.BackwardReturnsTheResult(FloatCases.Get(name));

    [Theory]
    [MemberData(nameof(FloatCases.Names), MemberType = typeof(FloatCases))]
    public void Backward_matches_the_double_reference(string name) => FloatChecks.BackwardMatchesTheReference(FloatCases.Get(name));

    [Theory]
    [MemberData(nameof(FloatCases.Names), MemberType = typeof(FloatCases))]
    public void Backward_adds_into_its_buffers(string name) => FloatChecks.BackwardAddsIntoBuffers(FloatCases.Get(name));

    [Theory]
    [MemberData(nameof(FloatCases.WithGradient), MemberType = typeof(FloatCases))]
    public void Gradient_matches_the_double_reference(string name) => FloatChecks.GradientMatchesTheReference(FloatCases.Get(name));

    [Theory]
    [MemberData(nameof(FloatCases.Names), MemberType = typeof(FloatCases))]
    public void Pullback_backward_twice_gives_twice(string name) => FloatChecks.PullbackBackwardTwiceGivesTwice(FloatCases.Get(name));

    [Theory]
    [MemberData(nameof(FloatCases.WithJacobian), MemberType = typeof(FloatCases))]
    public void Jacobian_matches_the_double_reference(string name) => FloatChecks.JacobianMatchesTheReference(FloatCases.Get(name));

    [Fact]
    public void Float_backward_allocates_nothing_in_steady_state()
    {
        float[] x = [0.5f, -1.25f, 1, 0.25f, 2, -0.75f], grad = new float[6];
        float wGrad = 0, uGrad = 0;
        void Run()
        {
            Corpus.FloatCorpus.RosenbrockBackward(x, 0.75f, grad);
            Corpus.FloatCorpus.RecurrenceBackward(0.75f, -0.5f, x, 0.75f, ref wGrad, ref uGrad, grad);
            Corpus.FloatCorpus.LogSumExpBackward(x, 0.75f, grad);
        }

        Assert.Equal(0, Allocations.InSteadyState(Run));
    }
}
#endif
