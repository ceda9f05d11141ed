using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SourceGen.Autodiff.CodeFixes;

/// <summary>
/// Inserts one modifier keyword into a declaration's modifier list, keeping the declaration's
/// layout: when the list was empty, the new keyword takes over the indentation and comments
/// that stood before the next token.
/// </summary>
internal static class ModifierInsertion
{
    /// <summary>Adds <paramref name="kind"/> at the end of the modifiers (where C# wants 'partial').</summary>
    public static TypeDeclarationSyntax AddLast(TypeDeclarationSyntax type, SyntaxKind kind)
    {
        SyntaxTokenList modifiers = type.Modifiers;
        if (modifiers.Count > 0)
        {
            return type.WithModifiers(modifiers.Add(Keyword(kind)));
        }

        SyntaxToken keyword = type.Keyword;
        return type
            .WithKeyword(keyword.WithLeadingTrivia())
            .WithModifiers(SyntaxFactory.TokenList(Keyword(kind).WithLeadingTrivia(keyword.LeadingTrivia)));
    }

    /// <summary>Adds <paramref name="kind"/> after the accessibility modifiers (public static ..., the usual order).</summary>
    public static MethodDeclarationSyntax AddAfterAccessibility(MethodDeclarationSyntax method, SyntaxKind kind)
    {
        SyntaxTokenList modifiers = method.Modifiers;
        if (modifiers.Count > 0)
        {
            int index = 0;
            while (index < modifiers.Count && IsAccessibility(modifiers[index].Kind()))
            {
                index++;
            }

            if (index == 0)
            {
                // The new keyword comes first: it takes over the first modifier's leading trivia.
                SyntaxToken first = modifiers[0];
                modifiers = modifiers.Replace(first, first.WithLeadingTrivia());
                return method.WithModifiers(modifiers.Insert(0, Keyword(kind).WithLeadingTrivia(first.LeadingTrivia)));
            }

            return method.WithModifiers(modifiers.Insert(index, Keyword(kind)));
        }

        TypeSyntax returnType = method.ReturnType;
        return method
            .WithReturnType(returnType.WithLeadingTrivia())
            .WithModifiers(SyntaxFactory.TokenList(Keyword(kind).WithLeadingTrivia(returnType.GetLeadingTrivia())));
    }

    private static SyntaxToken Keyword(SyntaxKind kind) =>
        SyntaxFactory.Token(SyntaxFactory.TriviaList(), kind, SyntaxFactory.TriviaList(SyntaxFactory.Space));

    private static bool IsAccessibility(SyntaxKind kind) =>
        kind is SyntaxKind.PublicKeyword or SyntaxKind.PrivateKeyword or SyntaxKind.ProtectedKeyword
            or SyntaxKind.InternalKeyword or SyntaxKind.FileKeyword;
}
