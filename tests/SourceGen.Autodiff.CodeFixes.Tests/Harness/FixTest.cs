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

    /// <summary>Applies the fix for the diagnostic at the marked span number <paramref name="index"/>.</summary>
    public static async Task VerifySingleAtAsync(CodeFixProvider provider, string id, string markup, int index, string expected)
    {
        (Document document, ImmutableArray<Diagnostic> diagnostics) = await PrepareAsync(id, markup, []);
        Document fixedDocument = await FixRunner.ApplyAsync(provider, document, diagnostics[index]);
        await AssertFixedAsync(expected, fixedDocument, id);
    }

    /// <summary>Runs Fix All over the diagnostics at every marked span.</summary>
    public static Task VerifyFixAllAsync(CodeFixProvider provider, string id, string markup, string expected, params SourceFile[] otherSources) =>
        VerifyAsync(provider, id, markup, expected, fixAll: true, otherSources);

    /// <summary>
    /// Asserts the provider offers nothing for the diagnostic at the first marked span: the real
    /// one if the analyzer or compiler reports it there, else a made-up one (the provider must
    /// cope with any location it is handed).
    /// </summary>
    public static async Task VerifyNoFixAsync(CodeFixProvider provider, string id, string markup, params SourceFile[] otherSources)
    {
        Markup parsed = Markup.Parse(markup);
        Document document = TestProject.Create(parsed.Text, otherSources);
        Diagnostic? diagnostic = (await DiagnosticRunner.GetAllAsync(document))
            .FirstOrDefault(d => d.Id == id && d.Location.SourceSpan == parsed.Spans[0]);
        diagnostic ??= FixRunner.AtSpans(document, Catalog.Descriptor(id), parsed.Spans)[0];
        Assert.Empty(await FixRunner.GetActionsAsync(provider, document, diagnostic));
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
    /// The document and the real diagnostics with <paramref name="id"/>: the analyzer's, or for
    /// DIFF007 the compiler's (an [Obsolete] with that DiagnosticId). They must sit exactly at
    /// the marked spans, in order; several diagnostics at one span count once.
    /// </summary>
    private static async Task<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> PrepareAsync(string id, string markup, SourceFile[] otherSources)
    {
        Markup parsed = Markup.Parse(markup);
        Document document = TestProject.Create(parsed.Text, otherSources);
        SyntaxTree tree = (await document.GetSyntaxTreeAsync())!;
        ImmutableArray<Diagnostic> diagnostics = (await DiagnosticRunner.GetAllAsync(document))
            .Where(d => d.Id == id && d.Location.SourceTree == tree)
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
        Assert.Equal(parsed.Spans, diagnostics.Select(d => d.Location.SourceSpan).Distinct());
        return (document, diagnostics);
    }
}
