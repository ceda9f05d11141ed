using System.IO;
using System.Linq;
using SourceGen.Autodiff.Generator.Tests.Cases;
using SourceGen.Autodiff.Generator.Tests.Harness;
using Xunit;

namespace SourceGen.Autodiff.Generator.Tests;

/// <summary>
/// The generated source of each construct, compared line by line with Baselines/&lt;case&gt;.g.cs.txt
/// (`UPDATE_BASELINES=1 dotnet test` rewrites them; review the diff).
/// </summary>
public sealed class BaselineTests
{
    [Theory]
    [MemberData(nameof(AllCases.Names), MemberType = typeof(AllCases))]
    public void Generated_source_matches_its_baseline_and_compiles_cleanly(string name)
    {
        var run = CaseRuns.Get(AllCases.Get(name));

        Assert.True(run.Exceptions.IsEmpty && run.GeneratorDiagnostics.IsEmpty, run.Describe());
        Assert.True(run.OutputProblems.IsEmpty, "The compilation with the generated source has errors or warnings:\n" + run.Describe());
        Baseline.Verify(name, run.AllSources());
    }

    [Fact]
    public void Every_baseline_file_belongs_to_a_case()
    {
        var names = AllCases.List.Select(c => c.Name + ".g.cs.txt").ToHashSet();
        var stale = Directory.GetFiles(ProjectPaths.BaselineDirectory, "*.g.cs.txt")
            .Select(Path.GetFileName)
            .Where(file => !names.Contains(file!))
            .ToList();

        Assert.True(stale.Count == 0, "Baselines without a case (delete them): " + string.Join(", ", stale));
    }

    [Fact]
    public void Hint_names_are_namespace_type_method()
    {
        var hints = new[] { "NestedTypeInGlobalNamespace", "TensorZerosResult" }
            .Select(name => CaseRuns.Get(AllCases.Get(name)).Sources.Single().HintName);

        Assert.Equal(new[] { "Outer.Inner.Scaled.g.cs", "Cases.Functions.F.g.cs" }, hints);
    }
}
