using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SourceGen.Autodiff.Generator.Diagnostics;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Lowering;

/// <summary>
/// Reads the method's declaration: where it lives, its parameters and result, and whether its
/// shape can be differentiated at all (partial containing types, static, supported types).
/// </summary>
internal static class SignatureReader
{
    public const string SupportedParameters =
        "supported parameter types are double and float, their arrays, ReadOnlySpan and Span (an output the method writes), Tensor, int, long or bool (inactive), and data of any type the method only reads: mark it [NoGradient] if it holds floating-point values";

    public const string SupportedResults =
        "supported results are double, float, double[], float[], Tensor, a tuple of doubles, or void with a Span<double> or Span<float> output parameter";

    public sealed record Signature(
        string Namespace,
        EquatableArray<ContainingTypeModel> ContainingTypes,
        string Accessibility,
        EquatableArray<ParameterModel> Parameters,
        ResultModel Result);

    public static Signature? Read(IMethodSymbol method, MethodDeclarationSyntax syntax, List<Diagnostic> diagnostics)
    {
        var ok = true;
        var types = new List<ContainingTypeModel>();
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is TypeDeclarationSyntax declaration && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.ContainingTypeNotPartial, declaration.Identifier.GetLocation(), type.Name, method.Name));
                    ok = false;
                    break;
                }
            }
            if (type.IsGenericType)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.UnsupportedMethodShape, syntax.Identifier.GetLocation(), method.Name,
                    $"its containing type '{type.Name}' is generic; move the method into a non-generic partial type"));
                ok = false;
            }
            types.Insert(0, new ContainingTypeModel(KeywordOf(type), type.Name, type.IsStatic));
        }

        if (!method.IsStatic)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.MethodNotStatic, syntax.Identifier.GetLocation(), method.Name));
            ok = false;
        }
        if (method.IsGenericMethod || method.IsAsync || method.ReturnsByRef || method.ReturnsByRefReadonly || method.IsExtern || (syntax.Body is null && syntax.ExpressionBody is null))
        {
            var why = method.IsGenericMethod ? "generic methods cannot be differentiated; write it for double"
                : method.IsAsync ? "async methods cannot be differentiated"
                : method.ReturnsByRef || method.ReturnsByRefReadonly ? "ref returns cannot be differentiated; return by value"
                : "it has no body to differentiate";
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.UnsupportedMethodShape, syntax.Identifier.GetLocation(), method.Name, why));
            ok = false;
        }

        var parameters = new List<ParameterModel>();
        var sourceNames = method.Parameters.Select(p => Identifiers.Escape(p.Name)).ToList();
        var taken = new HashSet<string>(sourceNames);
        foreach (var parameter in method.Parameters)
        {
            var model = ReadParameter(parameter, GeneratedCodeName(Identifiers.Escape(parameter.Name), sourceNames, taken));
            if (model is null)
            {
                var location = (parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() as ParameterSyntax)?.Type?.GetLocation() ?? syntax.Identifier.GetLocation();
                var reason = parameter.RefKind != RefKind.None ? $"ref, out and in parameters are not supported; {SupportedParameters}"
                    : parameter.IsParams ? $"'params' parameters are not supported (the generated methods put the seed and buffers after it); declare '{parameter.Name}' without 'params' and pass an array"
                    : SupportedParameters;
                var written = (parameter.RefKind != RefKind.None ? parameter.RefKind.ToString().ToLowerInvariant() + " " : parameter.IsParams ? "params " : "") + TypeText.Of(parameter.Type);
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.UnsupportedParameterType, location, parameter.Name, written, method.Name, reason));
                ok = false;
            }
            else
            {
                parameters.Add(model);
            }
        }

        var outputs = method.Parameters.Where(p => parameters.Any(m => m.Name == p.Name && m.Kind == ParameterKind.OutputSpan)).ToList();
        if (outputs.Count > 1 || (outputs.Count == 1 && !method.ReturnsVoid))
        {
            var extra = outputs.Count > 1 ? outputs[1] : outputs[0];
            var location = (extra.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() as ParameterSyntax)?.Type?.GetLocation() ?? syntax.Identifier.GetLocation();
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.UnsupportedParameterType, location, extra.Name, TypeText.Of(extra.Type), method.Name,
                "a method may have one Span<double> output parameter, and then returns void; return the other results or split the method"));
            ok = false;
        }

        var result = ReadResult(method.ReturnType);
        if (result is null || (result.Kind == ResultKind.Void && !parameters.Any(p => p.Kind == ParameterKind.OutputSpan)))
        {
            var reason = result is null ? SupportedResults : "a void method must write its result into a Span<double> output parameter";
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.UnsupportedReturnType, syntax.ReturnType.GetLocation(), TypeText.Of(method.ReturnType), method.Name, reason));
            ok = false;
        }

        if (!ok)
        {
            return null;
        }
        if (result!.Kind == ResultKind.Void)
        {
            // The seed of a void method has the element type of its Span output.
            result = result with { ElementType = parameters.First(p => p.Kind == ParameterKind.OutputSpan).ElementType };
        }
        var ns = method.ContainingType!.ContainingNamespace;
        return new Signature(
            ns.IsGlobalNamespace ? "" : ns.ToDisplayString(),
            types.ToEquatableArray(),
            AccessibilityText(method.DeclaredAccessibility),
            parameters.ToEquatableArray(),
            result!);
    }

    /// <summary>
    /// A parameter named like something the generated code declares (seed, a buffer xGrad...) is
    /// renamed inside the generated code, so both compile.
    /// </summary>
    private static string GeneratedCodeName(string name, List<string> parameterNames, HashSet<string> taken)
    {
        if (!Identifiers.IsReserved(name, parameterNames.Where(p => p != name)))
        {
            return name;
        }
        for (var i = 1; ; i++)
        {
            var candidate = Identifiers.Unescape(name) + "_" + i;
            if (taken.Add(candidate) && !Identifiers.IsReserved(candidate, parameterNames))
            {
                return candidate;
            }
        }
    }

    /// <summary>Whether the parameter is data of its method (<see cref="ParameterKind.Data"/>).</summary>
    public static bool IsData(IParameterSymbol parameter) => ReadParameter(parameter, parameter.Name)?.Kind == ParameterKind.Data;

    private static ParameterModel? ReadParameter(IParameterSymbol parameter, string name)
    {
        if (parameter.RefKind != RefKind.None || parameter.IsParams)
        {
            return null;
        }
        var noGradient = parameter.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KnownTypes.NoGradientAttribute);
        var type = parameter.Type;
        if (KnownTypes.TryGetScalar(type, out var scalar))
        {
            return new ParameterModel(name, ParameterKind.Scalar, scalar, noGradient);
        }
        if (KnownTypes.TryGetArray(type, out var element) && element.IsReal())
        {
            return new ParameterModel(name, ParameterKind.Array, element, noGradient);
        }
        if (KnownTypes.TryGetSpan(type, out var readOnly, out element) && element.IsReal())
        {
            return new ParameterModel(name, readOnly ? ParameterKind.ReadOnlySpan : ParameterKind.OutputSpan, element, noGradient);
        }
        if (KnownTypes.IsTensor(type))
        {
            return new ParameterModel(name, ParameterKind.Tensor, ScalarType.Double, noGradient);
        }
        if (DataTypes.CanBeData(type, noGradient))
        {
            return new ParameterModel(name, ParameterKind.Data, ScalarType.Int, NoGradient: true) { DataType = DataTypes.Declaration(type) };
        }
        return null;
    }

    private static ResultModel? ReadResult(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_Void)
        {
            return new ResultModel(ResultKind.Void, ScalarType.Double);
        }
        if (type.SpecialType is SpecialType.System_Double or SpecialType.System_Single)
        {
            return new ResultModel(ResultKind.Scalar, type.SpecialType == SpecialType.System_Single ? ScalarType.Float : ScalarType.Double);
        }
        if (KnownTypes.TryGetArray(type, out var element) && element.IsReal())
        {
            return new ResultModel(ResultKind.Array, element);
        }
        if (type is INamedTypeSymbol { IsTupleType: true } tuple && tuple.TupleElements.All(e => e.Type.SpecialType == SpecialType.System_Double))
        {
            return new ResultModel(ResultKind.Tuple, ScalarType.Double) { Elements = tuple.TupleElements.Select(e => e.Name).ToEquatableArray() };
        }
        return KnownTypes.IsTensor(type) ? new ResultModel(ResultKind.Tensor, ScalarType.Double) : null;
    }

    private static string KeywordOf(INamedTypeSymbol type) => type switch
    {
        { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Struct } => "struct",
        { TypeKind: TypeKind.Interface } => "interface",
        _ => "class",
    };

    private static string AccessibilityText(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Public => "public",
        Accessibility.Internal => "internal",
        Accessibility.Protected => "protected",
        Accessibility.ProtectedOrInternal => "protected internal",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => "private",
    };
}
