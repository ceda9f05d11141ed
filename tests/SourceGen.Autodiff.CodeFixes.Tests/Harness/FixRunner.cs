using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace SourceGen.Autodiff.CodeFixes.Tests.Harness;

/// <summary>
/// Applies a code fix the way the IDE does: registers the provider's actions for a diagnostic,
/// takes the one action offered, and applies its operations (including the code action's
/// cleanup: simplification and added usings).
/// </summary>
public static class FixRunner
{
    /// <summary>The actions a provider offers for one diagnostic.</summary>
    public static async Task<IReadOnlyList<CodeAction>> GetActionsAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context);
        return actions;
    }

    /// <summary>Applies the single action offered for <paramref name="diagnostic"/>; returns the new document.</summary>
    public static async Task<Document> ApplyAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic)
    {
        IReadOnlyList<CodeAction> actions = await GetActionsAsync(provider, document, diagnostic);
        CodeAction action = Assert.Single(actions);
        return await ApplyActionAsync(action, document);
    }

    /// <summary>Runs the provider's Fix All over every given diagnostic of the document.</summary>
    public static async Task<Document> FixAllAsync(CodeFixProvider provider, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        IReadOnlyList<CodeAction> actions = await GetActionsAsync(provider, document, diagnostics[0]);
        string equivalenceKey = Assert.Single(actions).EquivalenceKey!;
        var context = new FixAllContext(
            document,
            provider,
            FixAllScope.Document,
            equivalenceKey,
            diagnostics.Select(d => d.Id).Distinct(),
            new FixedDiagnosticProvider(diagnostics),
            CancellationToken.None);
        CodeAction? fixAll = await provider.GetFixAllProvider()!.GetFixAsync(context);
        Assert.NotNull(fixAll);
        return await ApplyActionAsync(fixAll!, document);
    }

    /// <summary>A diagnostic of <paramref name="descriptor"/> at each marked span.</summary>
    public static ImmutableArray<Diagnostic> AtSpans(Document document, DiagnosticDescriptor descriptor, IEnumerable<TextSpan> spans)
    {
        SyntaxTree tree = document.GetSyntaxTreeAsync().Result!;
        return spans.Select(span => Diagnostic.Create(descriptor, Location.Create(tree, span))).ToImmutableArray();
    }

    private static async Task<Document> ApplyActionAsync(CodeAction action, Document document)
    {
        ImmutableArray<CodeActionOperation> operations = await action.GetOperationsAsync(CancellationToken.None);
        ApplyChangesOperation apply = Assert.Single(operations.OfType<ApplyChangesOperation>());
        return apply.ChangedSolution.GetDocument(document.Id)!;
    }

    private sealed class FixedDiagnosticProvider : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public FixedDiagnosticProvider(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(ImmutableArray<Diagnostic>.Empty);
    }
}
