using System.Collections.Generic;
using System.Linq;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;
using static SourceGen.Autodiff.Generator.Emission.ExpressionPrinter;

namespace SourceGen.Autodiff.Generator.Emission;

/// <summary>Prints the forward sweep and the reverse sweep.</summary>
internal static class StatementPrinter
{
    /// <summary>
    /// Prints the forward statements (not the final return). Names in <paramref name="fields"/>
    /// are fields of a pullback object: they are assigned, not declared.
    /// </summary>
    public static void Forward(IndentedWriter writer, IEnumerable<Statement> statements, ISet<string>? fields = null, ISet<string>? tensors = null)
    {
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case Let let when fields is not null && fields.Contains(let.Name):
                    writer.Line($"this.{let.Name} = {Print(let.Value)};");
                    break;
                case Let let:
                    writer.Line($"{let.Value.Type.Keyword()} {let.Name} = {Print(let.Value)};");
                    break;
                case Store store:
                    writer.Line($"{store.Aggregate}[{string.Join(", ", store.Indices.Select(Print))}] = {Print(store.Value)};");
                    break;
                case AllocateArray array:
                    writer.Line($"{Target(array.Name, fields, "var")} = new {array.ElementType.Keyword()}[{Print(array.Length)}];");
                    break;
                case AllocateTensor tensor:
                    writer.Line($"{Target(tensor.Name, fields, "var")} = {TypeNames.Tensor}.Zeros({string.Join(", ", tensor.Dimensions.Select(Print))});");
                    break;
                case TensorLet tensorLet when fields is not null && fields.Contains(tensorLet.Name):
                    writer.Line($"this.{tensorLet.Name} = {TensorPrinter.Print(tensorLet.Value)};");
                    break;
                case TensorLet tensorLet:
                    writer.Line($"var {tensorLet.Name} = {TensorPrinter.Print(tensorLet.Value)};");
                    break;
                case Assign assign:
                    writer.Line(AssignText(assign) + ";");
                    break;
                case CallStatement { Targets.Count: > 0 } call:
                    writer.Line($"({string.Join(", ", call.Targets)}) = {Print(call.Call)};");
                    break;
                case CallStatement { Declares: true } call:
                    writer.Line($"{Target(call.Output, fields, "var")} = {Print(call.Call)};");
                    break;
                case CallStatement call:
                    if (call.SaveOutput)
                    {
                        writer.Line($"{Tape}.PushAll({call.Output});");
                    }
                    writer.Line(Print(call.Call) + ";");
                    break;
                case TapePush { Local: true } push:
                    LocalPush(writer, push);
                    break;
                case TapePush push:
                    writer.Line(PushText(push) + ";");
                    break;
                case If branch:
                    writer.Open($"if ({Print(branch.Condition)})");
                    Forward(writer, branch.Then, fields, tensors);
                    writer.Close();
                    if (branch.Else.Count > 0)
                    {
                        writer.Open("else");
                        Forward(writer, branch.Else, fields, tensors);
                        writer.Close();
                    }
                    break;
                case Loop { Kind: LoopKind.For } loop:
                    Reserve(writer, loop.ReserveValues, LocalTape.Values, LocalTape.ValueCount, "ReserveValues");
                    Reserve(writer, loop.ReserveDecisions, LocalTape.Decisions, LocalTape.DecisionCount, "ReserveDecisions");
                    writer.Open($"for (; {Print(loop.Condition)}; {string.Join(", ", loop.Step.Select(StepText))})");
                    Forward(writer, loop.Body, fields, tensors);
                    writer.Close();
                    break;
                case Loop { Kind: LoopKind.While } loop:
                    writer.Open($"while ({Print(loop.Condition)})");
                    Forward(writer, loop.Body, fields, tensors);
                    writer.Close();
                    break;
                case Loop loop:
                    writer.Open("do");
                    Forward(writer, loop.Body, fields, tensors);
                    writer.Close($" while ({Print(loop.Condition)});");
                    break;
                case Break:
                    writer.Line("break;");
                    break;
                case Continue:
                    writer.Line("continue;");
                    break;
                case ForwardReturn:
                    writer.Line($"goto {ReverseLabel};");
                    break;
                case RunReverse run:
                    if (run.Comment is not null)
                    {
                        writer.Line("// " + run.Comment);
                    }
                    RecordMeterLines.Print(writer);
                    if (run.ReadsTape)
                    {
                        writer.Line($"{Reader} = {Tape}.Reader();");
                    }
                    Reverse(writer, run.Statements, tensors ?? NoTensors);
                    if (run.ReadsTape)
                    {
                        // Everything this iteration recorded has been read: the next one reuses the space.
                        writer.Line($"{Tape}.Rewind({Reader});");
                    }
                    break;
            }
        }
    }

    private static readonly ISet<string> NoTensors = new HashSet<string>();

    /// <summary>A fused loop in <paramref name="statements"/> reads its records back as it runs (the method declares its reader up front).</summary>
    public static bool RunsReverseReadingTape(IEnumerable<Statement> statements) => statements.Any(s => s switch
    {
        RunReverse run => run.ReadsTape,
        Loop loop => RunsReverseReadingTape(loop.Body),
        If branch => RunsReverseReadingTape(branch.Then) || RunsReverseReadingTape(branch.Else),
        _ => false,
    });

    /// <summary><c>+= v</c>, or <c>-= v</c> for a negated value.</summary>
    private static string Accumulate(Expr value) =>
        value is Unary { Op: UnaryOp.Negate } negated ? "-= " + Print(negated.Operand) : "+= " + Print(value);

    /// <summary>A declaration, or the assignment of a pullback's field of that name.</summary>
    private static string Target(string name, ISet<string>? fields, string declaration) =>
        fields is not null && fields.Contains(name) ? "this." + name : declaration + " " + name;

    /// <summary>Where a return inside branches or loops jumps: the start of the reverse sweep.</summary>
    public const string ReverseLabel = "reverse";

    private static string AssignText(Assign assign) =>
        assign.Value is DataRead { IsStatement: true } call ? Print(call) : $"{assign.Name} = {Print(assign.Value)}";

    private static string PushText(TapePush push) => push.Value.Type switch
    {
        ScalarType.Bool => $"{Tape}.PushBool({Print(push.Value)})",
        ScalarType.Int => $"{Tape}.PushInt({Print(push.Value)})",
        _ => $"{Tape}.Push({Print(push.Value)})",
    };

    /// <summary>A record into the method's own spans: grown (into the tape's pooled storage) only when full.</summary>
    private static void LocalPush(IndentedWriter writer, TapePush push)
    {
        var (span, count, grow, value) = !LocalTape.IsDecision(push.Value.Type)
            ? (LocalTape.Values, LocalTape.ValueCount, "GrowValues", Print(push.Value))
            : (LocalTape.Decisions, LocalTape.DecisionCount, "GrowDecisions", push.Value.Type == ScalarType.Bool ? $"{Print(push.Value)} ? 1 : 0" : Print(push.Value));
        if (!push.Reserved)
        {
            writer.Line($"if ({count} == {span}.Length) {span} = {TypeNames.TapeType}.{grow}({span}, ref {Tape});");
        }
        writer.Line($"{span}[{count}++] = {value};");
    }

    /// <summary>A counted loop's room for its records, made once before it starts.</summary>
    private static void Reserve(IndentedWriter writer, Expr? room, string span, string count, string reserve)
    {
        if (room is not null)
        {
            var needed = $"{count} + {Print(room)}";
            writer.Line($"if ({needed} > {span}.Length) {span} = {TypeNames.TapeType}.{reserve}({span}, {needed}, ref {Tape});");
        }
    }

    /// <summary>A for loop's step statements, as the comma-separated expressions C# allows there.</summary>
    private static string StepText(Statement statement) => statement switch
    {
        Assign assign => AssignText(assign),
        TapePush push => PushText(push),
        _ => throw new System.InvalidOperationException($"Unexpected step statement {statement}."),
    };

    /// <summary>Prints the reverse sweep. <paramref name="tensors"/> names the Tensor-typed inputs, seed and buffers (read through AsSpan in loops).</summary>
    public static void Reverse(IndentedWriter writer, IEnumerable<BackwardStatement> statements, ISet<string> tensors, string? loopIndex = null)
    {
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case DeclareValue declare:
                    writer.Line($"{declare.Value.Type.Keyword()} {declare.Name} = {Print(declare.Value)};");
                    break;
                case AccumulateScalarGradient scalar:
                    writer.Line($"{scalar.Buffer} {Accumulate(scalar.Value)};");
                    break;
                case AccumulateElementGradient element when element.Indices.Count == 1 && element.Indices[0] is Variable index && index.Name == loopIndex:
                    writer.Line($"{ValuesOf(element.Buffer)}[{index.Name}] {Accumulate(element.Value)};");
                    break;
                case AccumulateElementGradient element:
                    writer.Line($"{element.Buffer}[{string.Join(", ", element.Indices.Select(Print))}] {Accumulate(element.Value)};");
                    break;
                case AccumulateLocal local:
                    writer.Line($"{local.Name} {Accumulate(local.Value)};");
                    break;
                case ElementLoop loop:
                    Loop(writer, loop, tensors);
                    break;
                case SetLocal set:
                    writer.Line($"{set.Name} = {Print(set.Value)};");
                    break;
                case SetElement set:
                    writer.Line($"{set.Aggregate}[{string.Join(", ", set.Indices.Select(Print))}] = {Print(set.Value)};");
                    break;
                case BackwardIf branch:
                    writer.Open($"if ({Print(branch.Condition)})");
                    Reverse(writer, branch.Then, tensors, loopIndex);
                    writer.Close();
                    if (branch.Else.Count > 0)
                    {
                        writer.Open("else");
                        Reverse(writer, branch.Else, tensors, loopIndex);
                        writer.Close();
                    }
                    break;
                case BackwardFor loop:
                    var declaration = loop.Declare ? "int " : "";
                    var step = loop.Step == 1 ? $"{loop.Index}++" : loop.Step == -1 ? $"{loop.Index}--" : $"{loop.Index} += {loop.Step}";
                    writer.Open($"for ({declaration}{loop.Index} = {Print(loop.Start)}; {Print(loop.Condition)}; {step})");
                    Reverse(writer, loop.Body, tensors, loopIndex);
                    writer.Close();
                    break;
                case DeclareBuffer buffer:
                    writer.Line(BufferText(buffer));
                    break;
                case ReverseCall call:
                    writer.Line(ReverseCallText(call) + ";");
                    if (call.RestoresOutput)
                    {
                        var output = call.Call.Arguments.Where((a, k) => call.Call.Parameters[k].Kind == Model.ParameterKind.OutputSpan).Single();
                        writer.Line($"{Reader}.PopAll({Print(output)});");
                    }
                    break;
            }
        }
    }

    private static string ReverseCallText(ReverseCall reverse)
    {
        var call = reverse.Call;
        var buffers = call.Parameters.Where(p => p.IsDifferentiable).Select((p, k) => (p.Kind == Model.ParameterKind.Scalar ? "ref " : "") + reverse.Buffers[k]);
        if (call.UserDerivative is { } vjp)
        {
            // The user's VJP recomputes the value it returns; only its gradients are used here.
            return $"{vjp}({string.Join(", ", call.Arguments.Select(Print).Append(Print(reverse.Seed)).Concat(buffers))})";
        }
        var seeds = reverse.Seeds.Count > 0 ? reverse.Seeds.Select(Print) : new[] { Print(reverse.Seed) };
        var arguments = call.Arguments.Select(Print).Concat(seeds).Concat(buffers).Append("ref " + Reader).Append(Tape);
        return $"{call.ContainingType}.{GeneratedMembers.TapedReverseName(call.Method)}({string.Join(", ", arguments)})";
    }

    private static string BufferText(DeclareBuffer buffer)
    {
        if (buffer.IsTensor)
        {
            return buffer.CopyOf is null
                ? $"var {buffer.Name} = {TypeNames.Tensor}.ZerosLike({buffer.Like});"
                : $"var {buffer.Name} = {buffer.CopyOf}.Clone();";
        }
        // A copy of the seed is as long as the seed (checked against the result before the reverse sweep).
        var scratch = buffer.Element == ScalarType.Float ? "ScratchSingle" : "Scratch";
        var declaration = $"{buffer.Element.Keyword()}[] {buffer.Name} = {Tape}.{scratch}({buffer.CopyOf ?? buffer.Like}.Length);";
        return buffer.CopyOf is null ? declaration : $"{declaration} (({TypeNames.ReadOnlySpan(buffer.Element)}){buffer.CopyOf}).CopyTo({buffer.Name});";
    }

    private static void Loop(IndentedWriter writer, ElementLoop loop, ISet<string> tensors)
    {
        foreach (var accumulator in loop.Accumulators)
        {
            writer.Line($"double {accumulator} = 0;");
        }
        if (loop.CheckShapes)
        {
            foreach (var read in loop.ReadTensors.Where(r => r != loop.LengthOf))
            {
                writer.Line($"{TypeNames.Shapes}.RequireSameShape({read}, {loop.LengthOf}, nameof({read}), nameof({loop.LengthOf}));");
            }
        }
        writer.OpenBlock();
        foreach (var read in loop.ReadTensors)
        {
            writer.Line($"{TypeNames.ReadOnlySpan(ScalarType.Double)} {ValuesOf(read)} = {SpanOf(read, tensors, writable: false)};");
        }
        foreach (var buffer in loop.WrittenBuffers)
        {
            writer.Line($"{TypeNames.Span(ScalarType.Double)} {ValuesOf(buffer)} = {SpanOf(buffer, tensors, writable: true)};");
        }
        writer.Open($"for (int {loop.Index} = 0; {loop.Index} < {loop.LengthOf}.Length; {loop.Index}++)");
        Reverse(writer, loop.Body, tensors, loop.Index);
        writer.Close();
        writer.Close();
    }

    private static string SpanOf(string name, ISet<string> tensors, bool writable) =>
        tensors.Contains(name) ? (writable ? $"{name}.AsSpan()" : $"{name}.AsReadOnlySpan()") : name;
}
