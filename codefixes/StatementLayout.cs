using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SourceGen.Autodiff.CodeFixes;

/// <summary>
/// Lays out statements written as text in place of one existing statement: same indentation,
/// the file's own line ending; comments before the old statement stay before the first new one.
/// </summary>
internal static class StatementLayout
{
    public static SyntaxList<StatementSyntax> Lay(IReadOnlyList<string> statements, StatementSyntax original)
    {
        SyntaxTriviaList leading = original.GetLeadingTrivia();
        SyntaxTrivia indentation = leading.LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
        SyntaxTrivia newLine = NewLine.Of(original);

        var laid = new List<StatementSyntax>();
        for (int i = 0; i < statements.Count; i++)
        {
            StatementSyntax statement = SyntaxFactory.ParseStatement(statements[i]);
            SyntaxTriviaList before = i == 0
                ? leading
                : indentation.IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.TriviaList(indentation) : SyntaxFactory.TriviaList();
            SyntaxTriviaList after = i == statements.Count - 1 ? original.GetTrailingTrivia() : SyntaxFactory.TriviaList(newLine);
            laid.Add(statement.WithLeadingTrivia(before).WithTrailingTrivia(after));
        }

        return SyntaxFactory.List(laid);
    }
}
