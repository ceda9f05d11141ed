using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SourceGen.Autodiff.Generator.IR;

namespace SourceGen.Autodiff.Generator.Lowering;

/// <summary>
/// Derivatives users register for methods the generator cannot see into:
/// <c>[DerivativeOf(typeof(T), nameof(T.M))]</c> on a static vector-Jacobian product with M's
/// parameters, then <c>double seed</c>, then one gradient buffer per differentiable parameter
/// (<c>ref double</c> for a double, <c>Span&lt;double&gt;</c> for an array or span), returning M's value.
/// </summary>
internal static class UserDerivatives
{
    public const string AttributeName = "SourceGen.Autodiff.DerivativeOfAttribute";

    private static readonly ConditionalWeakTable<Compilation, Dictionary<IMethodSymbol, IMethodSymbol>> Registry = new();

    /// <summary>The registered (and well-formed) derivative of <paramref name="original"/>, if any.</summary>
    public static IMethodSymbol? Find(Compilation compilation, IMethodSymbol original, CancellationToken cancellationToken)
    {
        var registry = Registry.GetValue(compilation, c => Scan(c, cancellationToken));
        lock (registry)
        {
            return registry.TryGetValue(original.OriginalDefinition, out var vjp) ? vjp : null;
        }
    }

    private static Dictionary<IMethodSymbol, IMethodSymbol> Scan(Compilation compilation, CancellationToken cancellationToken)
    {
        var registry = new Dictionary<IMethodSymbol, IMethodSymbol>(SymbolEqualityComparer.Default);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var root = tree.GetRoot(cancellationToken);
            foreach (var declaration in root.DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                if (!declaration.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString().Contains("DerivativeOf")))
                {
                    continue;
                }
                var model = compilation.GetSemanticModel(tree);
                if (model.GetDeclaredSymbol(declaration, cancellationToken) is IMethodSymbol vjp
                    && Resolve(vjp, out var original) is null && original is not null)
                {
                    registry[original.OriginalDefinition] = vjp;
                }
            }
        }
        return registry;
    }

    /// <summary>
    /// Finds the original a [DerivativeOf] method names. Returns null when <paramref name="vjp"/>
    /// is a well-formed derivative of it, else what is wrong (the expected signature where known).
    /// </summary>
    public static string? Resolve(IMethodSymbol vjp, out IMethodSymbol? original)
    {
        original = null;
        var attribute = vjp.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == AttributeName);
        if (attribute is null || attribute.ConstructorArguments.Length != 2
            || attribute.ConstructorArguments[0].Value is not INamedTypeSymbol type || attribute.ConstructorArguments[1].Value is not string name)
        {
            return "[DerivativeOf(typeof(T), nameof(T.M))] names a type and one of its static methods";
        }
        var candidates = type.GetMembers(name).OfType<IMethodSymbol>().Where(m => m.IsStatic).ToList();
        if (candidates.Count == 0)
        {
            return $"'{type.Name}' has no static method '{name}'";
        }
        string? problem = null;
        foreach (var candidate in candidates)
        {
            var expected = ExpectedSignature(candidate, vjp.Name);
            if (expected is null)
            {
                problem ??= $"'{type.Name}.{name}' must return double and take double, int, long, bool, double[] or ReadOnlySpan<double> parameters";
                continue;
            }
            if (Matches(vjp, candidate))
            {
                original = candidate;
                return null;
            }
            problem = $"expected: static double {expected}";
        }
        return problem;
    }

    /// <summary>The VJP signature for <paramref name="original"/>, or null if it cannot have one.</summary>
    public static string? ExpectedSignature(IMethodSymbol original, string name)
    {
        if (original.ReturnType.SpecialType != SpecialType.System_Double)
        {
            return null;
        }
        var parts = new List<string>();
        var buffers = new List<string>();
        foreach (var parameter in original.Parameters)
        {
            var kind = Kind(parameter);
            if (kind is null)
            {
                return null;
            }
            parts.Add($"{parameter.Type.ToDisplayString()} {parameter.Name}");
            if (kind == Model.ParameterKind.Scalar && parameter.Type.SpecialType == SpecialType.System_Double && !HasNoGradient(parameter))
            {
                buffers.Add($"ref double {parameter.Name}Grad");
            }
            else if (kind != Model.ParameterKind.Scalar && !HasNoGradient(parameter))
            {
                buffers.Add($"Span<double> {parameter.Name}Grad");
            }
        }
        return $"{name}({string.Join(", ", parts.Append("double seed").Concat(buffers))})";
    }

    public static Model.ParameterKind? Kind(IParameterSymbol parameter) =>
        parameter.RefKind != RefKind.None ? null
        : KnownTypes.TryGetScalar(parameter.Type, out var s) && s != ScalarType.Float ? Model.ParameterKind.Scalar
        : KnownTypes.TryGetArray(parameter.Type, out var e) && e == ScalarType.Double ? Model.ParameterKind.Array
        : KnownTypes.TryGetSpan(parameter.Type, out var readOnly, out e) && readOnly && e == ScalarType.Double ? Model.ParameterKind.ReadOnlySpan
        : null;

    public static bool HasNoGradient(IParameterSymbol parameter) =>
        parameter.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KnownTypes.NoGradientAttribute);

    private static bool Matches(IMethodSymbol vjp, IMethodSymbol original)
    {
        if (!vjp.IsStatic || vjp.ReturnType.SpecialType != SpecialType.System_Double)
        {
            return false;
        }
        var expected = new List<(ITypeSymbol? Type, RefKind RefKind, string? Span)>();
        foreach (var parameter in original.Parameters)
        {
            expected.Add((parameter.Type, RefKind.None, null));
        }
        expected.Add((null, RefKind.None, "seed"));
        foreach (var parameter in original.Parameters.Where(p => !HasNoGradient(p)))
        {
            if (Kind(parameter) == Model.ParameterKind.Scalar)
            {
                if (parameter.Type.SpecialType == SpecialType.System_Double)
                {
                    expected.Add((parameter.Type, RefKind.Ref, null));
                }
            }
            else
            {
                expected.Add((null, RefKind.None, "Span"));
            }
        }
        if (vjp.Parameters.Length != expected.Count)
        {
            return false;
        }
        for (var i = 0; i < expected.Count; i++)
        {
            var actual = vjp.Parameters[i];
            var (type, refKind, special) = expected[i];
            var ok = special switch
            {
                "seed" => actual.RefKind == RefKind.None && actual.Type.SpecialType == SpecialType.System_Double,
                "Span" => actual.RefKind == RefKind.None && KnownTypes.TryGetSpan(actual.Type, out var readOnly, out var element) && !readOnly && element == ScalarType.Double,
                _ => actual.RefKind == refKind && SymbolEqualityComparer.Default.Equals(actual.Type, type),
            };
            if (!ok)
            {
                return false;
            }
        }
        return true;
    }
}
