using System;
using System.IO;
using System.Linq;
using SourceGen.Autodiff.Package.Tests.Harness;
using Xunit;

namespace SourceGen.Autodiff.Package.Tests;

/// <summary>A fresh console project that adds the package from a local feed, as a user would.</summary>
[Collection(PackedPackageCollection.Name)]
[Trait("Category", "Package")]
public sealed class ConsumerProjectTests(PackedPackage package)
{
    [Fact]
    public void Differentiable_methods_build_and_print_the_hand_computed_gradients()
    {
        using var app = CreateApp();
        app.WriteProgram(ConsumerProgram.Working);

        var build = app.Build();
        Assert.True(build.Succeeded, build.Describe());
        // Nothing in the package may warn: e.g. CS8032 if an analyzer assembly failed to load.
        Assert.True(build.Output.Contains("0 Warning(s)", StringComparison.Ordinal), build.Describe());
        var generated = app.GeneratedFiles().Select(Path.GetFileName).ToArray();
        Assert.Contains("Model.Loss.g.cs", generated);
        Assert.Contains("Model.F.g.cs", generated);

        var run = app.Run();
        Assert.True(run.Succeeded, run.Describe());
        string[] expected =
        [
            "loss 3.0625",
            "wGrad -7 -10.5",
            "bGrad -3.5",
            "xGrad tensor([[ 6., 26., 14.]])",
            "jacobian 4 2 4 / 2 24 10",
        ];
        Assert.Equal(expected, Lines(run.Output));
    }

    [Fact]
    public void Non_partial_containing_type_fails_the_build_with_DIFF001_at_the_type_name()
    {
        using var app = CreateApp();
        app.WriteProgram(ConsumerProgram.Broken);

        var build = app.Build();

        Assert.False(build.Succeeded, build.Describe());
        var lines = ConsumerProgram.Broken.Split('\n');
        int line = Array.FindIndex(lines, l => l.StartsWith(ConsumerProgram.BrokenTypeDeclaration, StringComparison.Ordinal)) + 1;
        int column = ConsumerProgram.BrokenTypeDeclaration.IndexOf("Model", StringComparison.Ordinal) + 1;
        Assert.Contains($"Program.cs({line},{column}): error DIFF001: Type 'Model' must be declared partial", build.Output);
    }

    private ConsumerApp CreateApp()
    {
        package.RequirePacked();
        var (app, failure) = ConsumerApp.Create(package);
        if (failure is not null)
        {
            app.Dispose();
            Assert.Fail(failure.Describe());
        }
        return app;
    }

    private static string[] Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
