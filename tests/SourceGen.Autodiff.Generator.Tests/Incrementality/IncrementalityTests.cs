using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SourceGen.Autodiff.Generator.Model;
using SourceGen.Autodiff.Generator.Tests.Harness;
using Xunit;

namespace SourceGen.Autodiff.Generator.Tests.Incrementality;

/// <summary>
/// Edits re-run the generator with the previous run's driver; the tracked steps say what was
/// recomputed. Edits outside [Differentiable] bodies must recompute nothing; an edit inside
/// one method must regenerate that method's file only.
/// </summary>
public sealed class IncrementalityTests
{
    private const string ModelFile = """
        using System;
        using SourceGen.Autodiff;

        namespace Shop;

        public static partial class Model
        {
            [Differentiable]
            public static double Loss(ReadOnlySpan<double> w, double b)
            {
                double z = w[0] * w[1] + b;
                return z * z;
            }

            [Differentiable]
            public static Tensor Scale(Tensor x) => 2 * x + 1;

            public static int Helper(int n)
            {
                return n + 1;
            }
        }

        public static class Other
        {
            public static string Name => "other";
        }

        """;

    private const string SecondFile = """
        namespace Shop;

        public static class Settings
        {
            public static int Count() => 3;
        }

        """;

    public static readonly Dictionary<string, (string Model, string Second)> OutsideEdits = new()
    {
        ["comment between members"] = (ModelFile.Replace("    public static int Helper", "    // A comment.\n    public static int Helper"), SecondFile),
        ["new unrelated method"] = (ModelFile.Replace("    public static int Helper", "    public static double Extra(double v) => v * 3;\n\n    public static int Helper"), SecondFile),
        ["another method's body"] = (ModelFile.Replace("return n + 1;", "return n + 2;"), SecondFile),
        ["new type in the same file"] = (ModelFile + "public sealed class Added\n{\n}\n", SecondFile),
        ["another file"] = (ModelFile, SecondFile.Replace("=> 3;", "=> 4;")),
    };

    public static TheoryData<string> OutsideEditNames() => new(OutsideEdits.Keys);

    [Theory]
    [MemberData(nameof(OutsideEditNames))]
    public void An_edit_outside_differentiable_bodies_reuses_every_tracked_step(string edit)
    {
        var (model, second) = OutsideEdits[edit];
        var first = Run(ModelFile, SecondFile);
        var again = Rerun(first, model, second);

        foreach (var step in TrackedSteps.All)
        {
            var outputs = TrackedSteps.Outputs(again, step);
            Assert.True(outputs.Count == 2, $"{step} should have one output per [Differentiable] method: {TrackedSteps.Describe(again)}");
            Assert.True(outputs.All(o => TrackedSteps.IsReused(o.Reason)), $"After '{edit}': {TrackedSteps.Describe(again)}");
        }
        Assert.Equal(first.Sources.ToArray(), again.Sources.ToArray());
    }

    [Fact]
    public void Reformatting_a_differentiable_body_reuses_its_model()
    {
        var first = Run(ModelFile, SecondFile);
        var reformatted = ModelFile.Replace("double z = w[0] * w[1] + b;", "// The score.\n        double z = w[0]*w[1]   +   b;");
        var again = Rerun(first, reformatted, SecondFile);

        Assert.True(TrackedSteps.Outputs(again, DifferentiableGenerator.TrackingNames.Sources).All(o => TrackedSteps.IsReused(o.Reason)), TrackedSteps.Describe(again));
    }

    [Fact]
    public void An_edit_inside_one_method_regenerates_only_that_methods_file()
    {
        const string lossFile = """
            using System;
            using SourceGen.Autodiff;

            namespace Shop;

            public static partial class Model
            {
                [Differentiable]
                public static double Loss(ReadOnlySpan<double> w, double b) => w[0] * w[1] + b;
            }

            """;
        const string scaleFile = """
            using SourceGen.Autodiff;

            namespace Shop;

            public static partial class Model
            {
                [Differentiable]
                public static double Scale(double x) => 2 * x * x;
            }

            """;
        var first = Run(lossFile, scaleFile);
        var again = Rerun(first, lossFile, scaleFile.Replace("2 * x * x", "3 * x * x"));

        var sources = TrackedSteps.Outputs(again, DifferentiableGenerator.TrackingNames.Sources)
            .ToDictionary(o => ((GeneratedSource)o.Value).HintName, o => o.Reason);
        Assert.True(TrackedSteps.IsReused(sources["Shop.Model.Loss.g.cs"]), TrackedSteps.Describe(again));
        Assert.Equal(IncrementalStepRunReason.Modified, sources["Shop.Model.Scale.g.cs"]);
        Assert.Contains("6 * x * seed", again.Sources.Single(s => s.HintName == "Shop.Model.Scale.g.cs").Text);
        Assert.Equal(first.Sources.Single(s => s.HintName == "Shop.Model.Loss.g.cs"), again.Sources.Single(s => s.HintName == "Shop.Model.Loss.g.cs"));
    }

    private static GeneratorRun Run(string first, string second) => GeneratorHarness.Run(TestCompilation.Create(first, second));

    /// <summary>
    /// Runs the first run's driver again after editing its input as an editor would: a file whose
    /// text changed gets a new tree (incrementally reparsed), the other keeps its tree.
    /// </summary>
    private static GeneratorRun Rerun(GeneratorRun first, params string[] texts)
    {
        Compilation input = first.InputCompilation;
        var trees = input.SyntaxTrees.ToList();
        for (var i = 0; i < texts.Length; i++)
        {
            if (trees[i].ToString() != texts[i])
            {
                input = input.ReplaceSyntaxTree(trees[i], trees[i].WithChangedText(SourceText.From(texts[i])));
            }
        }
        return GeneratorHarness.Run(first.Driver, input);
    }
}
