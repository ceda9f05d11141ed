using SourceGen.Autodiff.Generator.Tests.Harness;
using SourceGen.Autodiff.Generator.Tests.Robustness;
using Xunit;

namespace SourceGen.Autodiff.Generator.Tests;

/// <summary>Minimal repros of generator bugs found by the robustness tests, kept as regression tests.</summary>
public sealed class GeneratorBugTests
{
    [Fact]
    public void A_method_in_invalid_global_code_does_not_crash_the_generator()
    {
        var run = GeneratorHarness.Run(KnownGeneratorBugs.InvalidGlobalCodeHintName.Repro);

        Assert.True(run.Exceptions.IsEmpty, run.Describe());
    }

    [Fact]
    public void Methods_whose_names_differ_only_in_case_do_not_crash_the_generator()
    {
        var run = GeneratorHarness.Run(KnownGeneratorBugs.HintNamesEqualIgnoringCase.Repro);

        Assert.True(run.Exceptions.IsEmpty, run.Describe());
        Assert.Equal(2, run.Sources.Length);
    }
}
