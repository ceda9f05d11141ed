using System.Collections.Generic;
using System.Linq;
using SourceGen.Autodiff.Generator.Differentiation;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Emission;

/// <summary>
/// MJacobian, for a non-scalar result and any differentiable inputs: J[i, j] = d result_i / d input_j
/// over the flattened (row-major) result and all differentiable inputs flattened in parameter
/// order (a scalar is one column, an array, span or tensor its elements). One row per unit seed:
/// the allocating form runs the forward pass once (through the pullback); the form writing into
/// the caller's <c>Span&lt;double&gt;</c> runs MBackward per row, writing each row's gradients
/// straight into the buffer, and allocates nothing beyond what M itself does.
/// </summary>
internal static class JacobianEmitter
{
    /// <summary>Unit seeds of at most this many outputs live on the stack; longer ones are rented.</summary>
    private const int StackSeed = 64;

    public static bool Applies(MethodModel method) => GeneratedMembers.Of(method).HasJacobian;

    public static string Signature(MethodModel method) =>
        $"{method.Accessibility} static double[,] {GeneratedMembers.Of(method).Jacobian}({string.Join(", ", SourceEmitter.Parameters(method))})";

    /// <summary>The buffer form needs spans for every buffer and the seed: double, no tensors.</summary>
    private static bool WritesIntoBuffer(MethodModel method) =>
        method.Result.Kind is not (ResultKind.Tensor or ResultKind.Tuple) && method.Result.ElementType == ScalarType.Double
        && SourceEmitter.Differentiable(method).All(p => p.Kind != ParameterKind.Tensor && p.ElementType == ScalarType.Double);

    public static void Emit(IndentedWriter writer, BackwardProgram program)
    {
        EmitAllocating(writer, program.Method);
        if (WritesIntoBuffer(program.Method))
        {
            writer.Line();
            EmitIntoBuffer(writer, program.Method);
        }
    }

    /// <summary>The number of columns: every differentiable input's element count, in parameter order.</summary>
    private static string InputCount(MethodModel method) =>
        string.Join(" + ", SourceEmitter.Differentiable(method).Select(p => p.IsAggregate ? $"{p.Name}.Length" : "1"));

    private static void Summary(IndentedWriter writer, MethodModel method, string how)
    {
        var inputs = string.Join(", ", SourceEmitter.Differentiable(method).Select(p => $"<c>{p.Name}</c>"));
        writer.Line("/// <summary>");
        writer.Line($"/// The Jacobian of <see cref=\"{method.Name}\"/>: J[i, j] = d result_i / d input_j over the flattened (row-major) result and the");
        writer.Line($"/// differentiable inputs {inputs} flattened in that order into the columns (a scalar is one column).");
        writer.Line($"/// {how}");
        writer.Line("/// </summary>");
        writer.Line(SourceEmitter.GeneratedCodeAttribute);
    }

    private static void EmitAllocating(IndentedWriter writer, MethodModel method)
    {
        var output = SourceEmitter.OutputName(method);
        var tensorSeed = method.Result.Kind == ResultKind.Tensor;
        Summary(writer, method, "One row per unit seed over a single forward pass.");
        writer.Open(Signature(method));
        // Locals named away from the method's parameters.
        var names = new NameAllocator(method.Parameters.Select(p => p.Name));
        var (pullback, outputs, inputs, jacobian, unitSeed, column, i, j) = (names.Fresh("pullback"), names.Fresh("outputs"), names.Fresh("inputs"),
            names.Fresh("jacobian"), names.Fresh("unitSeed"), names.Fresh("column"), names.Fresh("i"), names.Fresh("value"));
        writer.Line($"var {pullback} = {GeneratedMembers.Of(method).Pullback}({string.Join(", ", method.Parameters.Select(p => p.Name))});");
        var outputCount = method.Result.Kind switch
        {
            ResultKind.Void => $"{output}.Length",
            ResultKind.Tuple => method.Result.Elements.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => $"{pullback}.Value.Length",
        };
        writer.Line($"int {outputs} = {outputCount};");
        writer.Line($"int {inputs} = {InputCount(method)};");
        writer.Line($"var {jacobian} = new double[{outputs}, {inputs}];");
        writer.Line(tensorSeed ? $"var {unitSeed} = {TypeNames.Tensor}.ZerosLike({pullback}.Value);" : $"var {unitSeed} = new {method.Result.ElementType.Keyword()}[{outputs}];");
        var rows = new Dictionary<string, string>();
        foreach (var p in SourceEmitter.Differentiable(method))
        {
            rows[p.Name] = names.Fresh(p.Name + "Row");
            writer.Line(p.Kind switch
            {
                ParameterKind.Scalar => $"{p.ElementType.Keyword()} {rows[p.Name]} = 0;",
                ParameterKind.Tensor => $"var {rows[p.Name]} = {TypeNames.Tensor}.ZerosLike({p.Name});",
                _ => $"var {rows[p.Name]} = new {p.ElementType.Keyword()}[{p.Name}.Length];",
            });
        }
        var seedSpan = tensorSeed ? $"{unitSeed}.AsSpan()" : unitSeed;
        writer.Open($"for (int {i} = 0; {i} < {outputs}; {i}++)");
        writer.Line($"{seedSpan}[{i}] = 1;");
        foreach (var p in SourceEmitter.Differentiable(method))
        {
            writer.Line(p.Kind switch
            {
                ParameterKind.Scalar => $"{rows[p.Name]} = 0;",
                ParameterKind.Tensor => $"{rows[p.Name]}.Clear();",
                _ => $"global::System.Array.Clear({rows[p.Name]}, 0, {rows[p.Name]}.Length);",
            });
        }
        var buffers = SourceEmitter.Differentiable(method).Select(p => p.Kind == ParameterKind.Scalar ? "ref " + rows[p.Name] : rows[p.Name]);
        // A tuple's pullback takes one seed per element.
        var seeds = method.Result.Kind == ResultKind.Tuple ? string.Join(", ", method.Result.Elements.Select((_, k) => $"{unitSeed}[{k}]")) : unitSeed;
        writer.Line($"{pullback}.Backward({seeds}, {string.Join(", ", buffers)});");
        writer.Line($"{seedSpan}[{i}] = 0;");
        writer.Line($"int {column} = 0;");
        foreach (var p in SourceEmitter.Differentiable(method))
        {
            if (p.Kind == ParameterKind.Scalar)
            {
                writer.Line($"{jacobian}[{i}, {column}++] = {rows[p.Name]};");
                continue;
            }
            var values = p.Kind == ParameterKind.Tensor ? $"{rows[p.Name]}.AsReadOnlySpan()" : rows[p.Name];
            writer.Open($"foreach (var {j} in {values})");
            writer.Line($"{jacobian}[{i}, {column}++] = {j};");
            writer.Close();
        }
        writer.Close();
        writer.Line($"return {jacobian};");
        writer.Close();
    }

