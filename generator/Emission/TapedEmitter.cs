using System.Collections.Generic;
using System.Linq;
using SourceGen.Autodiff.Generator.Differentiation;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Emission;

/// <summary>
/// MTapedForward and MTapedReverse: the split form of MBackward that other [Differentiable]
/// methods call. The forward records on the caller's tape what M's reverse reads; the reverse
/// reads it back. So a call costs one forward and one reverse of M, however deep calls nest.
/// </summary>
internal static class TapedEmitter
{
    public static bool Applies(MethodModel method) => GeneratedMembers.Of(method).HasTaped;

    private static string TapeParameter => $"{TypeNames.TapeType} {ExpressionPrinter.Tape}";

    public static string ForwardSignature(MethodModel method) =>
        $"internal static {TypeNames.Result(method.Result)} {GeneratedMembers.TapedForwardName(method.Name)}({string.Join(", ", SourceEmitter.Parameters(method).Append(TapeParameter))})";

    /// <summary>
    /// For a void method the seed is the caller's adjoint buffer of the Span output, named
    /// <paramref name="outputAdjoint"/>: read, and cleared where the method writes, in place.
    /// </summary>
    public static string ReverseSignature(MethodModel method, string? outputAdjoint = null)
    {
        var seed = method.Result.Kind == ResultKind.Void
            ? $"{TypeNames.Span(method.Result.ElementType)} {outputAdjoint ?? ReverseMode.Seed}"
            : SourceEmitter.SeedParameter(method);
        var parameters = SourceEmitter.Parameters(method).Append(seed).Concat(SourceEmitter.Buffers(method))
            .Append($"ref global::SourceGen.Autodiff.TapeReader {ExpressionPrinter.Reader}").Append(TapeParameter);
        return $"internal static void {GeneratedMembers.TapedReverseName(method.Name)}({string.Join(", ", parameters)})";
    }

