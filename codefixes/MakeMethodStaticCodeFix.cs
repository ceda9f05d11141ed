using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SourceGen.Autodiff.CodeFixes;

/// <summary>
/// DIFF002: adds 'static' after the accessibility modifiers. Not offered where 'static' cannot
/// be written (abstract, virtual, override, or an explicit interface implementation); a body
/// that uses instance members then fails to compile and shows the user what to pass in instead.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeMethodStaticCodeFix)), Shared]
public sealed class MakeMethodStaticCodeFix : AutodiffCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MethodNotStatic);

    protected override string Title => "Make the method static";

    internal override Task<bool> CanFixAsync(Document document, SyntaxNode target, CancellationToken cancellationToken) =>
        Task.FromResult(target is MethodDeclarationSyntax method && CanBeStatic(method));

    internal override async Task<Document> FixAsync(Document document, SyntaxNode target, CancellationToken cancellationToken)
    {
        if (target is not MethodDeclarationSyntax method || !CanBeStatic(method))
        {
            return document;
        }

        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        return document.WithSyntaxRoot(root.ReplaceNode(method, ModifierInsertion.AddAfterAccessibility(method, SyntaxKind.StaticKeyword)));
    }

    private static bool CanBeStatic(MethodDeclarationSyntax method) =>
        method.ExplicitInterfaceSpecifier is null
        && !method.Modifiers.Any(SyntaxKind.StaticKeyword)
        && !method.Modifiers.Any(SyntaxKind.AbstractKeyword)
        && !method.Modifiers.Any(SyntaxKind.VirtualKeyword)
        && !method.Modifiers.Any(SyntaxKind.OverrideKeyword);
}