    private static void EmitIntoBuffer(IndentedWriter writer, MethodModel method)
    {
        var output = SourceEmitter.OutputName(method);
        var names = new NameAllocator(method.Parameters.Select(p => p.Name));
        var (jacobian, outputs, inputs, rented, unitSeed, row, i) = (names.Fresh("jacobian"), names.Fresh("outputs"), names.Fresh("inputs"),
            names.Fresh("rented"), names.Fresh("unitSeed"), names.Fresh("row"), names.Fresh("i"));
        Summary(writer, method, $"Written into <c>{jacobian}</c> (row-major, outputs × inputs; its length gives the number of outputs), one MBackward per row: no allocation beyond M's own.");
        writer.Open($"{method.Accessibility} static void {GeneratedMembers.Of(method).Jacobian}({string.Join(", ", SourceEmitter.Parameters(method).Append($"global::System.Span<double> {jacobian}"))})");
        writer.Line($"int {inputs} = {InputCount(method)};");
        if (output is not null)
        {
            writer.Line($"int {outputs} = {output}.Length;");
            writer.Line($"{TypeNames.Shapes}.RequireLength({jacobian}.Length, {outputs} * {inputs}, nameof({jacobian}), \"outputs × inputs\");");
        }
        else
        {
            // An array result's length is known only once M has run: a row count that does not
            // match it fails the first row's seed check (that row cleared, no gradient written).
            writer.Line($"if ({inputs} > 0 && {jacobian}.Length % {inputs} != 0) throw new global::System.ArgumentException($\"{jacobian} has length {{{jacobian}.Length}}, not a multiple of the {{{inputs}}} inputs\", nameof({jacobian}));");
            writer.Line($"int {outputs} = {inputs} == 0 ? 0 : {jacobian}.Length / {inputs};");
        }
        writer.Line($"double[]? {rented} = {outputs} > {StackSeed} ? global::System.Buffers.ArrayPool<double>.Shared.Rent({outputs}) : null;");
        writer.Line($"global::System.Span<double> {unitSeed} = {rented} is null ? stackalloc double[{outputs}] : new global::System.Span<double>({rented}, 0, {outputs});");
        writer.Line($"{unitSeed}.Clear();");
        writer.Open($"for (int {i} = 0; {i} < {outputs}; {i}++)");
        writer.Line($"var {row} = {jacobian}.Slice({i} * {inputs}, {inputs});");
        writer.Line($"{row}.Clear();");
        writer.Line($"{unitSeed}[{i}] = 1;");
        var buffers = new List<string>();
        var offset = "0";
        foreach (var p in SourceEmitter.Differentiable(method))
        {
            buffers.Add(p.Kind == ParameterKind.Scalar ? $"ref {row}[{offset}]" : $"{row}.Slice({offset}, {p.Name}.Length)");
            var length = p.IsAggregate ? $"{p.Name}.Length" : "1";
            offset = offset == "0" ? length : $"{offset} + {length}";
        }
        var arguments = method.Parameters.Select(p => p.Name).Append(unitSeed).Concat(buffers);
        writer.Line($"{GeneratedMembers.Of(method).Backward}({string.Join(", ", arguments)});");
        writer.Line($"{unitSeed}[{i}] = 0;");
        writer.Close();
        writer.Open($"if ({rented} is not null)");
        writer.Line($"global::System.Buffers.ArrayPool<double>.Shared.Return({rented});");
        writer.Close();
        writer.Close();
    }
}
