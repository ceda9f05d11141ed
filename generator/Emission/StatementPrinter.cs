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
    public static void Forward(IndentedWriter writer, IEnumerable<Statement> statements, ISet<string>? fields = null)
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
                    writer.Line($"var {array.Name} = new {array.ElementType.Keyword()}[{Print(array.Length)}];");
                    break;
                case AllocateTensor tensor:
                    writer.Line($"var {tensor.Name} = {TypeNames.Tensor}.Zeros({string.Join(", ", tensor.Dimensions.Select(Print))});");
                    break;
                case TensorLet tensorLet when fields is not null && fields.Contains(tensorLet.Name):
                    writer.Line($"this.{tensorLet.Name} = {TensorPrinter.Print(tensorLet.Value)};");
                    break;
                case TensorLet tensorLet:
                    writer.Line($"var {tensorLet.Name} = {TensorPrinter.Print(tensorLet.Value)};");
                    break;
            }
        }
    }

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
                    writer.Line($"{scalar.Buffer} += {Print(scalar.Value)};");
                    break;
                case AccumulateElementGradient element when element.Indices.Count == 1 && element.Indices[0] is Variable index && index.Name == loopIndex:
                    writer.Line($"{ValuesOf(element.Buffer)}[{index.Name}] += {Print(element.Value)};");
                    break;
                case AccumulateElementGradient element:
                    writer.Line($"{element.Buffer}[{string.Join(", ", element.Indices.Select(Print))}] += {Print(element.Value)};");
                    break;
                case AccumulateLocal local:
                    writer.Line($"{local.Name} += {Print(local.Value)};");
                    break;
                case ElementLoop loop:
                    Loop(writer, loop, tensors);
                    break;
            }
        }
    }

    private static void Loop(IndentedWriter writer, ElementLoop loop, ISet<string> tensors)
    {
        foreach (var accumulator in loop.Accumulators)
        {
            writer.Line($"double {accumulator} = 0;");
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
