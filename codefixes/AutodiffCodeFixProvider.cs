using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SourceGen.Autodiff.CodeFixes;

/// <summary>
/// What every fix here has in common: the diagnostic's span names a target node; a fix is
/// offered only where it can be applied; Fix All applies the same fix to each diagnostic in turn.
/// </summary>
public abstract class AutodiffCodeFixProvider : CodeFixProvider
{
    /// <summary>The text of the light-bulb entry; also the equivalence key for Fix All.</summary>
    protected abstract string Title { get; }

    public sealed override FixAllProvider GetFixAllProvider() => SequentialFixAllProvider.Create(this);

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            SyntaxNode target = FindTarget(root, diagnostic);
            if (await CanFixAsync(context.Document, target, context.CancellationToken).ConfigureAwait(false))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => FixAsync(context.Document, target, ct), equivalenceKey: Title),
                    diagnostic);
            }
        }
    }

    /// <summary>The innermost node covering the diagnostic: an identifier's parent, or the reported expression.</summary>
    internal static SyntaxNode FindTarget(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);

    /// <summary>Whether <see cref="FixAsync"/> would change anything for this target.</summary>
    internal abstract Task<bool> CanFixAsync(Document document, SyntaxNode target, CancellationToken cancellationToken);

    /// <summary>
    /// Applies the fix. Must be idempotent (a second diagnostic at an already fixed place leaves
    /// the document as it is), because Fix All runs it once per diagnostic.
    /// </summary>
    internal abstract Task<Document> FixAsync(Document document, SyntaxNode target, CancellationToken cancellationToken);
}
