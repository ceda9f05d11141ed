using Microsoft.CodeAnalysis;

namespace SourceGen.Autodiff.Generator.Lowering;

/// <summary>Types and members in messages, printed as C# is written: double[,], IReadOnlyList&lt;double&gt;, double.Hypot.</summary>
internal static class TypeText
{
    private static readonly SymbolDisplayFormat Format = SymbolDisplayFormat.MinimallyQualifiedFormat
        .RemoveMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static string Of(ITypeSymbol type) =>
        (type.IsReferenceType ? type.WithNullableAnnotation(NullableAnnotation.None) : type).ToDisplayString(Format);

    /// <summary>A static method as it is called: 'double.Hypot', 'Math.ScaleB', 'Library.SoftPlus'.</summary>
    public static string Of(IMethodSymbol method) => Of(method.ContainingType) + "." + method.Name;
}
