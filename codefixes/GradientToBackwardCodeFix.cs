using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SourceGen.Autodiff.CodeFixes;

/// <summary>
/// DIFF007 (the compiler's error on MGradient for a non-scalar result): rewrites the call into
/// an MBackward call with a ones seed shaped like the result, and gradient buffers declared
/// before it, so the code compiles and computes what PyTorch's y.backward(ones_like(y)) does.
/// See <see cref="GradientToBackwardRewrite"/> for the exact shape of the result.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(GradientToBackwardCodeFix)), Shared]
public sealed class GradientToBackwardCodeFix : AutodiffCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ImplicitSeedOnNonScalar);

    protected override string Title => "Call the backward method with a seed of ones";

    internal override async Task<bool> CanFixAsync(Document document, SyntaxNode target, CancellationToken cancellationToken) =>
        await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is { } model
        && GradientCall.TryCreate(target, model, cancellationToken) is { } call
        && GradientToBackwardRewrite.CanRewrite(call, model, cancellationToken);

    internal override async Task<Document> FixAsync(Document document, SyntaxNode target, CancellationToken cancellationToken)
    {
        if (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model
            || GradientCall.TryCreate(target, model, cancellationToken) is not { } call)
        {
            return document;
        }

        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        return GradientToBackwardRewrite.Apply(root, call, model, cancellationToken) is { } newRoot
            ? document.WithSyntaxRoot(newRoot)
            : document;
    }
}
