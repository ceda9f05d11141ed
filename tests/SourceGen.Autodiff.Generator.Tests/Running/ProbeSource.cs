using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace SourceGen.Autodiff.Generator.Tests.Running;

/// <summary>
/// C# for a class <c>AutodiffProbe</c>, compiled next to the generated code, that calls the
/// case's method and its generated companions with arguments packed in object arrays. Spans and
/// ref buffers cannot pass through reflection; arrays and boxed doubles can, and the probe turns
/// them back into what the generated signatures take.
/// </summary>
public static class ProbeSource
{
    public const string ClassName = "AutodiffProbe";
    private const string Tensor = "global::SourceGen.Autodiff.Tensor";

    public static string For(MethodSignature method, bool hasJacobian)
    {
        var t = method.TypeName;
        var m = method.Name;
        var args = string.Join(", ", method.Parameters.Select((p, i) => Unpack(p.Kind, $"a[{i}]")));
        var withArgs = args.Length == 0 ? "" : args + ", ";
        var seed = Unpack(method.Result == ValueKind.Void ? ValueKind.Array : method.Result, "seed");
        var (loadGrads, grads, storeGrads) = Buffers(method);
        var pullback = $"{t}.{m}PullbackResult";
        var returnsValue = method.Result != ValueKind.Void;

        var text = new StringBuilder();
        text.AppendLine("#nullable disable");
        text.AppendLine($"public static class {ClassName}");
        text.AppendLine("{");
        text.AppendLine(returnsValue
            ? $"    public static object Forward(object[] a) => {t}.{m}({args});"
            : $"    public static object Forward(object[] a) {{ {t}.{m}({args}); return null; }}");
        text.AppendLine("    public static object Backward(object[] a, object seed, object[] g)");
        text.AppendLine("    {");
        text.Append(loadGrads);
        text.AppendLine(returnsValue
            ? $"        object result = {t}.{m}Backward({withArgs}{seed}{grads});"
            : $"        object result = null; {t}.{m}Backward({withArgs}{seed}{grads});");
        text.Append(storeGrads);
        text.AppendLine("        return result;");
        text.AppendLine("    }");
        if (method.Result == ValueKind.Real)
        {
            text.AppendLine($"    public static object Gradient(object[] a) => {t}.{m}Gradient({args});");
        }
        text.AppendLine($"    public static object Pullback(object[] a) => {t}.{m}Pullback({args});");
        if (returnsValue)
        {
            text.AppendLine($"    public static object PullbackValue(object p) => (({pullback})p).Value;");
        }
        text.AppendLine("    public static void PullbackBackward(object p, object seed, object[] g)");
        text.AppendLine("    {");
        text.Append(loadGrads);
        text.AppendLine($"        (({pullback})p).Backward({seed}{grads});");
        text.Append(storeGrads);
        text.AppendLine("    }");
        if (hasJacobian)
        {
            text.AppendLine($"    public static double[,] Jacobian(object[] a) => {t}.{m}Jacobian({args});");
        }
        text.AppendLine("}");
        return text.ToString();
    }

    private static string Unpack(ValueKind kind, string value) => kind switch
    {
        ValueKind.Real => $"(double){value}",
        ValueKind.Int => $"(int){value}",
        ValueKind.Long => $"(long){value}",
        ValueKind.Bool => $"(bool){value}",
        ValueKind.Tensor => $"({Tensor}){value}",
        _ => $"(double[]){value}",
    };

    /// <summary>Scalar buffers go through ref locals copied in and out of g; the others are passed directly.</summary>
    private static (string Load, string Arguments, string Store) Buffers(MethodSignature method)
    {
        var load = new StringBuilder();
        var store = new StringBuilder();
        var arguments = new List<string>();
        var index = 0;
        foreach (var p in method.WithGradient)
        {
            if (p.Kind == ValueKind.Real)
            {
                load.AppendLine($"        double g{index} = (double)g[{index}];");
                store.AppendLine($"        g[{index}] = g{index};");
                arguments.Add($"ref g{index}");
            }
            else
            {
                arguments.Add(Unpack(p.Kind, $"g[{index}]"));
            }
            index++;
        }
        return (load.ToString(), string.Concat(arguments.Select(a => ", " + a)), store.ToString());
    }
}
