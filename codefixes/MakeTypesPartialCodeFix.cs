using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SourceGen.Autodiff.CodeFixes;

/// <summary>
/// DIFF001: adds 'partial' to the reported type and to every other type that must be partial
/// for the same reason: the types around it, and the types inside it that (directly or through
/// nesting) contain a [Differentiable] method. One click, and all of them compile.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeTypesPartialCodeFix)), Shared]
public sealed class MakeTypesPartialCodeFix : AutodiffCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ContainingTypeNotPartial);

    protected override string Title => "Make the containing types partial";

    internal override Task<bool> CanFixAsync(Document document, SyntaxNode target, CancellationToken cancellationToken) =>
        Task.FromResult(target is TypeDeclarationSyntax);

    internal override async Task<Document> FixAsync(Document document, SyntaxNode target, CancellationToken cancellationToken)
    {
        if (target is not TypeDeclarationSyntax reported
            || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model)
        {
            return document;
        }

        var types = new HashSet<TypeDeclarationSyntax>();
        AddNonPartialTypesAround(reported, types);
        foreach (MethodDeclarationSyntax method in reported.DescendantNodes().OfType<MethodDeclarationSyntax>())
        {
            if (IsDifferentiable(method, model, cancellationToken))
            {
                AddNonPartialTypesAround(method, types);
            }
        }

        if (types.Count == 0)
        {
            return document;
        }

        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        return document.WithSyntaxRoot(root.ReplaceNodes(
            types,
            (_, rewritten) => ModifierInsertion.AddLast(rewritten, SyntaxKind.PartialKeyword)));
    }

    private static void AddNonPartialTypesAround(SyntaxNode node, HashSet<TypeDeclarationSyntax> types)
    {
        foreach (TypeDeclarationSyntax type in node.AncestorsAndSelf().OfType<TypeDeclarationSyntax>())
        {
            if (!type.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                types.Add(type);
            }
        }
    }

    private static bool IsDifferentiable(MethodDeclarationSyntax method, SemanticModel model, CancellationToken cancellationToken) =>
        method.AttributeLists.Count > 0
        && model.GetDeclaredSymbol(method, cancellationToken) is { } symbol
        && symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == AutodiffNames.DifferentiableAttribute);
}
