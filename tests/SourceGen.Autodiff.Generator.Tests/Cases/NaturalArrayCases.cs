using System.Collections.Generic;
using static SourceGen.Autodiff.Generator.Tests.Cases.Draw;

namespace SourceGen.Autodiff.Generator.Tests.Cases;

/// <summary>
/// Local arrays used as references: created inside a loop or branch, assigned one another,
/// swapped. Each variable keeps one storage; `new` refills it and assignment copies.
/// </summary>
public static class NaturalArrayCases
{
    public static IEnumerable<GeneratorCase> All()
    {
        yield return new("ArrayCreatedEachStep", CaseSource.InFunctions("""
            [Differentiable]
            public static double ArrayCreatedEachStep(double[] w, double[] x0, int steps)
            {
                var state = new double[x0.Length];
                for (int j = 0; j < x0.Length; j++)
                {
                    state[j] = x0[j];
                }
                for (int step = 0; step < steps; step++)
                {
                    var updated = new double[x0.Length];
                    for (int j = 0; j < x0.Length; j++)
                    {
                        updated[j] = state[j] * w[j] + Math.Sin(state[(j + 1) % x0.Length]);
                    }
                    state = updated;
                }
                return state[0] * state[x0.Length - 1];
            }
            """),
            r => [Array(r, 3, -1.5, 1.5), Array(r, 3, -1, 1), r.Next(0, 4)]);

        yield return new("ArraysSwapped", CaseSource.InFunctions("""
            [Differentiable]
            public static double ArraysSwapped(double[] u0, double a, int steps)
            {
                int n = u0.Length;
                var u = new double[n];
                var next = new double[n];
                for (int i = 0; i < n; i++) u[i] = u0[i];
                for (int s = 0; s < steps; s++)
                {
                    for (int i = 0; i < n; i++) next[i] = u[i] * a + u[(i + 1) % n];
                    (u, next) = (next, u);
                }
                return u[0] * u[n - 1];
            }
            """),
            r => [Array(r, 3, -1, 1), Real(r, -1, 1), r.Next(0, 4)]);

        yield return new("ArrayCreatedInBranch", CaseSource.InFunctions("""
            [Differentiable]
            public static double ArrayCreatedInBranch(double[] x, double c)
            {
                if (c > 0)
                {
                    var v = new double[x.Length];
                    for (int i = 0; i < v.Length; i++) v[i] = x[i] * c;
                    return v[0] + v[1] * v[2];
                }
                return c;
            }
            """),
            r => [Array(r, 3, -1, 1), Real(r, -1, 1)]);

        yield return new("SpanLocalOnTheStack", CaseSource.InFunctions("""
            [Differentiable]
            public static double SpanLocalOnTheStack(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
            {
                Span<double> c = stackalloc double[3];
                for (int i = 0; i < 3; i++)
                {
                    c[i] = a[(i + 1) % 3] * b[(i + 2) % 3] - a[(i + 2) % 3] * b[(i + 1) % 3];
                }
                return c[0] * c[0] + c[1] * c[1] + c[2] * c[2];
            }
            """),
            r => [Array(r, 3, -1, 1), Array(r, 3, -1, 1)]);

        yield return new("IndexFromEnd", CaseSource.InFunctions("""
            [Differentiable]
            public static double IndexFromEnd(ReadOnlySpan<double> x, double[] y, int k) => x[^1] * y[^k] + x[^k];
            """),
            r => [Array(r, 3, -1, 1), Array(r, 3, -1, 1), r.Next(1, 4)]);

        yield return new("WindowsOnArrays", CaseSource.InFunctions("""
            [Differentiable]
            public static double WindowsOnArrays(double[] x, ReadOnlySpan<double> y, int k)
            {
                ReadOnlySpan<double> head = y.Slice(0, k);
                double s = 0;
                foreach (var v in x.AsSpan(1, k))
                {
                    s += v * head[^1];
                }
                var tail = x[k..];
                return s + tail[0] * y[1..][0];
            }
            """),
            r => [Array(r, 4, -1, 1), Array(r, 4, -1, 1), r.Next(1, 3)]);

        yield return new("CopiedArrayWritten", CaseSource.InFunctions("""
            [Differentiable]
            public static double CopiedArrayWritten(ReadOnlySpan<double> x)
            {
                var c = x.ToArray();
                for (int i = 1; i < c.Length; i++)
                {
                    c[i] = c[i] * c[i - 1];
                }
                return c[^1];
            }
            """),
            r => [Array(r, 3, -1, 1)]);

        yield return new("FillClearCopyTo", CaseSource.InFunctions("""
            [Differentiable]
            public static double FillClearCopyTo(double[] x, double c)
            {
                var a = new double[x.Length];
                var b = new double[x.Length];
                a.AsSpan().Fill(c);
                for (int i = 0; i < a.Length; i++) a[i] *= x[i];
                a.CopyTo(b, 0);
                Array.Clear(a);
                a[0] = b[0] * b[^1];
                return a[0] + b[1];
            }
            """),
            r => [Array(r, 3, -1, 1), Real(r, -1, 1)]);
    }
}
