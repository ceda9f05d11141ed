using System;
using System.Globalization;
using System.Text;

namespace SourceGen.Autodiff.Benchmarks.Generator;

/// <summary>
/// Source files with many [Differentiable] methods of the supported straight-line kinds
/// (scalar Math, spans with [NoGradient] data, tensor elements, whole-tensor arithmetic, a span
/// output), cycling through five templates, spread evenly over the files (parts of one partial
/// class); the first file also holds one ordinary method to edit outside them.
/// </summary>
internal static class ManyMethodsSource
{
    /// <summary>A literal in the first method's body; changing one digit of it is the inside edit.</summary>
    public const string InsideEditMarker = "0.25";

    /// <summary>A literal in a method without [Differentiable]; changing it is the outside edit.</summary>
    public const string OutsideEditMarker = "41";

    /// <summary>Both edit markers are in the first file, in its first lines.</summary>
    public static string[] Create(int methods, int files)
    {
        var sources = new string[files];
        int perFile = (methods + files - 1) / files;
        for (int f = 0; f < files; f++)
        {
            var text = new StringBuilder();
            text.AppendLine("using System;");
            text.AppendLine("using SourceGen.Autodiff;");
            text.AppendLine();
            text.AppendLine("namespace Bench;");
            text.AppendLine();
            text.AppendLine("public static partial class Many");
            text.AppendLine("{");
            if (f == 0)
                text.AppendLine($"    public static int NotDifferentiated() => {OutsideEditMarker};");
            for (int i = f * perFile; i < Math.Min(methods, (f + 1) * perFile); i++)
                text.AppendLine(Method(i));
            text.AppendLine("}");
            sources[f] = text.ToString();
        }
        return sources;
    }

    private static string Method(int i)
    {
        string k = (i + 1).ToString(CultureInfo.InvariantCulture);
        string template = (i % 5) switch
        {
            0 => """
                    [Differentiable]
                    public static double Scalar{k}(double a, double b)
                    {
                        double u = a * b + {k} * 0.25;
                        double v = Math.Sin(u) * Math.Exp(-b);
                        return u * v + Math.Sqrt(a * a + {k});
                    }
                """,
            1 => """
                    [Differentiable]
                    public static double Span{k}(ReadOnlySpan<double> w, double b, [NoGradient] ReadOnlySpan<double> x)
                    {
                        double z = w[0] * x[0] + w[1] * x[1] + b * {k};
                        return Math.Tanh(z) * z + Math.Log(1 + w[2] * w[2]);
                    }
                """,
            2 => """
                    [Differentiable]
                    public static Tensor Elements{k}(Tensor x)
                    {
                        var y = Tensor.Zeros(1, 2);
                        y[0, 0] = x[0, 0] * x[0, 1] + {k} * x[0, 2];
                        y[0, 1] = Math.Cos(x[0, 0]) + x[0, 2] * x[0, 2] / {k};
                        return y;
                    }
                """,
            3 => """
                    [Differentiable]
                    public static double Whole{k}(Tensor x, [NoGradient] Tensor t) => ((x - t) * (x - t)).Sum() / {k};
                """,
            _ => """
                    [Differentiable]
                    public static void Output{k}(ReadOnlySpan<double> x, Span<double> y)
                    {
                        y[0] = x[0] * x[1] + {k};
                        y[1] = Math.Exp(x[0] / {k}) - x[1];
                    }
                """,
        };
        return template.Replace("{k}", k);
    }
}
