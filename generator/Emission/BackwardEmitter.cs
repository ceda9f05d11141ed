using System.Collections.Generic;
using System.Linq;
using SourceGen.Autodiff.Generator.Differentiation;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Emission;

/// <summary>MBackward: runs M and adds the seed-weighted gradient into the buffers.</summary>
internal static class BackwardEmitter
{
    public static void Emit(IndentedWriter writer, BackwardProgram program)
    {
        var fused = program.FusedBackward is { } backward && RunReverse.Within(backward.Forward).Any();
        program = program.FusedBackward ?? program;
        var method = program.Method;
        writer.Line("/// <summary>");
        writer.Line($"/// Runs <see cref=\"{method.Name}\"/> and adds <c>seed</c>-weighted gradients (the vector-Jacobian product) into the gradient buffers.");
        writer.Line("/// Buffers accumulate: clear them to start over.");
        writer.Line("/// </summary>");
        writer.Line(SourceEmitter.GeneratedCodeAttribute);
        writer.Open(Signature(method));
        SourceEmitter.BufferChecks(writer, method);
        SourceEmitter.OverlapChecks(writer, method, parameters: true, seed: true, buffers: true);
        var output = SourceEmitter.OutputName(method);
        if (method.Result.Kind == ResultKind.Void && output is not null)
        {
            SourceEmitter.SeedCheck(writer, method, output);
        }
        if (program.UsesTape)
        {
            EmitWithTape(writer, program, fused);
            writer.Close();
            return;
        }
        StatementPrinter.Forward(writer, program.Forward, tensors: SourceEmitter.TensorNames(method));
        if (method.Result.Kind is ResultKind.Array or ResultKind.Tensor && program.ResultName is not null)
        {
            SourceEmitter.SeedCheck(writer, method, program.ResultName);
        }
        if (program.Reverse.Count > 0)
        {
            writer.Line();
            writer.Line("// Reverse sweep.");
            StatementPrinter.Reverse(writer, program.Reverse, SourceEmitter.TensorNames(method));
        }
        if (method.Result.Kind != ResultKind.Void)
        {
            writer.Line($"return {program.ResultName};");
        }
        writer.Close();
    }

    /// <summary>M's parameters, the seed, then one gradient buffer per differentiable parameter.</summary>
    public static string Signature(MethodModel method)
    {
        var parameters = SourceEmitter.Parameters(method).Append(SourceEmitter.SeedParameter(method)).Concat(SourceEmitter.Buffers(method));
        return $"{method.Accessibility} static {TypeNames.Result(method.Result)} {GeneratedMembers.Of(method).Backward}({string.Join(", ", parameters)})";
    }

    /// <summary>Forward sweep recording on a pooled tape, then the reverse sweep reading it back.</summary>
    private static void EmitWithTape(IndentedWriter writer, BackwardProgram program, bool fused)
    {
        var method = program.Method;
        var local = program.LocalRecords;
        DeclareLocals(writer, program, captured: null);
        if (local)
        {
            DeclareLocalTape(writer, program);
        }
        else if (program.NeedsTape)
        {
            // No try/finally: if the method throws, the tape is simply not reused (the next call
            // rents a new one), and the loops keep their locals in registers.
            writer.Line($"var {ExpressionPrinter.Tape} = {TypeNames.TapeType}.Rent();");
        }
        if (program.Tangents)
        {
            writer.Line("// The scalar inputs' derivatives ride along the forward sweep as tangents (...Dot): the reverse sweep records nothing.");
        }
        var fusedReads = StatementPrinter.RunsReverseReadingTape(program.Forward);
        if (fusedReads)
        {
            // A fused iteration reads back its own records before the reverse sweep proper starts.
            writer.Line($"var {ExpressionPrinter.Reader} = default({TypeNames.TapeReaderType});");
        }
        writer.RecordMeterCall = RecordMeterLines.Call(program, local);
        StatementPrinter.Forward(writer, program.Forward);
        if (program.HasEarlyReturn)
        {
            writer.Line($"{StatementPrinter.ReverseLabel}:");
        }
        RecordMeterLines.Print(writer);
        writer.RecordMeterCall = null;
        if (method.Result.Kind is ResultKind.Array or ResultKind.Tensor && program.ResultName is not null)
        {
            SourceEmitter.SeedCheck(writer, method, program.ResultName);
        }
        var readsTape = program.NeedsTape && FlowReverseMode.ReadsTape(program.Reverse);
        if (program.Reverse.Count > 0)
        {
            writer.Line();
            writer.Line(fused ? "// The rest of the reverse sweep: what ran before the fused loop."
                : readsTape ? "// Reverse sweep: reads the records back, last first."
                : "// Reverse sweep (nothing was recorded: every value it reads is recomputed).");
        }
        if (readsTape && !local)
        {
            writer.Line($"{(fusedReads ? "" : "var ")}{ExpressionPrinter.Reader} = {ExpressionPrinter.Tape}.Reader();");
        }
        StatementPrinter.Reverse(writer, program.Reverse, SourceEmitter.TensorNames(method));
        if (program.NeedsTape)
        {
            writer.Line($"{ExpressionPrinter.Tape}{(local ? "?" : "")}.Release();");
        }
        if (method.Result.Kind != ResultKind.Void)
        {
            writer.Line($"return {program.ResultName};");
        }
    }

    /// <summary>
    /// The record spans on the stack, and the tape: rented up front only for scratch buffers,
    /// otherwise only if the records outgrow the stack.
    /// </summary>
    private static void DeclareLocalTape(IndentedWriter writer, BackwardProgram program)
    {
        var (values, decisions) = LocalTape.Uses(program);
        var scratch = !(values || decisions) || UsesScratch(program.Reverse) || UsesScratch(RunReverse.Within(program.Forward));
        writer.Line($"{TypeNames.TapeType}? {ExpressionPrinter.Tape} = {(scratch ? TypeNames.TapeType + ".Rent()" : "null")};");
        if (values)
        {
            writer.Line($"{TypeNames.Span(ScalarType.Double)} {LocalTape.Values} = stackalloc double[{LocalTape.StackRecords}];");
            writer.Line($"int {LocalTape.ValueCount} = 0;");
        }
        if (decisions)
        {
            writer.Line($"{TypeNames.Span(ScalarType.Int)} {LocalTape.Decisions} = stackalloc int[{LocalTape.StackRecords}];");
            writer.Line($"int {LocalTape.DecisionCount} = 0;");
        }
    }

    private static bool UsesScratch(IEnumerable<BackwardStatement> statements) => statements.Any(s => s switch
    {
        DeclareBuffer { IsTensor: false } => true,
        BackwardIf branch => UsesScratch(branch.Then) || UsesScratch(branch.Else),
        BackwardFor loop => UsesScratch(loop.Body),
        _ => false,
    });

    /// <summary>Every scalar local of the forward sweep, declared up front (the reverse sweep reads them too); names in <paramref name="captured"/> are skipped.</summary>
    public static void DeclareLocals(IndentedWriter writer, BackwardProgram program, ISet<string>? captured)
    {
        foreach (var local in program.ForwardLocals)
        {
            if (captured is null || !captured.Contains(local.Name))
            {
                writer.Line($"{local.Type.Keyword()} {local.Name} = {(local.Type == ScalarType.Bool ? "false" : "0")};");
            }
        }
    }
}
