using Microsoft.CodeAnalysis;

namespace SourceGen.Autodiff.CodeFixes;

/// <summary>Recognises the span types of the generated signatures.</summary>
internal static class TypeShapes
{
    /// <summary><c>System.Span&lt;double&gt;</c> or <c>System.ReadOnlySpan&lt;double&gt;</c>, by <paramref name="spanName"/>.</summary>
    public static bool IsSpanOfDouble(ITypeSymbol type, string spanName) =>
        type is INamedTypeSymbol { TypeArguments.Length: 1 } named
        && named.Name == spanName
        && named.ContainingNamespace.ToDisplayString() == "System"
        && named.TypeArguments[0].SpecialType == SpecialType.System_Double;
}
