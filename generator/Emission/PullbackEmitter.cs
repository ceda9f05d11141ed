using System.Collections.Generic;
using System.Linq;
using SourceGen.Autodiff.Generator.Differentiation;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Emission;

/// <summary>
/// MPullback: the forward sweep runs once in the constructor of MPullbackResult, which keeps
/// exactly the values the reverse sweep reads (inputs are copied); Backward may be called any
/// number of times (PyTorch's retain_graph=True).
/// </summary>
internal static class PullbackEmitter
{
    private const string OutputLength = "outputLength";

    public static string ClassName(MethodModel method) => GeneratedMembers.Of(method).PullbackResult;

    public static string Signature(MethodModel method) =>
        $"{method.Accessibility} static {ClassName(method)} {GeneratedMembers.Of(method).Pullback}({string.Join(", ", SourceEmitter.Parameters(method))})";

    /// <summary>MPullbackResult.Backward: the seed, then the gradient buffers.</summary>
    public static string BackwardSignature(MethodModel method) =>
        $"public void Backward({string.Join(", ", new[] { SourceEmitter.SeedParameter(method) }.Concat(SourceEmitter.Buffers(method)))})";

    public static void Emit(IndentedWriter writer, BackwardProgram program)
    {
        var method = program.Method;
        var className = ClassName(method);
        var arguments = string.Join(", ", method.Parameters.Select(p => p.Name));

        writer.Line("/// <summary>");
        writer.Line($"/// Runs <see cref=\"{method.Name}\"/> once and keeps what its backward sweep needs: call Backward with any number of seeds.");
        writer.Line("/// </summary>");
        writer.Line(SourceEmitter.GeneratedCodeAttribute);
        writer.Line($"{Signature(method)} => new {className}({arguments});");
        writer.Line();

        var parameters = method.Parameters.ToDictionary(p => p.Name);
        var capturedParameters = method.Parameters
            .Where(p => program.CapturedValues.Contains(p.Name) || p.IsDifferentiable && p.IsAggregate || p.Kind == ParameterKind.Data)
            .ToList();
        var lets = program.Forward.OfType<Let>().ToDictionary(l => l.Name, l => l.Value.Type.Keyword());
        foreach (var tensor in program.Forward.OfType<TensorLet>())
        {
            lets[tensor.Name] = TypeNames.Tensor;
        }
        foreach (var local in program.ForwardLocals)
        {
            lets[local.Name] = local.Type.Keyword();
        }
        foreach (var statement in program.Forward)
        {
            switch (statement)
            {
                case AllocateArray array: lets[array.Name] = array.ElementType.Keyword() + "[]"; break;
                case CallStatement { Declares: true } call: lets[call.Output] = call.Call.Type.Keyword() + "[]"; break;
                case AllocateTensor tensor: lets[tensor.Name] = TypeNames.Tensor; break;
            }
        }
        var capturedLets = program.CapturedValues.Where(lets.ContainsKey).ToList();
        var output = SourceEmitter.OutputName(method);

        writer.Line($"/// <summary>The forward result of <see cref=\"{method.Name}\"/> and its pullback.</summary>");
        writer.Line(SourceEmitter.GeneratedCodeAttribute);
        writer.Open($"{method.Accessibility} sealed class {className}");
        foreach (var p in capturedParameters)
        {
            writer.Line($"private readonly {StoredType(p)} {p.Name};");
        }
        foreach (var name in capturedLets)
        {
            writer.Line($"private readonly {lets[name]} {name};");
        }
        if (output is not null)
        {
            writer.Line($"private readonly int {OutputLength};");
        }
        if (program.NeedsTape)
        {
            writer.Line($"private readonly {TypeNames.TapeType} {ExpressionPrinter.Tape} = new {TypeNames.TapeType}();");
        }
        writer.Line();

        writer.Open($"internal {className}({string.Join(", ", SourceEmitter.Parameters(method))})");
        SourceEmitter.OverlapChecks(writer, method, parameters: true, seed: false, buffers: false);
        var fields = new HashSet<string>(capturedLets);
        BackwardEmitter.DeclareLocals(writer, program, fields);
        StatementPrinter.Forward(writer, program.Forward, fields);
        if (program.HasEarlyReturn)
        {
            writer.Line($"{StatementPrinter.ReverseLabel}:");
        }
        if (method.Result.Kind != ResultKind.Void)
        {
            writer.Line($"Value = {program.ResultName};");
        }
        if (output is not null)
        {
            writer.Line($"this.{OutputLength} = {output}.Length;");
        }
        foreach (var p in capturedParameters)
        {
            writer.Line($"this.{p.Name} = {Copy(p)};");
        }
        writer.Close();

        if (method.Result.Kind != ResultKind.Void)
        {
            writer.Line();
            writer.Line($"/// <summary>What <see cref=\"{method.Name}\"/> returned.</summary>");
            writer.Line($"public {TypeNames.Result(method.Result)} Value {{ get; }}");
        }

        writer.Line();
        writer.Line("/// <summary>Adds <c>seed</c>-weighted gradients into the buffers, as the Backward method does.</summary>");
        writer.Open(BackwardSignature(method));
        SourceEmitter.BufferChecks(writer, method);
        SourceEmitter.OverlapChecks(writer, method, parameters: false, seed: true, buffers: true);
        if (method.Result.Kind == ResultKind.Void)
        {
            writer.Line($"{TypeNames.Shapes}.RequireLength({ReverseMode.Seed}.Length, {OutputLength}, nameof({ReverseMode.Seed}), \"the result\");");
        }
        else
        {
            SourceEmitter.SeedCheck(writer, method, "Value");
        }
        if (program.UsesTape)
        {
            EmitTapeReverse(writer, program, capturedParameters, capturedLets, lets);
        }
        else
        {
            StatementPrinter.Reverse(writer, program.Reverse, SourceEmitter.TensorNames(method));
        }
        writer.Close();
        writer.Close();
    }

