using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace SourceGen.Autodiff.Generator.Tests.RandomPrograms;

/// <summary>
/// C# for class <c>P{Seed}Probe</c>, compiled next to a program, that calls F, its traced twin and
/// the generated FBackward / FPullback / FGradient / FJacobian with the differentiable inputs as
/// one flat double[] (parameter order, arrays in place) and returns flat results, so the test can
/// call them through plain delegates (spans and ref buffers cannot pass through reflection).
/// </summary>
public static class ProbeWriter
{
    public static string ClassName(RandomProgram program) => program.ClassName + "Probe";

    public static string Source(RandomProgram program)
    {
        var p = program;
        var type = p.ClassName;
        var args = string.Join(", ", p.Parameters.Select(q => q.Name));
        var withArgs = args.Length == 0 ? "" : args + ", ";
        var seed = p.Result switch
        {
            ResultKind.Scalar => "seed[0]",
            ResultKind.Tensor => $"Tensor.FromRowMajor(seed, {p.ResultLength})",
            _ => "seed",
        };
        var text = new StringBuilder();
        text.AppendLine($"// Probe for random program {p.Seed}");
        text.AppendLine("using System;");
        text.AppendLine("using System.Collections.Generic;");
        text.AppendLine("using SourceGen.Autodiff;");
        text.AppendLine();
        text.AppendLine($"namespace {ProgramPrinter.Namespace};");
        text.AppendLine();
        text.AppendLine($"public static class {ClassName(p)}");
        text.AppendLine("{");

        Method(text, "double[] Forward(double[] X)", Unpack(p), Call(p, $"{type}.F({args})"));
        var twin = new List<string>(Unpack(p, dual: true));
        twin.Add("var recorder = new __Recorder(t, stops, replay);");
        var twinCall = $"{ProgramPrinter.TwinClassName(p)}.F({withArgs}recorder)";
        twin.AddRange(p.Result switch
        {
            ResultKind.Scalar => new[] { $"var v = {twinCall};", "tangent[0] = v.D;", "return new[] { v.V };" },
            ResultKind.Array or ResultKind.Tensor => new[] { $"var v = {twinCall};", "__Probe.Derivatives(v).CopyTo(tangent, 0);", "return __Probe.Values(v);" },
            _ => new[] { $"{twinCall};", "__Probe.Derivatives(y).CopyTo(tangent, 0);", "return __Probe.Values(y);" },
        });
        Method(text, "double[] Twin(double[] X, int direction, List<int> t, List<double> stops, bool replay, double[] tangent)", twin, null);

        var backward = new List<string>(Unpack(p));
        backward.AddRange(LoadGradients(p, "G"));
        backward.AddRange(Call(p, $"{type}.FBackward({withArgs}{seed}{GradientArguments(p)})", storeGradientsInto: "G"));
        Method(text, "double[] Backward(double[] X, double[] seed, double[] G)", backward, null);

        // Backward once into G1 and twice into G2, after the inputs were overwritten: the pullback
        // must have kept what it needs.
        var pullback = new List<string>(Unpack(p)) { $"var p = {type}.FPullback({args});" };
        pullback.Add(p.Result switch
        {
            ResultKind.Scalar => "var value = new[] { p.Value };",
            ResultKind.Array => "var value = (double[])p.Value.Clone();",
            ResultKind.Tensor => "var value = p.Value.ToArray();",
            _ => "var value = (double[])y.Clone();",
        });
        pullback.AddRange(p.Parameters.Where(q => q.IsArray || q.Kind == ParameterKind.Output)
            .Select(q => q.Kind == ParameterKind.Tensor ? $"{q.Name}.AsSpan().Fill(7.0);" : $"Array.Fill({q.Name}, 7.0);"));
        foreach (var (buffer, times) in new[] { ("G1", 1), ("G2", 2) })
        {
            pullback.Add("{");
            pullback.AddRange(LoadGradients(p, buffer));
            for (var i = 0; i < times; i++)
            {
                pullback.Add($"p.Backward({seed}{GradientArguments(p)});");
            }
            pullback.AddRange(StoreGradients(p, buffer));
            pullback.Add("}");
        }
        pullback.Add("return value;");
        Method(text, "double[] Pullback(double[] X, double[] seed, double[] G1, double[] G2)", pullback, null);

        if (p.Result == ResultKind.Scalar)
        {
            var gradient = new List<string>(Unpack(p)) { $"var g = {type}.FGradient({args});", $"var flat = new double[{p.InputWidth}];" };
            var single = p.WithGradient.Count() == 1;
            foreach (var (q, offset) in Offsets(p))
            {
                var value = single ? "g" : "g." + q.Name;
                gradient.Add(q.Kind switch
                {
                    ParameterKind.Real => $"flat[{offset}] = {value};",
                    ParameterKind.Tensor => $"{value}.ToArray().CopyTo(flat, {offset});",
                    _ => $"{value}.CopyTo(flat, {offset});",
                });
            }
            gradient.Add("return flat;");
            Method(text, "double[] Gradient(double[] X)", gradient, null);
        }
        if (p.HasJacobian)
        {
            text.AppendLine($"    public static double[,] Jacobian(double[] X)");
            text.AppendLine("    {");
            foreach (var line in Unpack(p))
            {
                text.AppendLine("        " + line);
            }
            text.AppendLine($"        return {type}.FJacobian({args});");
            text.AppendLine("    }");
        }
        text.AppendLine("}");
        return text.ToString();
    }

