using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using SourceGen.Autodiff.Generator.Tests.Diagnostics;
using SourceGen.Autodiff.Generator.Tests.Harness;
using SourceGen.Autodiff.Generator.Tests.Running;
using Xunit;

namespace SourceGen.Autodiff.Generator.Tests.Audit;

/// <summary>Each row of <see cref="LoweringAudit"/>: exact against finite differences, or the diagnostic at the construct.</summary>
public sealed class LoweringAuditTests
{
    public static TheoryData<string> ExactConstructs() => new(LoweringAudit.Rows.OfType<ExactRow>().Select(r => r.Construct));

    public static TheoryData<string> DiagnosedConstructs() => new(LoweringAudit.Rows.OfType<DiagnosedRow>().Select(r => r.Construct));

    [Theory]
    [MemberData(nameof(ExactConstructs))]
    public void Exact_construct_compiles_without_diagnostics_and_matches_finite_differences(string construct)
    {
        var row = LoweringAudit.Rows.OfType<ExactRow>().Single(r => r.Construct == construct);
        var run = CaseRuns.Get(row.Case);
        Assert.True(run.Exceptions.IsEmpty && run.GeneratorDiagnostics.IsEmpty && run.OutputProblems.IsEmpty, run.Describe());

        using var method = ProbedMethod.Load(row.Case);
        for (var i = 0; i < 2; i++)
        {
            var point = SampledPoint.At(row.Case, method, i);
            var arguments = point.Layout.With(point.X);
            var gradients = point.Layout.Gradients(new double[point.X.Length]);
            var returned = method.Backward(arguments, point.Seed(), gradients);
            Agreement.Identical(point.Y, point.Layout.Output(returned, arguments), "Backward's result", point.Context);
            Agreement.Close(ArgumentLayout.Flatten(gradients), point.VectorJacobianProduct(point.SeedValues), "Backward's gradient", point.Context);

            var pullbackArguments = point.Layout.With(point.X);
            var pullback = method.Pullback(pullbackArguments);
            var pullbackGradients = point.Layout.Gradients(new double[point.X.Length]);
            method.PullbackBackward(pullback, point.Seed(), pullbackGradients);
            Agreement.Close(ArgumentLayout.Flatten(pullbackGradients), point.VectorJacobianProduct(point.SeedValues), "Pullback's gradient", point.Context);
        }
    }

    [Theory]
    [MemberData(nameof(DiagnosedConstructs))]
    public async Task Diagnosed_construct_reports_its_id_at_the_construct(string construct)
    {
        var row = LoweringAudit.Rows.OfType<DiagnosedRow>().Single(r => r.Construct == construct);
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(row.Source);
        var text = diagnostics.Select(d => $"{d.Id} at '{d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)}': {d.GetMessage()}")
            .Concat(CompilerErrors(row.Source));
        Assert.True(
            diagnostics.Any(d => d.Id == row.Id && d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan) == row.At),
            $"expected {row.Id} at '{row.At}'; got:\n" + string.Join("\n", text));
    }

    /// <summary>The compiler's own errors: a source that does not compile gets no diagnostic of ours.</summary>
    private static System.Collections.Generic.IEnumerable<string> CompilerErrors(string source)
    {
        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source);
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Audit", [tree],
            Basic.Reference.Assemblies.Net100.References.All.Cast<Microsoft.CodeAnalysis.MetadataReference>()
                .Append(Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(Tensor).Assembly.Location)),
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
        return compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Select(d => "compiler: " + d);
    }

    [Fact]
    public void The_audit_page_lists_every_construct_with_its_outcome()
    {
        var page = File.ReadAllText(Path.Combine(ProjectPaths.RepositoryRoot, "docs", "lowering-audit.md"));
        var missing = LoweringAudit.Rows
            .Where(r => !page.Contains($"| {r.Construct} | {(r is DiagnosedRow d ? d.Id : "exact")} |", StringComparison.Ordinal))
            .Select(r => r.Construct)
            .ToList();
        Assert.True(missing.Count == 0, "docs/lowering-audit.md lacks rows for: " + string.Join("; ", missing));
    }
}
