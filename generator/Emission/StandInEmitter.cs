using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Emission;

/// <summary>
/// The generated members of a method that cannot be differentiated: the same signatures a
/// differentiable method gets, with bodies that throw. Call sites then compile, so the only
/// errors a build shows are the analyzer's DIFF errors at the construct (not CS0117 "does not
/// contain a definition for 'MGradient'" at every call, listed first).
/// </summary>
internal static class StandInEmitter
{
    public static string Emit(MethodModel method)
    {
        var reason = string.IsNullOrEmpty(method.FailedWith)
            ? $"'{method.Name}' does not compile yet"
            : $"'{method.Name}' cannot be differentiated: see {method.FailedWith}";
        var literal = SourceEmitter.StringLiteral(reason);
        var body = $" => throw new global::System.NotSupportedException({literal});";
        var summary = $"/// <summary>Not available: {reason.Replace("'", "")} (reported where it cannot be differentiated).</summary>";

        var writer = SourceEmitter.OpenFile(method);
        Member(writer, summary, BackwardEmitter.Signature(method) + body);
        writer.Line();
        if (method.Result.Kind == ResultKind.Scalar)
        {
            Member(writer, summary, GradientEmitter.Signature(method) + body);
        }
        else
        {
            GradientEmitter.EmitNotScalar(writer, method);
        }
        writer.Line();
        Member(writer, summary, PullbackEmitter.Signature(method) + body);
        writer.Line();
        Member(writer, summary, null);
        writer.Open($"{method.Accessibility} sealed class {PullbackEmitter.ClassName(method)}");
        writer.Line($"private {PullbackEmitter.ClassName(method)}() {{ }}");
        if (method.Result.Kind != ResultKind.Void)
        {
            writer.Line();
            writer.Line($"public {TypeNames.Result(method.Result)} Value{body}");
        }
        writer.Line();
        writer.Line(PullbackEmitter.BackwardSignature(method) + body);
        writer.Close();
        if (JacobianEmitter.Applies(method))
        {
            writer.Line();
            Member(writer, summary, JacobianEmitter.Signature(method) + body);
        }
        if (TapedEmitter.Applies(method))
        {
            writer.Line();
            writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
            Member(writer, summary, TapedEmitter.ForwardSignature(method) + body);
            writer.Line();
            writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
            Member(writer, summary, TapedEmitter.ReverseSignature(method) + body);
        }
        return SourceEmitter.CloseFile(writer, method);
    }

    private static void Member(IndentedWriter writer, string summary, string? declaration)
    {
        writer.Line(summary);
        writer.Line(SourceEmitter.GeneratedCodeAttribute);
        if (declaration is not null)
        {
            writer.Line(declaration);
        }
    }
}