    public static void Emit(IndentedWriter writer, BackwardProgram program)
    {
        var method = program.Method;
        var saved = SavedValues(program);

        writer.Line($"/// <summary>The forward sweep of <see cref=\"{method.Name}\"/> for a calling [Differentiable] method: records on <c>tape</c>.</summary>");
        writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.Line(SourceEmitter.GeneratedCodeAttribute);
        writer.Open(ForwardSignature(method));
        if (program.UsesTape)
        {
            BackwardEmitter.DeclareLocals(writer, program, captured: null);
        }
        StatementPrinter.Forward(writer, program.Forward);
        if (program.HasEarlyReturn)
        {
            writer.Line($"{StatementPrinter.ReverseLabel}:");
        }
        foreach (var (name, type) in saved)
        {
            writer.Line(type switch
            {
                "bool" => $"{ExpressionPrinter.Tape}.PushBool({name});",
                "int" => $"{ExpressionPrinter.Tape}.PushInt({name});",
                "double" or "float" => $"{ExpressionPrinter.Tape}.Push({name});",
                "long" => $"{ExpressionPrinter.Tape}.Push({name});",
                _ => $"{ExpressionPrinter.Tape}.PushObject({name});",
            });
        }
        if (method.Result.Kind != ResultKind.Void)
        {
            writer.Line($"return {program.ResultName};");
        }
        else if (program.HasEarlyReturn)
        {
            // The label above needs a statement after it.
            writer.Line("return;");
        }
        writer.Close();
        writer.Line();

        var restored = FlowReverseMode.RestoredAggregates(program.Reverse);
        writer.Line($"/// <summary>The reverse sweep of <see cref=\"{method.Name}\"/> for a calling [Differentiable] method: reads back what its taped forward recorded.</summary>");
        writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.Line(SourceEmitter.GeneratedCodeAttribute);
        // A void method's output adjoint is the caller's buffer, not a copy of a seed.
        var outputAdjoint = method.Result.Kind == ResultKind.Void
            ? program.Reverse.OfType<DeclareBuffer>().FirstOrDefault(b => b.CopyOf == ReverseMode.Seed)
            : null;
        writer.Open(ReverseSignature(method, outputAdjoint?.Name));
        var declared = new HashSet<string>(method.Parameters.Select(p => p.Name));
        if (program.UsesTape)
        {
            BackwardEmitter.DeclareLocals(writer, program, captured: null);
            declared.UnionWith(program.ForwardLocals.Select(l => l.Name));
        }
        foreach (var (name, type) in Enumerable.Reverse(saved))
        {
            var read = type switch
            {
                "bool" => $"{ExpressionPrinter.Reader}.PopBool()",
                "int" => $"{ExpressionPrinter.Reader}.PopInt()",
                "double" => $"{ExpressionPrinter.Reader}.Pop()",
                "float" => $"(float){ExpressionPrinter.Reader}.Pop()",
                "long" => $"(long){ExpressionPrinter.Reader}.Pop()",
                _ => restored.Contains(name)
                    ? $"({type}){ExpressionPrinter.Reader}.PopObject<{type}>().Clone()"
                    : $"{ExpressionPrinter.Reader}.PopObject<{type}>()",
            };
            writer.Line(declared.Contains(name) ? $"{name} = {read};" : $"{type} {name} = {read};");
        }
        // Whole-tensor locals are pure functions of the inputs: recomputed rather than recorded.
        StatementPrinter.Forward(writer, program.Forward.OfType<TensorLet>().Where(t => program.CapturedValues.Contains(t.Name)));
        StatementPrinter.Reverse(writer, program.Reverse.Where(s => !ReferenceEquals(s, outputAdjoint)), SourceEmitter.TensorNames(method));
        if (method.Result.Kind == ResultKind.Void && !program.UsesTape)
        {
            // Straight-line code reads the seed of each element it wrote: those adjoints are used up.
            foreach (var store in program.Forward.OfType<Store>())
            {
                writer.Line($"{ReverseMode.Seed}[{string.Join(", ", store.Indices.Select(i => ExpressionPrinter.Print(i)))}] = 0;");
            }
        }
        writer.Close();
    }

    private static IEnumerable<string> AssignedNames(Statement statement) => statement switch
    {
        Assign assign => new[] { assign.Name },
        If branch => branch.Then.SelectMany(AssignedNames).Concat(branch.Else.SelectMany(AssignedNames)),
        Loop loop => loop.Body.SelectMany(AssignedNames).Concat(loop.Step.SelectMany(AssignedNames)),
        _ => Enumerable.Empty<string>(),
    };

    /// <summary>What the reverse sweep reads that the forward sweep computed (inputs are passed again, unless reassigned).</summary>
    private static List<(string Name, string Type)> SavedValues(BackwardProgram program)
    {
        var types = new Dictionary<string, string>();
        foreach (var statement in program.Forward)
        {
            switch (statement)
            {
                case Let let: types[let.Name] = let.Value.Type.Keyword(); break;
                case AllocateArray array: types[array.Name] = array.ElementType.Keyword() + "[]"; break;
                case CallStatement { Declares: true } call: types[call.Output] = call.Call.Type.Keyword() + "[]"; break;
                case AllocateTensor tensor: types[tensor.Name] = TypeNames.Tensor; break;
            }
        }
        foreach (var local in program.ForwardLocals)
        {
            types[local.Name] = local.Type.Keyword();
        }
        var reassigned = new HashSet<string>(program.Forward.SelectMany(AssignedNames));
        foreach (var parameter in program.Method.Parameters.Where(p => p.Kind == ParameterKind.Scalar && program.UsesTape && reassigned.Contains(p.Name)))
        {
            // Parameters can be reassigned in methods with loops: their final values are recorded.
            types[parameter.Name] = parameter.ElementType.Keyword();
        }
        return program.CapturedValues.Where(types.ContainsKey).Select(n => (n, types[n])).ToList();
    }
}
