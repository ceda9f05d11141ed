using Microsoft.CodeAnalysis;
using SourceGen.Autodiff.Generator.IR;

namespace SourceGen.Autodiff.Generator.Lowering;

/// <summary>
/// Which calls reach the table of math functions (IR/MathFunction.cs): every static member of
/// System.Math and System.MathF, and the members of double and float that the table names
/// (double.Exp, float.Sqrt, double.Hypot: the generic-math statics, the same functions).
/// </summary>
internal static class MathFunctions
{
    /// <summary>
    /// Whether the call is the table's to answer: any Math/MathF member (DIFF006 lists what the
    /// table has when it lacks one), or a double/float static the table has. Other double/float
    /// statics (double.IsNaN, double.Round(x, 2)) stay ordinary calls, fine on data.
    /// </summary>
    public static bool IsMathCall(IMethodSymbol target, int arity) =>
        KnownTypes.IsMathType(target.ContainingType)
        || target.IsStatic
            && target.ContainingType?.SpecialType is SpecialType.System_Double or SpecialType.System_Single
            && MathFunction.Find(target.Name, arity) is not null;

    /// <summary>The entry a call reaches by its name and number of arguments, or null.</summary>
    public static MathFunction? Find(IMethodSymbol target, int arity) => MathFunction.Find(target.Name, arity);

    /// <summary>
    /// Why a Math call cannot be differentiated, naming the overload by its arity when the
    /// function has other overloads (<c>Math.Round</c> with 2 arguments), and what is supported.
    /// </summary>
    public static string Unsupported(IMethodSymbol target, int arity)
    {
        var type = target.ContainingType;
        var name = $"'{(type.SpecialType == SpecialType.None ? type.Name : type.ToDisplayString())}.{target.Name}'";
        var what = MathFunction.HasName(target.Name) ? $"{name} with {arity} argument{(arity == 1 ? "" : "s")}" : name;
        return $"{what} has no derivative rule; supported: {MathFunction.SupportedList}";
    }
}