    /// <summary>Fixed data of a [NoGradient] parameter: depends only on the program and the parameter.</summary>
    public static double[] DataOf(RandomProgram program, Parameter parameter)
    {
        var r = new Random(program.Seed ^ parameter.Name[0]);
        return Enumerable.Range(0, parameter.Length).Select(_ => Math.Round(r.NextDouble() * 3 - 1.5, 3)).ToArray();
    }

    private static IEnumerable<(Parameter Parameter, int Offset)> Offsets(RandomProgram program)
    {
        var offset = 0;
        foreach (var q in program.Parameters.Where(q => q.HasGradient))
        {
            yield return (q, offset);
            offset += q.Width;
        }
    }

    /// <summary>
    /// Declares F's arguments from the flat inputs X: doubles and arrays, or for the twin
    /// (<paramref name="dual"/>) duals with derivative 1 at flat input <c>direction</c> (none for -1).
    /// </summary>
    private static List<string> Unpack(RandomProgram program, bool dual = false)
    {
        var offsets = Offsets(program).ToDictionary(o => o.Parameter.Name, o => o.Offset);
        var real = dual ? "Dual" : "double";
        return program.Parameters.Select(q => q.Kind switch
        {
            ParameterKind.Real when q.NoGradient => $"{real} {q.Name} = {ProgramPrinter.Literal(DataOf(program, q)[0])};",
            ParameterKind.Real => dual
                ? $"Dual {q.Name} = new Dual(X[{offsets[q.Name]}], direction == {offsets[q.Name]} ? 1 : 0);"
                : $"double {q.Name} = X[{offsets[q.Name]}];",
            ParameterKind.Int => $"int {q.Name} = {q.IntValue};",
            ParameterKind.Output => $"{real}[] {q.Name} = new {real}[{q.Length}];",
            ParameterKind.Tensor => dual
                ? $"{(q.Columns > 0 ? "Dual[,]" : "Dual[]")} {q.Name} = __Probe.Duals(X, {offsets[q.Name]}, {(q.Columns > 0 ? $"{q.Length / q.Columns}, {q.Columns}" : q.Length.ToString())}, direction);"
                : $"Tensor {q.Name} = Tensor.FromRowMajor(__Probe.Slice(X, {offsets[q.Name]}, {q.Length}), {string.Join(", ", q.Shape)});",
            _ when q.NoGradient => $"{real}[] {q.Name} = {(dual ? "__Probe.Constants(" : "(")}new double[] {{ {string.Join(", ", DataOf(program, q).Select(ProgramPrinter.Literal))} }});",
            _ => dual
                ? $"Dual[] {q.Name} = __Probe.Duals(X, {offsets[q.Name]}, {q.Length}, direction);"
                : $"double[] {q.Name} = __Probe.Slice(X, {offsets[q.Name]}, {q.Length});",
        }).ToList();
    }

    private static IEnumerable<string> LoadGradients(RandomProgram program, string buffer) =>
        Offsets(program).Select(o => o.Parameter.Kind switch
        {
            ParameterKind.Real => $"double {o.Parameter.Name}Grad = {buffer}[{o.Offset}];",
            ParameterKind.Tensor => $"Tensor {o.Parameter.Name}Grad = Tensor.FromRowMajor(__Probe.Slice({buffer}, {o.Offset}, {o.Parameter.Length}), {string.Join(", ", o.Parameter.Shape)});",
            _ => $"double[] {o.Parameter.Name}Grad = __Probe.Slice({buffer}, {o.Offset}, {o.Parameter.Length});",
        });

    private static IEnumerable<string> StoreGradients(RandomProgram program, string buffer) =>
        Offsets(program).Select(o => o.Parameter.Kind switch
        {
            ParameterKind.Real => $"{buffer}[{o.Offset}] = {o.Parameter.Name}Grad;",
            ParameterKind.Tensor => $"{o.Parameter.Name}Grad.ToArray().CopyTo({buffer}, {o.Offset});",
            _ => $"{o.Parameter.Name}Grad.CopyTo({buffer}, {o.Offset});",
        });

    private static string GradientArguments(RandomProgram program) =>
        string.Concat(program.WithGradient.Select(q => q.Kind == ParameterKind.Real ? $", ref {q.Name}Grad" : $", {q.Name}Grad"));

    /// <summary>Calls <paramref name="call"/> and returns its flat output (storing gradients first when asked).</summary>
    private static List<string> Call(RandomProgram program, string call, string? storeGradientsInto = null)
    {
        var lines = new List<string>();
        lines.Add(program.Result switch
        {
            ResultKind.Scalar => $"var output = new[] {{ {call} }};",
            ResultKind.Array => $"var output = {call};",
            ResultKind.Tensor => $"var output = {call}.ToArray();",
            _ => $"{call}; var output = y;",
        });
        if (storeGradientsInto is not null)
        {
            lines.AddRange(StoreGradients(program, storeGradientsInto));
        }
        lines.Add("return output;");
        return lines;
    }

    private static void Method(StringBuilder text, string signature, List<string> body, List<string>? more)
    {
        text.AppendLine($"    public static {signature}");
        text.AppendLine("    {");
        foreach (var line in more is null ? body : body.Concat(more))
        {
            text.AppendLine("        " + line);
        }
        text.AppendLine("    }");
    }
}
