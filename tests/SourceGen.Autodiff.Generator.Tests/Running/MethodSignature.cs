using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SourceGen.Autodiff.Generator.Tests.Running;

/// <summary>
/// The [Differentiable] method of a case, read from the compilation with Roslyn (independently of
/// the generator): where it lives (as C# and as a metadata name), its parameters and result, and which parameters the contract
/// says get gradient buffers.
/// </summary>
public sealed record MethodSignature(string TypeName, string MetadataTypeName, string Name, IReadOnlyList<ParameterShape> Parameters, ValueKind Result)
{
    public IEnumerable<ParameterShape> WithGradient => Parameters.Where(p => p.HasGradient);

    /// <summary>The [Differentiable] method named <paramref name="name"/>, or the only one when the name is null.</summary>
    public static MethodSignature Read(Compilation compilation, string? name)
    {
        var methods = new List<IMethodSymbol>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(declaration) is IMethodSymbol symbol && (name is null || symbol.Name == name)
                    && symbol.GetAttributes().Any(a => a.AttributeClass?.Name == "DifferentiableAttribute"))
                {
                    methods.Add(symbol);
                }
            }
        }
        if (methods.Count != 1)
        {
            throw new InvalidOperationException($"A case must declare exactly one [Differentiable] method {name}; found {methods.Count}.");
        }
        return Read(methods[0]);
    }

    private static MethodSignature Read(IMethodSymbol method)
    {
        var parameters = method.Parameters.Select(p =>
        {
            var kind = KindOf(p.Type);
            var noGradient = p.GetAttributes().Any(a => a.AttributeClass?.Name == "NoGradientAttribute");
            var real = kind is ValueKind.Real or ValueKind.Array or ValueKind.ReadOnlySpan or ValueKind.Tensor;
            return new ParameterShape(p.Name, kind, real && !noGradient);
        }).ToList();
        return new MethodSignature(
            method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            MetadataNameOf(method.ContainingType),
            method.Name,
            parameters,
            method.ReturnsVoid ? ValueKind.Void : KindOf(method.ReturnType));
    }

    /// <summary>Namespace.Outer+Inner: the name reflection and GetTypeByMetadataName expect.</summary>
    private static string MetadataNameOf(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.MetadataName + "+" + name;
        }
        var ns = type.ContainingNamespace;
        return ns.IsGlobalNamespace ? name : ns.ToDisplayString() + "." + name;
    }

    private static ValueKind KindOf(ITypeSymbol type) => type switch
    {
        { SpecialType: SpecialType.System_Double } => ValueKind.Real,
        { SpecialType: SpecialType.System_Int32 } => ValueKind.Int,
        { SpecialType: SpecialType.System_Int64 } => ValueKind.Long,
        { SpecialType: SpecialType.System_Boolean } => ValueKind.Bool,
        IArrayTypeSymbol => ValueKind.Array,
        INamedTypeSymbol { Name: "ReadOnlySpan" } => ValueKind.ReadOnlySpan,
        INamedTypeSymbol { Name: "Span" } => ValueKind.OutputSpan,
        INamedTypeSymbol { Name: "Tensor" } => ValueKind.Tensor,
        _ => throw new NotSupportedException($"The test harness does not know how to pass a {type}."),
    };
}
