using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SourceGen.Autodiff.Generator.Analyzers;

namespace SourceGen.Autodiff.CodeFixes.Tests.Harness;

/// <summary>Compiler and DifferentiableAnalyzer diagnostics of a document's project.</summary>
public static class DiagnosticRunner
{
    public static async Task<ImmutableArray<Diagnostic>> GetAllAsync(Document document)
    {
        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        CompilationWithAnalyzers withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new DifferentiableAnalyzer()),
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: null,
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false));
        return await withAnalyzers.GetAllDiagnosticsAsync();
    }

    /// <summary>Errors of any ID, and diagnostics with <paramref name="id"/>, in the document under test.</summary>
    public static async Task<ImmutableArray<Diagnostic>> GetErrorsAndAsync(Document document, string id)
    {
        ImmutableArray<Diagnostic> all = await GetAllAsync(document);
        return all.Where(d => d.Severity == DiagnosticSeverity.Error || d.Id == id).ToImmutableArray();
    }
}
