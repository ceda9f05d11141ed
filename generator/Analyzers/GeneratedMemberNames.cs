using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SourceGen.Autodiff.Generator.Analyzers;

/// <summary>
/// The names of the members the generator adds to a type for one [Differentiable] method M
/// (the contract in the README): MBackward, MGradient, MPullback, its result class
/// MPullbackResult, MJacobian when M has a Jacobian, and MTapedForward/MTapedReverse (used by
/// calling [Differentiable] methods) when M returns a scalar.
/// </summary>
internal static class GeneratedMemberNames
{
    public const string BackwardSuffix = "Backward";
    public const string GradientSuffix = "Gradient";
    public const string PullbackSuffix = "Pullback";
    public const string PullbackResultSuffix = "PullbackResult";
    public const string JacobianSuffix = "Jacobian";

    private const string TensorTypeName = "SourceGen.Autodiff.Tensor";
    private const string NoGradientAttributeName = "SourceGen.Autodiff.NoGradientAttribute";

    public static IEnumerable<string> For(IMethodSymbol method)
    {
        yield return method.Name + BackwardSuffix;
        yield return method.Name + GradientSuffix;
        yield return method.Name + PullbackSuffix;
        yield return method.Name + PullbackResultSuffix;
        if (HasJacobian(method))
        {
            yield return method.Name + JacobianSuffix;
        }
        if (IsFloatingPoint(method.ReturnType))
        {
            yield return method.Name + Emission.ExpressionPrinter.TapedForwardSuffix;
            yield return method.Name + Emission.ExpressionPrinter.TapedReverseSuffix;
        }
    }

    /// <summary>
    /// MJacobian exists only for a non-scalar result and at least one differentiable input
    /// (scalar, array, span or tensor); a user member of that name is no collision otherwise.
    /// </summary>
    private static bool HasJacobian(IMethodSymbol method)
    {
        bool hasSpanOutput = false;
        int inputs = 0;
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (IsSpanOf(parameter.Type, "Span"))
            {
                hasSpanOutput = true;
            }
            else if ((IsVectorInput(parameter.Type) || IsFloatingPoint(parameter.Type)) && !HasNoGradient(parameter))
            {
                inputs++;
            }
        }

        bool nonScalarResult = method.ReturnsVoid ? hasSpanOutput : !IsFloatingPoint(method.ReturnType);
        return nonScalarResult && inputs > 0;
    }

    private static bool IsVectorInput(ITypeSymbol type) =>
        (type is IArrayTypeSymbol { Rank: 1 } array && IsFloatingPoint(array.ElementType))
        || IsSpanOf(type, "ReadOnlySpan")
        || type.ToDisplayString() == TensorTypeName;

    private static bool IsSpanOf(ITypeSymbol type, string spanName) =>
        type is INamedTypeSymbol { Name: var name, TypeArguments.Length: 1 } named
        && name == spanName
        && named.ContainingNamespace.ToDisplayString() == "System"
        && IsFloatingPoint(named.TypeArguments[0]);

    private static bool IsFloatingPoint(ITypeSymbol type) =>
        type.SpecialType is SpecialType.System_Double or SpecialType.System_Single;

    private static bool HasNoGradient(IParameterSymbol parameter)
    {
        foreach (AttributeData attribute in parameter.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == NoGradientAttributeName)
            {
                return true;
            }
        }

        return false;
    }
}
