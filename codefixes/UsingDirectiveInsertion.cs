using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SourceGen.Autodiff.CodeFixes;

/// <summary>
/// Adds a namespace using directive to a file in the place a person would: among the existing
/// plain usings in order (System first, then alphabetical), or as the first line of code with a
/// blank line after it.
/// </summary>
internal static class UsingDirectiveInsertion
{
    public static CompilationUnitSyntax Add(CompilationUnitSyntax unit, string namespaceName)
    {
        if (RuntimeTypeNames.IsNamespaceImported(unit, namespaceName))
        {
            return unit;
        }

        SyntaxTrivia newLine = NewLine.Of(unit);
        UsingDirectiveSyntax directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(namespaceName))
            .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(SyntaxFactory.Space))
            .WithTrailingTrivia(newLine);

        SyntaxList<UsingDirectiveSyntax> usings = unit.Usings;
        if (usings.Count == 0)
        {
            // Before the first line of code, after any file header comment.
            SyntaxToken first = unit.GetFirstToken(includeZeroWidth: true);
            directive = directive
                .WithLeadingTrivia(first.LeadingTrivia)
                .WithTrailingTrivia(newLine, newLine);
            CompilationUnitSyntax withoutHeader = unit.ReplaceToken(first, first.WithLeadingTrivia());
            return withoutHeader.WithUsings(withoutHeader.Usings.Add(directive));
        }

        directive = directive.WithTrailingTrivia(usings[usings.Count - 1].GetTrailingTrivia());
        int index = 0;
        while (index < usings.Count && SortsBefore(usings[index], namespaceName))
        {
            index++;
        }

        if (index == 0)
        {
            // The new first directive takes over the header comment of the old first one.
            UsingDirectiveSyntax oldFirst = usings[0];
            directive = directive.WithLeadingTrivia(oldFirst.GetLeadingTrivia());
            usings = usings.Replace(oldFirst, oldFirst.WithLeadingTrivia());
        }

        return unit.WithUsings(usings.Insert(index, directive));
    }

    private static bool SortsBefore(UsingDirectiveSyntax existing, string namespaceName)
    {
        if (existing.Alias is not null || !existing.StaticKeyword.IsKind(SyntaxKind.None) || !existing.GlobalKeyword.IsKind(SyntaxKind.None))
        {
            // Global, static and alias directives: keep plain usings in their own group.
            return existing.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword);
        }

        string name = existing.Name?.ToString() ?? string.Empty;
        bool existingIsSystem = name == "System" || name.StartsWith("System.", System.StringComparison.Ordinal);
        return existingIsSystem || string.CompareOrdinal(name, namespaceName) < 0;
    }
}
