using System.Collections.Generic;
using SourceGen.Autodiff.Generator.Tests.Cases;
using static SourceGen.Autodiff.Generator.Tests.Cases.Draw;

namespace SourceGen.Autodiff.Generator.Tests.Audit;

/// <summary>One C# construct and what the generator does with it: differentiates it exactly, or reports a diagnostic.</summary>
public abstract record AuditRow(string Construct);

/// <summary>Differentiated exactly: every generated member is checked against finite differences.</summary>
public sealed record ExactRow(string Construct, GeneratorCase Case) : AuditRow(Construct);

/// <summary>An error (or warning) with this ID, at a span whose text is <paramref name="At"/>.</summary>
public sealed record DiagnosedRow(string Construct, string Source, string Id, string At) : AuditRow(Construct);

/// <summary>
/// The audit of issue 8: C#'s statement and expression kinds, each either exact or a diagnostic,
/// never a silently wrong derivative. docs/lowering-audit.md lists the same rows.
/// </summary>
public static class LoweringAudit
{
    public static IReadOnlyList<AuditRow> Rows { get; } =
    [
        // Statements.
        Exact("local declarations with several declarators", """
            [Differentiable]
            public static double F(double x) { double a = x * x, b = a + x; return a * b; }
            """, r => [Real(r, -2, 2)]),
        Exact("local constant", """
            [Differentiable]
            public static double F(double x) { const double k = 2.5; const int n = 3; return k * x * n; }
            """, r => [Real(r, -2, 2)]),
        Exact("declaration without initializer, assigned later", """
            [Differentiable]
            public static double F(double x) { double y; y = Math.Sin(x); return y * x; }
            """, r => [Real(r, -2, 2)]),
        Exact("empty statement and nested block", """
            [Differentiable]
            public static double F(double x) { ; { double y = x * 3; ; x = y; } return x * x; }
            """, r => [Real(r, -2, 2)]),
        Exact("stackalloc into a Span local", """
            [Differentiable]
            public static double F(double x) { Span<double> t = stackalloc double[2]; t[0] = x; t[1] = t[0] * x; return t[1] * x; }
            """, r => [Real(r, -2, 2)]),
        Exact("assignment to a scalar parameter", """
            [Differentiable]
            public static double F(double x, double y) { x = x * y; y += x; return x + y * y; }
            """, r => [Real(r, -2, 2), Real(r, -2, 2)]),
        Exact("++ and -- on double locals", """
            [Differentiable]
            public static double F(double x) { double a = x; a++; ++a; a--; return a * a; }
            """, r => [Real(r, -2, 2)]),
        Exact("switch statement (constants, relational patterns, when, default first)", """
            [Differentiable]
            public static double F(double x, int k)
            {
                double y = 0;
                for (int i = 0; i < 3; i++)
                {
                    switch (k + i)
                    {
                        default: y += x; break;
                        case 0: case 1: y += x * x; break;
                        case > 3 when x > 0: y *= Math.Sin(x); continue;
                        case 2: return y * x;
                    }
                    y += 1;
                }
                return y;
            }
            """, r => [Real(r, -2, 2), r.Next(-1, 5)]),
        Exact("switch statement on a double, throwing default", """
            [Differentiable]
            public static double F(double x) { switch (x) { case < 0: return -x * x; case >= 0 and < 1: return x; default: throw new System.ArgumentOutOfRangeException(nameof(x)); } }
            """, r => [Real(r, -1, 0.99)]),
        Diagnosed("break out of a switch section before its end", "break;", "DIFF005", """
            [Differentiable]
            public static double F(double x, int k) { double y = x; switch (k) { case 0: if (x > 0) break; y = 2 * x; break; } return y; }
            """),
        Diagnosed("switch on a string", "s", "DIFF006", """
            [Differentiable]
            public static double F(double x, string s) { switch (s) { case "a": return x; default: return 2 * x; } }
            """),
        Diagnosed("try / catch / finally", "try", "DIFF005", """
            [Differentiable]
            public static double F(double x) { try { return x; } finally { } }
            """),
        Diagnosed("goto and labels", "again: s *= 2;", "DIFF005", """
            [Differentiable]
            public static double F(double x) { double s = x; again: s *= 2; if (s < 10) goto again; return s; }
            """),
        Diagnosed("lock", "lock", "DIFF005", """
            private static readonly object Gate = new();
            [Differentiable]
            public static double F(double x) { lock (Gate) { x = x * x; } return x; }
            """),
        Diagnosed("using declaration", "using var stream = new System.IO.MemoryStream();", "DIFF005", """
            [Differentiable]
            public static double F(double x) { using var stream = new System.IO.MemoryStream(); return x * x; }
            """),
        Diagnosed("using statement", "using", "DIFF005", """
            [Differentiable]
            public static double F(double x) { using (var stream = new System.IO.MemoryStream()) { x = x * 2; } return x; }
            """),
        Diagnosed("local function", "double Square(double v) => v * v;", "DIFF005", """
            [Differentiable]
            public static double F(double x) { double Square(double v) => v * v; return Square(x); }
            """),
        Diagnosed("fixed statement and pointers (unsafe)", "fixed", "DIFF005", """
            [Differentiable]
            public static unsafe double F(double[] x) { double s = 0; fixed (double* p = x) { s = p[0]; } return s * s; }
            """),
        Diagnosed("checked block", "n * 2", "DIFF006", """
            [Differentiable]
            public static double F(double x, int n) { checked { n = n * 2; } return x * n; }
            """),
        Diagnosed("yield return (iterator)", "System.Collections.Generic.IEnumerable<double>", "DIFF004", """
            [Differentiable]
            public static System.Collections.Generic.IEnumerable<double> F(double x) { yield return x; }
            """),
        Diagnosed("await (async method)", "F", "DIFF015", """
            [Differentiable]
            public static async System.Threading.Tasks.Task<double> F(double x) { await System.Threading.Tasks.Task.Yield(); return x; }
            """),
        Diagnosed("expression statement calling a method", "Console.WriteLine(x)", "DIFF005", """
            [Differentiable]
            public static double F(double x) { Console.WriteLine(x); return x * x; }
            """),

        // ref locals, parameters and arguments.
        Exact("ref local to a local", """
            [Differentiable]
            public static double F(double x) { double y = x; ref double r = ref y; r *= 2; return y; }
            """, r => [Real(r, -2, 2)]),
        Exact("ref readonly and ref var locals to elements", """
            [Differentiable]
            public static double F(ReadOnlySpan<double> x)
            {
                double s = 0;
                for (int i = 0; i < x.Length; i++) { ref readonly double a = ref x[i]; ref var b = ref s; b += a * a; }
                return s;
            }
            """, r => [Array(r, 3, -2, 2)]),
        Exact("ref local to a local array element, index moving on", """
            [Differentiable]
            public static double F(double[] x)
            {
                var acc = new double[x.Length];
                int k = 0;
                for (int i = 0; i < x.Length; i++) { ref double s = ref acc[k]; k++; s += x[i] * x[i]; s *= x[i]; }
                double total = 0;
                for (int i = 0; i < acc.Length; i++) total += acc[i];
                return total;
            }
            """, r => [Array(r, 3, -2, 2)]),
        Exact("ref local to a span output element", """
            [Differentiable]
            public static void F(ReadOnlySpan<double> x, Span<double> y)
            {
                for (int i = 0; i < x.Length; i++) { ref double yi = ref y[i]; yi = x[i] * x[i]; yi += x[i]; }
            }
            """, r => [Array(r, 3, -2, 2), new double[3]]),
        Exact("ref local rebound where it was declared", """
            [Differentiable]
            public static double F(double x, double y)
            {
                double a = x, b = y;
                ref double r = ref a;
                r *= 3;
                r = ref b;
                r *= a;
                return a + b;
            }
            """, r => [Real(r, -2, 2), Real(r, -2, 2)]),
        Exact("foreach with a ref iteration variable", """
            [Differentiable]
            public static void F(ReadOnlySpan<double> x, Span<double> y)
            {
                int i = 0;
                foreach (ref double v in y) { v = Math.Sin(x[i]) * x[i]; i++; }
            }
            """, r => [Array(r, 3, -2, 2), new double[3]]),
        Diagnosed("ref local rebound inside a branch", "r = ref b", "DIFF005", """
            [Differentiable]
            public static double F(double x)
            {
                double a = x, b = 2 * x;
                ref double r = ref a;
                if (x > 0) r = ref b;
                r *= x;
                return a + b;
            }
            """),
        Diagnosed("ref conditional", "x > 0 ? ref a : ref b", "DIFF006", """
            [Differentiable]
            public static double F(double x)
            {
                double a = x, b = 2 * x;
                ref double r = ref x > 0 ? ref a : ref b;
                r *= x;
                return a + b;
            }
            """),
        Diagnosed("ref local to a field", "Cache", "DIFF006", """
            private static double Cache;
            [Differentiable]
            public static double F(double x) { ref double r = ref Cache; return r * x; }
            """),
        Diagnosed("ref local from a ref-returning call", "Pick(ref x)", "DIFF006", """
            private static ref double Pick(ref double v) => ref v;
            [Differentiable]
            public static double F(double x) { ref double r = ref Pick(ref x); r *= 2; return x; }
            """),
        Diagnosed("ref parameter", "double", "DIFF003", """
            [Differentiable]
            public static double F(ref double x) => x * x;
            """),
        Diagnosed("out parameter", "double", "DIFF003", """
            [Differentiable]
            public static double F(double x, out double y) { y = x; return x * x; }
            """),
        Diagnosed("in parameter", "double", "DIFF003", """
            [Differentiable]
            public static double F(in double x) => x * x;
            """),
        Diagnosed("ref argument to a method", "Swap(ref a, ref b)", "DIFF005", """
            private static void Swap(ref double a, ref double b) { (a, b) = (b, a); }
            [Differentiable]
            public static double F(double x) { double a = x, b = 1; Swap(ref a, ref b); return a * b; }
            """),
        Diagnosed("out var argument", "Math.DivRem(7, 2, out int rest)", "DIFF006", """
            [Differentiable]
            public static double F(double x) { int q = Math.DivRem(7, 2, out int rest); return x * q * rest; }
            """),

        // Assignments and increments used as values.
        Exact("assignment used as a value (a = b = x)", """
            [Differentiable]
            public static double F(double x)
            {
                double a, b, s = 0;
                for (int i = 0; i < 2; i++) { a = b = x * x; s += a * b + b; }
                return s;
            }
            """, r => [Real(r, -2, 2)]),
        Exact("assignment used as a value in straight-line code", """
            [Differentiable]
            public static double F(double x, double y) { double a; double b = (a = x * y) + x; double c = a++ * b; return c + a; }
            """, r => [Real(r, -2, 2), Real(r, -2, 2)]),
        Exact("nested compound assignments (s += t *= 2)", """
            [Differentiable]
            public static double F(double x, double y)
            {
                double s = x, t = y;
                for (int k = 0; k < 2; k++) { s += t *= 2; }
                return s * t;
            }
            """, r => [Real(r, -2, 2), Real(r, -2, 2)]),
        Exact("a variable read, then written, in one statement", """
            [Differentiable]
            public static double F(double x, double y)
            {
                double s = x;
                for (int k = 0; k < 1; k++) { s += (s = y * s) * 2; }
                return s;
            }
            """, r => [Real(r, -2, 2), Real(r, -2, 2)]),
        Exact("x[i++] and x[++i] in indices", """
            [Differentiable]
            public static double F(double[] x)
            {
                int i = 0;
                double s = 0;
                while (i < x.Length - 1) { s += x[i++] * x[i]; }
                i = 0;
                s += x[i] * x[++i];
                return s;
            }
            """, r => [Array(r, 4, -2, 2)]),
        Exact("an element incremented as a value (a[k]++)", """
            [Differentiable]
            public static double F(double[] x)
            {
                var a = new double[3];
                double s = 0;
                for (int k = 0; k < 3; k++) { a[k] = x[k] * x[k + 1]; s += a[k]++ * a[k]; }
                return s;
            }
            """, r => [Array(r, 4, -2, 2)]),
        Exact("++ inside an if condition", """
            [Differentiable]
            public static double F(double[] x)
            {
                int i = 0;
                double s = 0;
                for (int k = 0; k < 3; k++) { if (x[i++] > 0) s += x[i] * x[i - 1]; else s -= x[i]; }
                return s;
            }
            """, r => [Array(r, 4, -2, 2)]),
        Exact("assignment inside '?:'", """
            [Differentiable]
            public static double F(double x) { double y = 0; double s = 0; for (int i = 0; i < 2; i++) { s += x > 0 ? (y = x) : y; } return s + y; }
            """, r => [Real(r, -2, 2)]),
        Exact("recursion, the call inside '?:' (mutual recursion: e2e NaturalRecursionTests)", """
            [Differentiable]
            public static double F(double x, int n) => n == 0 ? Math.Sin(x) : x * F(x, n - 1) + F(x * 0.5, n - 1);
            """, r => [Real(r, -2, 2), r.Next(0, 4)]),
        Diagnosed("assignment inside '?:' inside '&&'", "y = x", "DIFF006", """
            [Differentiable]
            public static double F(double x) { double y = 0; double s = 0; if (x > -5 && (x > 0 ? (y = x) : y) > 1) { s = y; } return s + y * x; }
            """),
        Diagnosed("++ inside '&&'", "i++", "DIFF006", """
            [Differentiable]
            public static double F(double[] x) { int i = 0; double s = 0; for (int k = 0; k < 2; k++) { if (x[0] > 0 && x[i++] > 0) s += x[i]; } return s; }
            """),
        Exact("-- inside a while condition", """
            [Differentiable]
            public static double F(double x, int n) { double s = 1; while (n-- > 0) { s *= x; } return s; }
            """, r => [Real(r, -2, 2), r.Next(0, 5)]),
        Exact("-- inside a do-while condition", """
            [Differentiable]
            public static double F(double x, int n) { double s = 1; do { s *= x; } while (n-- > 0); return s; }
            """, r => [Real(r, -2, 2), r.Next(0, 5)]),
        Diagnosed("-- inside the condition of a do-while that continues", "n--", "DIFF006", """
            [Differentiable]
            public static double F(double x, int n) { double s = 1; do { if (s > 5) continue; s *= x; } while (n-- > 0); return s; }
            """),
        Exact("deconstruction assignment (tuple swap)", """
            [Differentiable]
            public static double F(double x) { double a = x, b = 1; for (int i = 0; i < 3; i++) { (a, b) = (b, a + b); } return a * b; }
            """, r => [Real(r, -2, 2)]),
        Exact("tuple declaration and element swap", """
            [Differentiable]
            public static double F(double[] x) { var (a, b) = (x[0], 2 * x[1]); var t = new double[2]; (t[0], t[1]) = (x[1], a * b); (t[0], t[1]) = (t[1], t[0]); (double u, double v) = (t[0] + a, t[1]); return u * v + t[0]; }
            """, r => [Array(r, 2, -2, 2)]),
        Diagnosed("nested tuple assignment", "(a, (b, c))", "DIFF006", """
            [Differentiable]
            public static double F(double x) { double a, b, c; (a, (b, c)) = (x, (2 * x, 3)); return a * b * c; }
            """),

        // Expressions.
        Exact("default and default(T)", """
            [Differentiable]
            public static double F(double x) { double a = default; double b = default(double); return a + b + x * x; }
            """, r => [Real(r, -2, 2)]),
        Exact("constants: Math.PI, double.Epsilon, sizeof", """
            [Differentiable]
            public static double F(double x) => Math.PI * x + double.Epsilon + sizeof(double) * x * x;
            """, r => [Real(r, -2, 2)]),
        Exact("float and double conversions", """
            [Differentiable]
            public static double F(double x) { float f = (float)x; double back = f; return back * x + (double)(float)(x * 0.5); }
            """, r => [Real(r, -2, 2)], a => [2 * (double)a[0] + 0.5]),
        Exact("checked and unchecked on real arithmetic", """
            [Differentiable]
            public static double F(double x, int n) { double a = checked(x * 2.5); double b = unchecked(a * x + n); return a + b; }
            """, r => [Real(r, -2, 2), r.Next(-3, 4)]),
        Diagnosed("checked on int arithmetic", "n + 1", "DIFF006", """
            [Differentiable]
            public static double F(double x, int n) => x * checked(n + 1);
            """),
        Exact("named arguments out of order", """
            [Differentiable]
            public static double F(double x, double y) => Math.Pow(y: 2.0, x: x) * Math.Atan2(x: y, y: x);
            """, r => [Real(r, 0.5, 2), Real(r, 0.5, 2)]),
        Exact("static readonly field read as data", """
            private static readonly double Scale = 1.5;
            [Differentiable]
            public static double F(double x) => Scale * x * x;
            """, r => [Real(r, -2, 2)]),
        Diagnosed("conversion through decimal", "(decimal)x * 2m", "DIFF006", """
            [Differentiable]
            public static double F(double x) => (double)((decimal)x * 2m);
            """),
        Diagnosed("conversion through Half", "(double)(Half)x", "DIFF006", """
            [Differentiable]
            public static double F(double x) => (double)(Half)x * x;
            """),
        Diagnosed("nameof in arithmetic", "nameof(x).Length", "DIFF006", """
            [Differentiable]
            public static double F(double x) => x * nameof(x).Length;
            """),
        Diagnosed("mutable static field read", "Counter", "DIFF006", """
            private static double Counter = 2;
            [Differentiable]
            public static double F(double x) => Counter * x;
            """),
        Diagnosed("field written", "Counter", "DIFF006", """
            private static double Counter;
            [Differentiable]
            public static double F(double x) { Counter = x; return x * x; }
            """),
        Diagnosed("property read on an object", "Environment.ProcessorCount", "DIFF006", """
            [Differentiable]
            public static double F(double x) => x * Environment.ProcessorCount;
            """),
        Diagnosed("lambda", "g = v => v * x", "DIFF005", """
            [Differentiable]
            public static double F(double x) { Func<double, double> g = v => v * x; return g(x); }
            """),
        Diagnosed("integer bitwise operators", "n & 1", "DIFF006", """
            [Differentiable]
            public static double F(double x, int n) => x * (n & 1);
            """),
        Diagnosed("% on real values", "x % 2", "DIFF006", """
            [Differentiable]
            public static double F(double x) => x % 2;
            """),
        Diagnosed("string interpolation", "$\"{x}\".Length", "DIFF006", """
            [Differentiable]
            public static double F(double x) => x * $"{x}".Length;
            """),
        Exact("conversion to int (an index or count: no warning)", """
            [Differentiable]
            public static double F(double x) => (int)x + x * x;
            """, r => [Real(r, -2, 2)]),
    ];

    /// <param name="exactGradient">For code that rounds to float, where finite differences are noise: the gradient by hand.</param>
    private static ExactRow Exact(string construct, string method, System.Func<System.Random, object[]> arguments, System.Func<object[], double[]>? exactGradient = null) =>
        new(construct, new GeneratorCase("Audit: " + construct, CaseSource.InFunctions(method), arguments) { ExactGradient = exactGradient });

    private static DiagnosedRow Diagnosed(string construct, string at, string id, string method) =>
        new(construct, CaseSource.InFunctions(method), id, at);
}