    /// <summary>
    /// The reverse sweep restores overwritten values into its variables, so each call works on
    /// copies of the kept final values, reads the kept tape without consuming it, and takes its
    /// scratch buffers from a pooled tape of its own.
    /// </summary>
    private static void EmitTapeReverse(IndentedWriter writer, BackwardProgram program, List<ParameterModel> capturedParameters, List<string> capturedLets, Dictionary<string, string> types)
    {
        if (program.NeedsTape)
        {
            writer.Line($"var {ExpressionPrinter.Reader} = this.{ExpressionPrinter.Tape}.Reader();");
            writer.Line($"var {ExpressionPrinter.Tape} = {TypeNames.TapeType}.Rent();");
        }
        foreach (var p in capturedParameters.Where(p => p.Kind == ParameterKind.Scalar))
        {
            writer.Line($"{StoredType(p)} {p.Name} = this.{p.Name};");
        }
        foreach (var name in capturedLets)
        {
            var type = types[name];
            var copy = type.EndsWith("[]", System.StringComparison.Ordinal) ? $"({type})this.{name}.Clone()"
                : type == TypeNames.Tensor ? $"this.{name}.Clone()"
                : $"this.{name}";
            writer.Line($"{type} {name} = {copy};");
        }
        StatementPrinter.Reverse(writer, program.Reverse, SourceEmitter.TensorNames(program.Method));
        if (program.NeedsTape)
        {
            writer.Line($"{ExpressionPrinter.Tape}.Release();");
        }
    }

    /// <summary>Inputs are kept as copies: a caller changing its array later must not change the gradient.</summary>
    private static string StoredType(ParameterModel p) => p.Kind switch
    {
        ParameterKind.Scalar => p.ElementType.Keyword(),
        ParameterKind.Tensor => TypeNames.Tensor,
        ParameterKind.Data => p.DataType!,
        _ => p.ElementType.Keyword() + "[]",
    };

    private static string Copy(ParameterModel p) => p.Kind switch
    {
        ParameterKind.Scalar => p.Name,
        ParameterKind.Tensor => p.Name + ".Clone()",
        // Data arrays are copied like inputs; other data is kept by reference (the reverse sweep may read it).
        ParameterKind.Data when p.DataType!.EndsWith("]", System.StringComparison.Ordinal) => $"({p.DataType}){p.Name}.Clone()",
        ParameterKind.Data => p.Name,
        ParameterKind.Array => $"({p.ElementType.Keyword()}[]){p.Name}.Clone()",
        _ => p.Name + ".ToArray()",
    };
}
