using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SourceGen.Autodiff.CodeFixes;

/// <summary>
/// Local names that cannot clash: not any identifier written in the enclosing member (a local
/// declared later in the same method would clash too), not anything visible at the statement.
/// </summary>
internal sealed class UniqueNames
{
    private readonly HashSet<string> _taken = new();

    public static UniqueNames Around(StatementSyntax statement, SemanticModel model, CancellationToken cancellationToken)
    {
        var names = new UniqueNames();
        // Top-level statements share one scope: the whole file, not their GlobalStatement.
        MemberDeclarationSyntax? member = statement.FirstAncestorOrSelf<MemberDeclarationSyntax>();
        SyntaxNode scope = member is null or GlobalStatementSyntax ? statement.SyntaxTree.GetRoot(cancellationToken) : member;
        foreach (SyntaxToken token in scope.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken))
            {
                names._taken.Add(token.ValueText);
            }
        }

        foreach (ISymbol symbol in model.LookupSymbols(statement.SpanStart))
        {
            names._taken.Add(symbol.Name);
        }

        return names;
    }

    /// <summary><paramref name="wanted"/>, or wanted2, wanted3, ... whichever is free first; then it is taken.</summary>
    public string Take(string wanted)
    {
        string name = wanted;
        for (int suffix = 2; _taken.Contains(name) || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None; suffix++)
        {
            name = wanted + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        _taken.Add(name);
        return name;
    }
}
