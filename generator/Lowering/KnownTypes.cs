using Microsoft.CodeAnalysis;
using SourceGen.Autodiff.Generator.IR;

namespace SourceGen.Autodiff.Generator.Lowering;

/// <summary>Recognizes the types of the differentiable subset by their symbols.</summary>
internal static class KnownTypes
{
    public const string RuntimeNamespace = "SourceGen.Autodiff";
    public const string DifferentiableAttribute = "SourceGen.Autodiff.DifferentiableAttribute";
    public const string NoGradientAttribute = "SourceGen.Autodiff.NoGradientAttribute";

    public static bool TryGetScalar(ITypeSymbol type, out ScalarType scalar)
    {
        scalar = default;
        switch (type.SpecialType)
        {
            case SpecialType.System_Double: scalar = ScalarType.Double; return true;
            case SpecialType.System_Single: scalar = ScalarType.Float; return true;
            case SpecialType.System_Int32: scalar = ScalarType.Int; return true;
            case SpecialType.System_Int64: scalar = ScalarType.Long; return true;
            case SpecialType.System_Boolean: scalar = ScalarType.Bool; return true;
            default: return false;
        }
    }

    public static bool IsTensor(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "Tensor" } named && named.ContainingNamespace.ToDisplayString() == RuntimeNamespace;

    public static bool IsRuntimeType(ITypeSymbol? type, string name) =>
        type is INamedTypeSymbol named && named.Name == name && named.ContainingNamespace.ToDisplayString() == RuntimeNamespace;

    /// <summary>Span&lt;T&gt; (readOnly false) or ReadOnlySpan&lt;T&gt; (readOnly true) of a scalar.</summary>
    public static bool TryGetSpan(ITypeSymbol type, out bool readOnly, out ScalarType element)
    {
        readOnly = false;
        element = default;
        if (type is not INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            || named.ContainingNamespace.ToDisplayString() != "System"
            || (named.Name != "Span" && named.Name != "ReadOnlySpan"))
        {
            return false;
        }
        readOnly = named.Name == "ReadOnlySpan";
        return TryGetScalar(named.TypeArguments[0], out element);
    }

    public static bool TryGetArray(ITypeSymbol type, out ScalarType element)
    {
        element = default;
        return type is IArrayTypeSymbol { Rank: 1 } array && TryGetScalar(array.ElementType, out element);
    }

    public static bool IsMathType(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "Math" or "MathF" } named && named.ContainingNamespace.ToDisplayString() == "System";
}
