using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SourceGen.Autodiff.CodeFixes;

/// <summary>
/// Fix All that applies one fix after another to the same document, each on the result of the
/// previous one. The batch fixer computes every fix on the original text and merges the edits,
/// which goes wrong here: several DIFF001 diagnostics (one per method) sit on one type
/// identifier, and two DIFF007 rewrites in one method would both pick the name "xGrad".
/// Targets are tracked with annotations, so earlier edits cannot shift them.
/// </summary>
internal static class SequentialFixAllProvider
{
    public static FixAllProvider Create(AutodiffCodeFixProvider provider) =>
        FixAllProvider.Create(async (context, document, diagnostics) =>
        {
            SyntaxNode? root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            // Dictionary keeps insertion order, so fixes run in diagnostic order; several
            // diagnostics on one node share a target and are fixed once.
            var targets = new Dictionary<SyntaxNode, SyntaxAnnotation>();
            foreach (Diagnostic diagnostic in diagnostics)
            {
                SyntaxNode target = AutodiffCodeFixProvider.FindTarget(root, diagnostic);
                if (!targets.ContainsKey(target))
                {
                    targets.Add(target, new SyntaxAnnotation());
                }
            }

            root = root.ReplaceNodes(targets.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(targets[original]));
            document = document.WithSyntaxRoot(root);

            foreach (SyntaxAnnotation annotation in targets.Values)
            {
                SyntaxNode current = (await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false))!;
                foreach (SyntaxNode target in current.GetAnnotatedNodes(annotation))
                {
                    if (await provider.CanFixAsync(document, target, context.CancellationToken).ConfigureAwait(false))
                    {
                        document = await provider.FixAsync(document, target, context.CancellationToken).ConfigureAwait(false);
                    }

                    break;
                }
            }

            return document;
        });
}
