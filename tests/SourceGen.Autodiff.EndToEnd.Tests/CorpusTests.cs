using System.Linq;
using System.Reflection;
using SourceGen.Autodiff.EndToEnd.Tests.Cases;
using SourceGen.Autodiff.EndToEnd.Tests.Harness;
using Xunit;

namespace SourceGen.Autodiff.EndToEnd.Tests;

/// <summary>Every generated method of every corpus case against finite differences and hand-derived formulas.</summary>
public sealed class CorpusTests
{
    [Theory]
    [MemberData(nameof(CorpusCases.Names), MemberType = typeof(CorpusCases))]
    public void Backward_returns_the_methods_result(string name) => DiffChecks.BackwardReturnsTheResult(CorpusCases.Get(name));

    [Theory]
    [MemberData(nameof(CorpusCases.Names), MemberType = typeof(CorpusCases))]
    public void Backward_matches_central_differences(string name) => DiffChecks.BackwardMatchesFiniteDifferences(CorpusCases.Get(name));

    [Theory]
    [MemberData(nameof(CorpusCases.WithExactVjp), MemberType = typeof(CorpusCases))]
    public void Backward_matches_the_hand_derived_gradient(string name) => DiffChecks.BackwardMatchesExactFormula(CorpusCases.Get(name));

    [Theory]
    [MemberData(nameof(CorpusCases.Names), MemberType = typeof(CorpusCases))]
    public void Backward_adds_into_its_buffers(string name) => DiffChecks.BackwardAddsIntoBuffers(CorpusCases.Get(name));

    [Theory]
    [MemberData(nameof(CorpusCases.WithGradient), MemberType = typeof(CorpusCases))]
    public void Gradient_matches_central_differences(string name) => DiffChecks.GradientMatchesFiniteDifferences(CorpusCases.Get(name));

    [Theory]
    [MemberData(nameof(CorpusCases.Names), MemberType = typeof(CorpusCases))]
    public void Pullback_backward_twice_gives_twice(string name) => DiffChecks.PullbackBackwardTwiceGivesTwice(CorpusCases.Get(name));

    [Theory]
    [MemberData(nameof(CorpusCases.WithJacobian), MemberType = typeof(CorpusCases))]
    public void Jacobian_matches_central_differences(string name) => DiffChecks.JacobianMatchesFiniteDifferences(CorpusCases.Get(name));

    [Theory]
    [MemberData(nameof(CorpusCases.Names), MemberType = typeof(CorpusCases))]
    public void Case_seed_has_the_results_length(string name)
    {
        DiffCase c = CorpusCases.Get(name);
        Assert.Equal(c.Forward((double[])c.Point.Clone()).Length, c.Seed.Length);
    }

    [Fact]
    public void Corpus_has_at_least_35_differentiable_methods()
    {
        int count = typeof(CorpusTests).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(Corpus.ScalarCorpus).Namespace)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Count(m => m.GetCustomAttribute<DifferentiableAttribute>() is not null);
        Assert.True(count >= 35, $"only {count} [Differentiable] methods in the corpus");
    }
}
