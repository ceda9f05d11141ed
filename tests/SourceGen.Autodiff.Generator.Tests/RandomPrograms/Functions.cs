using System;
using System.Collections.Generic;
using System.Linq;

namespace SourceGen.Autodiff.Generator.Tests.RandomPrograms;

/// <summary>
/// The Math functions the random programs call, each as a template that keeps it on a domain
/// where it is smooth and finite whatever its arguments are (<c>Log(1 + a*a)</c>,
/// <c>Asin(0.9 * Tanh(a))</c>...). Functions with kinks or steps (Abs, Max, Min, Clamp, Floor) have a traced
/// template too, which records on which side of the kink the argument was, so a finite
/// difference that straddles a kink is detected and the point resampled.
/// </summary>
public static class Functions
{
    /// <summary>
    /// <paramref name="Bound"/>: a bound on |result| from bounds on |arguments| (keeps programs
    /// from overflowing); <paramref name="Smallest"/>: for denominators, a lower bound on |result|.
    /// </summary>
    public sealed record Function(string Name, int Arity, string Template, Func<double[], double> Bound, string? TracedTemplate = null, double Smallest = 0)
    {
        /// <summary>
        /// Each argument appears once in the template (and the traced one), in order: an argument
        /// with a side effect (an assignment, <c>a[k++]</c>) runs once, where it is written.
        /// </summary>
        public bool EvaluatesOnce => InOrderOnce(Template) && (TracedTemplate is null || InOrderOnce(TracedTemplate));

        private bool InOrderOnce(string template)
        {
            var previous = -1;
            for (var i = 0; i < Arity; i++)
            {
                var slot = "{" + i + "}";
                var at = template.IndexOf(slot, StringComparison.Ordinal);
                if (at < previous || template.IndexOf(slot, at + 1, StringComparison.Ordinal) >= 0)
                {
                    return false;
                }
                previous = at;
            }
            return true;
        }
    }

    public static readonly IReadOnlyList<Function> Smooth = new Function[]
    {
        new("Sin", 1, "Math.Sin({0})", _ => 1),
        new("Cos", 1, "Math.Cos({0})", _ => 1),
        new("Tanh", 1, "Math.Tanh({0})", _ => 1),
        new("Atan", 1, "Math.Atan({0})", _ => 1.6),
        new("ExpTanh", 1, "Math.Exp(Math.Tanh({0}))", _ => 2.72),
        new("ExpGauss", 1, "Math.Exp(-({0} * {0}))", _ => 1),
        new("Log1p2", 1, "Math.Log(1.0 + {0} * {0})", b => Math.Log(1 + b[0] * b[0])),
        new("LogSin", 1, "Math.Log(2.0 + Math.Sin({0}))", _ => 1.1),
        new("Log10", 1, "Math.Log10(1.0 + {0} * {0})", b => Math.Log10(1 + b[0] * b[0])),
        new("Log2", 1, "Math.Log2(1.5 + Math.Cos({0}))", _ => 1.33),
        new("Sqrt", 1, "Math.Sqrt(1.0 + {0} * {0})", b => Math.Sqrt(1 + b[0] * b[0])),
        new("Cbrt", 1, "Math.Cbrt(2.0 + Math.Sin({0}))", _ => 1.45),
        new("Square", 1, "Math.Pow({0}, 2)", b => b[0] * b[0]),
        new("Cube", 1, "Math.Pow({0}, 3)", b => b[0] * b[0] * b[0]),
        new("PowHalf", 1, "Math.Pow(1.0 + {0} * {0}, 1.5)", b => Math.Pow(1 + b[0] * b[0], 1.5)),
        new("PowInverse", 1, "Math.Pow(2.0 + Math.Cos({0}), -1)", _ => 1),
        new("SinhTanh", 1, "Math.Sinh(Math.Tanh({0}))", _ => 1.18),
        new("CoshTanh", 1, "Math.Cosh(Math.Tanh({0}))", _ => 1.55),
        new("AsinTanh", 1, "Math.Asin(0.9 * Math.Tanh({0}))", _ => 1.12),
        new("AcosTanh", 1, "Math.Acos(0.9 * Math.Tanh({0}))", _ => 3.15),
        new("TanTanh", 1, "Math.Tan(0.5 * Math.Tanh({0}))", _ => 0.55),
        new("Atan2", 2, "Math.Atan2({0}, 1.5 + {1} * {1})", _ => 1.6),
        new("PowPositive", 2, "Math.Pow(1.5 + Math.Sin({0}), 1.0 + 0.5 * Math.Tanh({1}))", _ => 4),
    };

    public static readonly IReadOnlyList<Function> Kinked = new Function[]
    {
        new("Abs", 1, "Math.Abs({0})", b => b[0], "__Trace.Abs(__t, {0})"),
        new("Max", 2, "Math.Max({0}, {1})", b => Math.Max(b[0], b[1]), "__Trace.Max(__t, {0}, {1})"),
        new("Min", 2, "Math.Min({0}, {1})", b => Math.Max(b[0], b[1]), "__Trace.Min(__t, {0}, {1})"),
        new("Clamp", 1, "Math.Clamp({0}, -1.0, 1.0)", _ => 1, "__Trace.Clamp(__t, {0}, -1.0, 1.0)"),
        // Piecewise constant: a zero derivative (and warning DIFF009); the trace records the step it is on.
        // "+ 0.5" rounds, and makes an int argument double (Math.Floor(int) is ambiguous).
        new("Floor", 1, "Math.Floor({0} + 0.5)", b => b[0] + 1.5, "__Trace.Floor(__t, {0} + 0.5)"),
    };

    /// <summary>Gradient.Stop: the value passes, the gradient does not (the twin replays the value under finite differences).</summary>
    public static readonly Function Stop = new("Stop", 1, "Gradient.Stop({0})", b => b[0], "__Trace.Stop(__t, {0})");

    /// <summary>Smooth functions safe to use as a denominator: bounded away from zero.</summary>
    public static readonly IReadOnlyList<Function> Denominators = new Function[]
    {
        new("DenSquare", 1, "(1.5 + {0} * {0})", b => 1.5 + b[0] * b[0], Smallest: 1.5),
        new("DenSin", 1, "(2.0 + Math.Sin({0}))", _ => 3, Smallest: 1),
        new("DenTanh", 1, "(2.0 + Math.Tanh({0}))", _ => 3, Smallest: 1),
        new("DenExp", 1, "Math.Exp(Math.Tanh({0}))", _ => 2.72, Smallest: 0.36),
    };

    /// <summary>Factors in [0.5, 1] or [-1, 1]: multiplying a loop-carried value by one cannot make it grow.</summary>
    public static readonly IReadOnlyList<Function> Gates = new Function[]
    {
        new("Gate", 1, "(0.75 + 0.25 * Math.Tanh({0}))", _ => 1),
        new("GateCos", 1, "Math.Cos({0})", _ => 1),
    };

    /// <summary>Bounded functions of any argument: a loop-carried value set to one stays bounded.</summary>
    public static readonly IReadOnlyList<string> Squashing = new[] { "Sin", "Cos", "Tanh", "Atan", "ExpGauss", "AsinTanh", "TanTanh" };

    private static readonly Dictionary<string, Function> ByName =
        Smooth.Concat(Kinked).Concat(Denominators).Concat(Gates).Append(Stop).ToDictionary(f => f.Name);

    public static Function Get(string name) => ByName[name];
}
