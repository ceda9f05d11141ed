using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SourceGen.Autodiff.Generator.Analyzers;
using Xunit;

namespace SourceGen.Autodiff.Generator.Tests.Diagnostics;

/// <summary>
/// Runs DifferentiableAnalyzer the way the compiler does: over a compilation of the test
/// source with .NET 10 and the runtime referenced, honouring #pragma and .editorconfig.
/// </summary>
internal static class AnalyzerRun
{
    public const string SourcePath = "/src/Test.cs";

    private static readonly MetadataReference[] References =
        Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(Tensor).Assembly.Location))
            .ToArray();

    /// <summary>The analyzer's diagnostics, ordered by position; fails on any analyzer exception.</summary>
    /// <param name="source">The test file.</param>
    /// <param name="editorConfig">Text of an .editorconfig beside it, if any.</param>
    /// <param name="runGenerator">Analyze the compilation with the generator's output added, as in a real build.</param>
    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(string source, string? editorConfig = null, bool runGenerator = false)
    {
        SyntaxTree tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), SourcePath);
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true);
        if (editorConfig is not null)
        {
            options = options.WithSyntaxTreeOptionsProvider(EditorConfigSeverities.Create(editorConfig, tree));
        }

        Compilation compilation = CSharpCompilation.Create("Test", [tree], References, options);
        if (runGenerator)
        {
            CSharpGeneratorDriver.Create(new DifferentiableGenerator())
                .RunGeneratorsAndUpdateCompilation(compilation, out compilation, out ImmutableArray<Diagnostic> generatorDiagnostics);
            Assert.Empty(generatorDiagnostics);
        }

        var exceptions = new List<string>();
        CompilationWithAnalyzers withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new DifferentiableAnalyzer()),
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, _, _) => exceptions.Add(exception.ToString()),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false));

        ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id).ToImmutableArray();
    }

    /// <summary>
    /// Asserts exactly one diagnostic with <paramref name="id"/>, at 1-based
    /// <paramref name="line"/>:<paramref name="column"/> covering <paramref name="text"/>, with this message.
    /// </summary>
    public static async Task<Diagnostic> AssertSingleAsync(string source, string id, int line, int column, string text, string message)
    {
        ImmutableArray<Diagnostic> all = await DiagnosticsAsync(source);
        Diagnostic diagnostic = Assert.Single(all, d => d.Id == id);
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        Assert.Equal(SourcePath, span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        Assert.Equal(text, diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Equal(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        return diagnostic;
    }
}
