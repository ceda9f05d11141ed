using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SourceGen.Autodiff.CodeFixes;

/// <summary>The line ending a file already uses, so inserted lines match it.</summary>
internal static class NewLine
{
    public static SyntaxTrivia Of(SyntaxNode node)
    {
        SyntaxTrivia existing = node.SyntaxTree.GetRoot().DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        return existing.IsKind(SyntaxKind.EndOfLineTrivia) ? existing : SyntaxFactory.EndOfLine("\n");
    }
}
