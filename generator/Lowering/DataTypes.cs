using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SourceGen.Autodiff.Generator.Lowering;

/// <summary>
/// Which parameter types can be data: read by the method, never differentiated, passed through
/// to the generated members unchanged.
/// </summary>
internal static class DataTypes
{
    private static readonly SymbolDisplayFormat Qualified = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>The type as the generated code declares it (global::-qualified, with its nullability).</summary>
    public static string Declaration(ITypeSymbol type) => type.ToDisplayString(Qualified);

    /// <summary>
    /// Data without [NoGradient]: a type that holds no floating-point value anywhere (int[],
    /// string, an enum, a record of ints), so no gradient could be lost by not differentiating it.
    /// Ref structs (spans of ints) cannot be kept by MPullback: they stay unsupported.
    /// </summary>
    public static bool CanBeData(ITypeSymbol type, bool noGradient) =>
        !type.IsRefLikeType && type.TypeKind is not (TypeKind.Pointer or TypeKind.FunctionPointer or TypeKind.Error or TypeKind.TypeParameter or TypeKind.Dynamic)
        && (noGradient || !HoldsReal(type, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default)));

    private static bool HoldsReal(ITypeSymbol type, HashSet<ITypeSymbol> seen)
    {
        if (type.SpecialType is SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal or SpecialType.System_Object)
        {
            return true;
        }
        if (type.SpecialType != SpecialType.None || type.TypeKind == TypeKind.Enum || !seen.Add(type))
        {
            return false;
        }
        return type switch
        {
            IArrayTypeSymbol array => HoldsReal(array.ElementType, seen),
            // A type of the user's (a record of settings): any floating-point field or auto-property.
            INamedTypeSymbol named when named.Locations.Any(l => l.IsInSource) =>
                named.TypeArguments.Any(t => HoldsReal(t, seen))
                || named.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic && !f.IsConst).Any(f => HoldsReal(f.Type, seen)),
            // A collection of the libraries (List<int>, IReadOnlyList<string>): what it holds.
            INamedTypeSymbol { IsGenericType: true } named => named.TypeArguments.Any(t => HoldsReal(t, seen)),
            // Any other library type may hold anything.
            _ => true,
        };
    }
}
