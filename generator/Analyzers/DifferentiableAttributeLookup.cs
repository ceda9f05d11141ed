using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SourceGen.Autodiff.Generator.Analyzers;

/// <summary>
/// Decides whether a method declaration is one the generator differentiates. It mirrors
/// ForAttributeWithMetadataName: the attribute must be written on this very declaration, so a
/// partial method is analysed once, at the part that carries [Differentiable].
/// </summary>
internal static class DifferentiableAttributeLookup
{
    public static bool IsAppliedOn(IMethodSymbol method, MethodDeclarationSyntax syntax, INamedTypeSymbol attribute)
    {
        foreach (AttributeData data in method.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute)
                && data.ApplicationSyntaxReference is { } reference
                && reference.SyntaxTree == syntax.SyntaxTree
                && syntax.Span.Contains(reference.Span))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether [Differentiable] is applied anywhere on the method.</summary>
    public static bool Has(IMethodSymbol method, INamedTypeSymbol attribute)
    {
        foreach (AttributeData data in method.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
            {
                return true;
            }
        }

        return false;
    }
}
