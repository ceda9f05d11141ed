using System.Linq;
using SourceGen.Autodiff.Generator.Differentiation;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Emission;

/// <summary>The global::-qualified C# types of parameters, buffers, seeds and results.</summary>
internal static class TypeNames
{
    public const string Tensor = "global::SourceGen.Autodiff.Tensor";
    public const string Shapes = "global::SourceGen.Autodiff.Shapes";
    public const string Math = "global::System.Math";
    public const string MathF = "global::System.MathF";
    public const string TapeType = "global::SourceGen.Autodiff.Tape";
    public const string TapeReaderType = "global::SourceGen.Autodiff.TapeReader";

    public static string Span(ScalarType element) => $"global::System.Span<{element.Keyword()}>";

    public static string ReadOnlySpan(ScalarType element) => $"global::System.ReadOnlySpan<{element.Keyword()}>";

    public static string Parameter(ParameterModel p) => p.Kind switch
    {
        ParameterKind.Scalar => p.ElementType.Keyword(),
        ParameterKind.Array => p.ElementType.Keyword() + "[]",
        ParameterKind.ReadOnlySpan => ReadOnlySpan(p.ElementType),
        ParameterKind.OutputSpan => Span(p.ElementType),
        ParameterKind.Data => p.DataType!,
        _ => Tensor,
    };

    /// <summary>The gradient buffer of a differentiable parameter, as a parameter declaration.</summary>
    public static string Buffer(ParameterModel p) => p.Kind switch
    {
        ParameterKind.Scalar => $"ref {p.ElementType.Keyword()} {ReverseMode.GradientName(p.Name)}",
        ParameterKind.Tensor => $"{Tensor} {ReverseMode.GradientName(p.Name)}",
        _ => $"{Span(p.ElementType)} {ReverseMode.GradientName(p.Name)}",
    };

    /// <summary>A fresh gradient, as MGradient returns it.</summary>
    public static string Gradient(ParameterModel p) => p.Kind switch
    {
        ParameterKind.Scalar => p.ElementType.Keyword(),
        ParameterKind.Tensor => Tensor,
        _ => p.ElementType.Keyword() + "[]",
    };

    public static string Seed(ResultModel result) => result.Kind switch
    {
        ResultKind.Scalar => result.ElementType.Keyword(),
        ResultKind.Tensor => Tensor,
        _ => ReadOnlySpan(result.ElementType),
    };

    public static string Result(ResultModel result) => result.Kind switch
    {
        ResultKind.Scalar => result.ElementType.Keyword(),
        ResultKind.Tuple => "(" + string.Join(", ", result.Elements.Select(e => "double " + e)) + ")",
        ResultKind.Array => result.ElementType.Keyword() + "[]",
        ResultKind.Tensor => Tensor,
        _ => "void",
    };
}
