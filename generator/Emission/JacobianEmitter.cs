using System.Linq;
using SourceGen.Autodiff.Generator.Differentiation;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Emission;

/// <summary>
/// MJacobian: for a non-scalar result and one differentiable array, span or tensor input, the
/// full Jacobian J[i, j] = dy_i/dx_j, one row per unit seed over a single forward pass.
/// </summary>
internal static class JacobianEmitter
{
    public static bool Applies(MethodModel method) => GeneratedMembers.Of(method).HasJacobian;

    public static string Signature(MethodModel method) =>
        $"{method.Accessibility} static double[,] {GeneratedMembers.Of(method).Jacobian}({string.Join(", ", SourceEmitter.Parameters(method))})";

    public static void Emit(IndentedWriter writer, BackwardProgram program)
    {
        var method = program.Method;
        var input = SourceEmitter.Differentiable(method).Single(p => p.IsAggregate);
        var output = SourceEmitter.OutputName(method);
        var tensorSeed = method.Result.Kind == ResultKind.Tensor;

        writer.Line("/// <summary>");
        writer.Line($"/// The Jacobian of <see cref=\"{method.Name}\"/> with respect to <c>{input.Name}</c>: J[i, j] = d result_i / d {input.Name}_j over the");
        writer.Line("/// flattened (row-major) result and input, one row per unit seed over a single forward pass.");
        writer.Line("/// </summary>");
        writer.Line(SourceEmitter.GeneratedCodeAttribute);
        writer.Open(Signature(method));
        // Locals named away from the method's parameters.
        var names = new IR.NameAllocator(method.Parameters.Select(p => p.Name));
        var (pullback, outputs, inputs, jacobian, unitSeed, row, rowValues, i, j) = (names.Fresh("pullback"), names.Fresh("outputs"), names.Fresh("inputs"),
            names.Fresh("jacobian"), names.Fresh("unitSeed"), names.Fresh("row"), names.Fresh("rowValues"), names.Fresh("i"), names.Fresh("j"));
        writer.Line($"var {pullback} = {GeneratedMembers.Of(method).Pullback}({string.Join(", ", method.Parameters.Select(p => p.Name))});");
        var outputCount = method.Result.Kind == ResultKind.Void ? $"{output}.Length" : $"{pullback}.Value.Length";
        writer.Line($"int {outputs} = {outputCount};");
        writer.Line($"int {inputs} = {input.Name}.Length;");
        writer.Line($"var {jacobian} = new double[{outputs}, {inputs}];");
        writer.Line(tensorSeed ? $"var {unitSeed} = {TypeNames.Tensor}.ZerosLike({pullback}.Value);" : $"var {unitSeed} = new {method.Result.ElementType.Keyword()}[{outputs}];");
        writer.Line(input.Kind == ParameterKind.Tensor ? $"var {row} = {TypeNames.Tensor}.ZerosLike({input.Name});" : $"var {row} = new {input.ElementType.Keyword()}[{inputs}];");
        var scalarBuffers = SourceEmitter.Differentiable(method).Where(p => p.Kind == ParameterKind.Scalar).ToDictionary(p => p.Name, p => names.Fresh(ReverseMode.GradientName(p.Name)));
        foreach (var p in SourceEmitter.Differentiable(method).Where(p => p.Kind == ParameterKind.Scalar))
        {
            writer.Line($"{p.ElementType.Keyword()} {scalarBuffers[p.Name]} = 0;");
        }
        var seedSpan = tensorSeed ? $"{unitSeed}.AsSpan()" : unitSeed;
        writer.Open($"for (int {i} = 0; {i} < {outputs}; {i}++)");
        writer.Line($"{seedSpan}[{i}] = 1;");
        writer.Line(input.Kind == ParameterKind.Tensor ? $"{row}.Clear();" : $"global::System.Array.Clear({row}, 0, {row}.Length);");
        var buffers = SourceEmitter.Differentiable(method).Select(p => p.Kind == ParameterKind.Scalar ? "ref " + scalarBuffers[p.Name] : row);
        writer.Line($"{pullback}.Backward({unitSeed}, {string.Join(", ", buffers)});");
        writer.Line($"{seedSpan}[{i}] = 0;");
        writer.Line($"var {rowValues} = {(input.Kind == ParameterKind.Tensor ? $"{row}.AsReadOnlySpan()" : row)};");
        writer.Open($"for (int {j} = 0; {j} < {inputs}; {j}++)");
        writer.Line($"{jacobian}[{i}, {j}] = {rowValues}[{j}];");
        writer.Close();
        writer.Close();
        writer.Line($"return {jacobian};");
        writer.Close();
    }
}
