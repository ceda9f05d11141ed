using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SourceGen.Autodiff.CodeFixes;

/// <summary>
/// DIFF008 (a call with no derivative) and DIFF009 (a zero-derivative function): wraps the
/// active argument in Gradient.Stop(...), which says "no gradient flows here, on purpose".
/// For DIFF008 that removes the need for a derivative; for DIFF009 it silences a warning
/// about a derivative that was zero anyway.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(StopGradientCodeFix)), Shared]
public sealed class StopGradientCodeFix : AutodiffCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.CallWithoutDerivative, DiagnosticIds.ZeroDerivative);

    protected override string Title => "Stop the gradient with Gradient.Stop(...)";

    internal override async Task<bool> CanFixAsync(Document document, SyntaxNode target, CancellationToken cancellationToken) =>
        await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is { } model
        && StopGradientTargets.Find(target, model, cancellationToken).Count > 0;

    internal override async Task<Document> FixAsync(Document document, SyntaxNode target, CancellationToken cancellationToken)
    {
        if (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model)
        {
            return document;
        }

        var expressions = StopGradientTargets.Find(target, model, cancellationToken);
        if (expressions.Count == 0)
        {
            return document;
        }

        var names = new RuntimeTypeNames(model, target.SpanStart);
        ExpressionSyntax stop = names.Member("Gradient", "Stop");
        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        root = root.ReplaceNodes(expressions, (_, rewritten) => StopGradientSyntax.Wrap(stop, rewritten));
        return document.WithSyntaxRoot(names.AddUsingIfNeeded(root));
    }
}
