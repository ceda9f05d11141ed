using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit;

namespace SourceGen.Autodiff.CodeFixes.Tests.Harness;

/// <summary>
/// The checks every fix test makes: diagnostics at the marked spans, one fix (or Fix All)
/// applied, the resulting text compared exactly, and the result compiling without errors and
/// without the fixed diagnostic.
/// </summary>
public static class FixTest
{
    /// <summary>Applies the fix for the diagnostic at the first marked span.</summary>
    public static Task VerifySingleAsync(CodeFixProvider provider, string id, string markup, string expected, params SourceFile[] otherSources) =>
        VerifyAsync(provider, id, markup, expected, fixAll: false, otherSources);

    /// <summary>Runs Fix All over the diagnostics at every marked span.</summary>
    public static Task VerifyFixAllAsync(CodeFixProvider provider, string id, string markup, string expected, params SourceFile[] otherSources) =>
        VerifyAsync(provider, id, markup, expected, fixAll: true, otherSources);

    /// <summary>Asserts the provider offers nothing for the diagnostic at the first marked span.</summary>
    public static async Task VerifyNoFixAsync(CodeFixProvider provider, string id, string markup, params SourceFile[] otherSources)
    {
        (Document document, ImmutableArray<Diagnostic> diagnostics) = await PrepareAsync(id, markup, otherSources);
        Assert.Empty(await FixRunner.GetActionsAsync(provider, document, diagnostics[0]));
    }

    /// <summary>Asserts the fixed text, then that it compiles without errors and without <paramref name="id"/>.</summary>
    public static async Task AssertFixedAsync(string expected, Document document, string id)
    {
        string actual = (await document.GetTextAsync()).ToString().ReplaceLineEndings("\n");
        expected = expected.ReplaceLineEndings("\n");

        // xunit cuts long strings; the whole fixed text is what one needs to see.
        Assert.True(expected == actual, $"The fixed text differs.\n--- expected ---\n{expected}\n--- actual ---\n{actual}\n---");

        ImmutableArray<Diagnostic> remaining = await DiagnosticRunner.GetErrorsAndAsync(document, id);
        Assert.True(remaining.IsEmpty, "The fixed code still has: " + string.Join("; ", remaining));
    }

    private static async Task VerifyAsync(CodeFixProvider provider, string id, string markup, string expected, bool fixAll, SourceFile[] otherSources)
    {
        (Document document, ImmutableArray<Diagnostic> diagnostics) = await PrepareAsync(id, markup, otherSources);
        Document fixedDocument = fixAll
            ? await FixRunner.FixAllAsync(provider, document, diagnostics)
            : await FixRunner.ApplyAsync(provider, document, diagnostics[0]);
        await AssertFixedAsync(expected, fixedDocument, id);
    }

    /// <summary>
    /// The document and its diagnostics. DIFF007 comes from the compiler itself (an [Obsolete]
    /// with that DiagnosticId), so its diagnostics are the compiler's, asserted to sit exactly at
    /// the marked spans; for the analyzer's IDs a diagnostic is made at each marked span, so the
    /// fix is tested on its own (the analyzer's locations are tested in the generator tests).
    /// </summary>
    private static async Task<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> PrepareAsync(string id, string markup, SourceFile[] otherSources)
    {
        Markup parsed = Markup.Parse(markup);
        Document document = TestProject.Create(parsed.Text, otherSources);
        if (id != "DIFF007")
        {
            return (document, FixRunner.AtSpans(document, Catalog.Descriptor(id), parsed.Spans));
        }

        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        SyntaxTree tree = (await document.GetSyntaxTreeAsync())!;
        ImmutableArray<Diagnostic> diagnostics = compilation.GetDiagnostics()
            .Where(d => d.Id == id && d.Location.SourceTree == tree)
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
        Assert.Equal(parsed.Spans, diagnostics.Select(d => d.Location.SourceSpan));
        return (document, diagnostics);
    }
}
