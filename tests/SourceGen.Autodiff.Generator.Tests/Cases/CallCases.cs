using System.Collections.Generic;
using static SourceGen.Autodiff.Generator.Tests.Cases.Draw;

namespace SourceGen.Autodiff.Generator.Tests.Cases;

/// <summary>Calls between [Differentiable] methods; the baseline holds every method's file.</summary>
public static class CallCases
{
    public static IEnumerable<GeneratorCase> All()
    {
        yield return new("NestedDifferentiableCalls", CaseSource.InFunctions("""
            [Differentiable]
            public static double Inner(double x, double y) => x * Math.Exp(y);

            [Differentiable]
            public static double Middle(double x) => Inner(x, x * x) + x;

            [Differentiable]
            public static double Calls(double x, double y)
            {
                double a = Middle(x * y);
                return a * Inner(y, a) + Middle(y);
            }
            """),
            r => [Real(r, -0.8, 0.8), Real(r, -0.8, 0.8)])
        {
            MethodUnderTest = "Calls",
        };

        yield return new("CallWithSpanArgument", CaseSource.InFunctions("""
            [Differentiable]
            public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => a[0] * b[0] + a[1] * b[1];

            [Differentiable]
            public static double Caller(ReadOnlySpan<double> w, double s) => s * Dot(w, w) + Math.Sqrt(Dot(w, w));
            """),
            r => [Array(r, 2, 0.5, 2), Real(r, -2, 2)])
        {
            MethodUnderTest = "Caller",
        };

        yield return new("CallWritesSpanOutput", CaseSource.InFunctions("""
            [Differentiable]
            public static void Rotate(ReadOnlySpan<double> r, ReadOnlySpan<double> p, Span<double> result)
            {
                result[0] = r[0] * p[0] - r[1] * p[1];
                result[1] = r[1] * p[0] + r[0] * p[1];
            }

            [Differentiable]
            public static double Orbit(ReadOnlySpan<double> r, ReadOnlySpan<double> p)
            {
                var q = new double[2];
                var next = new double[2];
                Rotate(r, p, q);
                double energy = q[0] * q[1];
                for (int k = 0; k < 2; k++)
                {
                    Rotate(r, q, next);
                    q[0] = next[0];
                    q[1] = next[1];
                    energy += q[0] * q[0];
                }
                return energy;
            }
            """),
            r => [Array(r, 2, 0.5, 1.5), Array(r, 2, -1, 1)])
        {
            MethodUnderTest = "Orbit",
        };

        yield return new("CallReturningArray", CaseSource.InFunctions("""
            [Differentiable]
            public static double[] Softmax(ReadOnlySpan<double> z)
            {
                var p = new double[z.Length];
                double sum = 0;
                for (int i = 0; i < z.Length; i++)
                {
                    p[i] = Math.Exp(z[i]);
                    sum += p[i];
                }
                for (int i = 0; i < z.Length; i++)
                {
                    p[i] /= sum;
                }
                return p;
            }

            [Differentiable]
            public static double CrossEntropy(ReadOnlySpan<double> z)
            {
                var p = Softmax(z);
                return -Math.Log(p[1]);
            }
            """),
            r => [Array(r, 3, -1, 1)])
        {
            MethodUnderTest = "CrossEntropy",
        };

        yield return new("CallReturningTuple", CaseSource.InFunctions("""
            [Differentiable]
            public static (double dx, double dy) Field(double x, double y, double a) => (a * x * y, a * (x - y));

            [Differentiable]
            public static double Integrate(double x0, double y0, double a)
            {
                double x = x0, y = y0;
                for (int n = 0; n < 3; n++)
                {
                    var (kx, ky) = Field(x, y, a);
                    x += 0.1 * kx;
                    y += 0.1 * ky;
                }
                return x * y;
            }
            """),
            r => [Real(r, -1, 1), Real(r, -1, 1), Real(r, 0.5, 1.5)])
        {
            MethodUnderTest = "Integrate",
        };
    }
}
