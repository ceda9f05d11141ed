using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit;

namespace SourceGen.Autodiff.CodeFixes.Tests.Harness;

/// <summary>
/// The checks every fix test makes: diagnostics at the marked spans, one fix (or Fix All)
/// applied, the resulting text compared exactly.
/// </summary>
public static class FixTest
{
    /// <summary>Applies the fix for the diagnostic at the first marked span.</summary>
    public static async Task<Document> VerifySingleAsync(CodeFixProvider provider, string id, string markup, string expected, params string[] otherSources)
    {
        (Document document, ImmutableArray<Diagnostic> diagnostics) = Prepare(id, markup, otherSources);
        Document fixedDocument = await FixRunner.ApplyAsync(provider, document, diagnostics[0]);
        await AssertTextAsync(expected, fixedDocument);
        return fixedDocument;
    }

    /// <summary>Runs Fix All over the diagnostics at every marked span.</summary>
    public static async Task<Document> VerifyFixAllAsync(CodeFixProvider provider, string id, string markup, string expected, params string[] otherSources)
    {
        (Document document, ImmutableArray<Diagnostic> diagnostics) = Prepare(id, markup, otherSources);
        Document fixedDocument = await FixRunner.FixAllAsync(provider, document, diagnostics);
        await AssertTextAsync(expected, fixedDocument);
        return fixedDocument;
    }

    /// <summary>Asserts the provider offers nothing for the diagnostic at the first marked span.</summary>
    public static async Task VerifyNoFixAsync(CodeFixProvider provider, string id, string markup, params string[] otherSources)
    {
        (Document document, ImmutableArray<Diagnostic> diagnostics) = Prepare(id, markup, otherSources);
        Assert.Empty(await FixRunner.GetActionsAsync(provider, document, diagnostics[0]));
    }

    private static (Document Document, ImmutableArray<Diagnostic> Diagnostics) Prepare(string id, string markup, string[] otherSources)
    {
        Markup parsed = Markup.Parse(markup);
        Document document = TestProject.Create(parsed.Text, otherSources);
        return (document, FixRunner.AtSpans(document, Catalog.Descriptor(id), parsed.Spans));
    }

    private static async Task AssertTextAsync(string expected, Document document)
    {
        string actual = (await document.GetTextAsync()).ToString().ReplaceLineEndings("\n");
        expected = expected.ReplaceLineEndings("\n");

        // xunit cuts long strings; the whole fixed text is what one needs to see.
        Assert.True(expected == actual, $"The fixed text differs.\n--- expected ---\n{expected}\n--- actual ---\n{actual}\n---");
    }
}
