using System.Linq;
using SourceGen.Autodiff.Generator.Diagnostics;
using SourceGen.Autodiff.Generator.Differentiation;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Emission;

/// <summary>
/// MGradient: seed 1 and fresh gradients, for scalar results. For any other result it is
/// emitted as an [Obsolete(error: true)] method, so calling it is the compile-time error DIFF007
/// (PyTorch's "grad can be implicitly created only for scalar outputs").
/// </summary>
internal static class GradientEmitter
{
    public static void Emit(IndentedWriter writer, BackwardProgram program)
    {
        var method = program.Method;
        var differentiable = SourceEmitter.Differentiable(method).ToList();
        var signature = Signature(method);
        if (method.Result.Kind != ResultKind.Scalar)
        {
            EmitNotScalar(writer, method);
            return;
        }

        writer.Line("/// <summary>");
        writer.Line($"/// The gradient of <see cref=\"{method.Name}\"/> (seed 1), in fresh buffers.");
        writer.Line("/// </summary>");
        writer.Line(SourceEmitter.GeneratedCodeAttribute);
        writer.Open(signature);
        foreach (var p in differentiable)
        {
            var grad = ReverseMode.GradientName(p.Name);
            writer.Line(p.Kind switch
            {
                ParameterKind.Scalar => $"{p.ElementType.Keyword()} {grad} = 0;",
                ParameterKind.Tensor => $"var {grad} = {TypeNames.Tensor}.ZerosLike({p.Name});",
                _ => $"var {grad} = new {p.ElementType.Keyword()}[{p.Name}.Length];",
            });
        }
        var arguments = method.Parameters.Select(p => p.Name).Append("1")
            .Concat(differentiable.Select(p => (p.Kind == ParameterKind.Scalar ? "ref " : "") + ReverseMode.GradientName(p.Name)));
        writer.Line($"{GeneratedMembers.Of(method).Backward}({string.Join(", ", arguments)});");
        if (differentiable.Count == 1)
        {
            writer.Line($"return {ReverseMode.GradientName(differentiable[0].Name)};");
        }
        else if (differentiable.Count > 1)
        {
            writer.Line($"return ({string.Join(", ", differentiable.Select(p => ReverseMode.GradientName(p.Name)))});");
        }
        writer.Close();
    }

    /// <summary>One fresh gradient, or a tuple named after the differentiable parameters.</summary>
    public static string Signature(MethodModel method)
    {
        var differentiable = SourceEmitter.Differentiable(method).ToList();
        var returnType = differentiable.Count switch
        {
            0 => "void",
            1 => TypeNames.Gradient(differentiable[0]),
            _ => "(" + string.Join(", ", differentiable.Select(p => $"{TypeNames.Gradient(p)} {p.Name}")) + ")",
        };
        return $"{method.Accessibility} static {returnType} {GeneratedMembers.Of(method).Gradient}({string.Join(", ", SourceEmitter.Parameters(method))})";
    }

    /// <summary>MGradient of a non-scalar result: calling it is the compile-time error DIFF007.</summary>
    public static void EmitNotScalar(IndentedWriter writer, MethodModel method)
    {
        var message = string.Format(DiagnosticDescriptors.ImplicitSeedOnNonScalar.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture),
            method.Name, Describe(method.Result));
        var literal = SourceEmitter.StringLiteral(message);
        writer.Line("/// <summary>Not available: the result is not a scalar. Call the Backward method with a seed.</summary>");
        writer.Line($"[global::System.Obsolete({literal}, true, DiagnosticId = \"{DiagnosticDescriptors.ImplicitSeedOnNonScalar.Id}\", UrlFormat = \"{DiagnosticDescriptors.ImplicitSeedOnNonScalar.HelpLinkUri}\")]");
        writer.Line(SourceEmitter.GeneratedCodeAttribute);
        writer.Line($"{Signature(method)} => throw new global::System.NotSupportedException({literal});");
    }

    private static string Describe(ResultModel result) => result.Kind switch
    {
        ResultKind.Array => "an array",
        ResultKind.Tensor => "a Tensor",
        _ => "its result through a Span output",
    };
}
