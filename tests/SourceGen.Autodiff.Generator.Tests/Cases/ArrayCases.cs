using System.Collections.Generic;
using static SourceGen.Autodiff.Generator.Tests.Cases.Draw;

namespace SourceGen.Autodiff.Generator.Tests.Cases;

/// <summary>Element reads from double[] and spans; element writes into local arrays and span outputs.</summary>
public static class ArrayCases
{
    public static IEnumerable<GeneratorCase> All()
    {
        yield return new("ArrayReads", CaseSource.InFunctions("""
            [Differentiable]
            public static double ArrayReads(double[] x) => x[0] * x[1] + Math.Sin(x[2]);
            """),
            r => [Array(r, 3, -2, 2)]);

        yield return new("SpanReads", CaseSource.InFunctions("""
            [Differentiable]
            public static double SpanReads(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => a[0] * b[0] + a[1] * b[1] - a[2] / b[2];
            """),
            r => [Array(r, 3, -2, 2), Array(r, 3, 0.5, 2)]);

        yield return new("ReadAtInactiveIndex", CaseSource.InFunctions("""
            [Differentiable]
            public static double ReadAtInactiveIndex(ReadOnlySpan<double> x, int i) => x[i] * x[i + 1];
            """),
            r => [Array(r, 4, -2, 2), r.Next(0, 3)]);

        yield return new("RepeatedReads", CaseSource.InFunctions("""
            [Differentiable]
            public static double RepeatedReads(ReadOnlySpan<double> x)
            {
                double t = x[1] - x[0] * x[0];
                double u = 1 - x[0];
                return 100 * t * t + u * u + x[0] * x[1];
            }
            """),
            r => [Array(r, 2, -1.5, 1.5)]);

        yield return new("ContractLoss", CaseSource.InFunctions("""
            [Differentiable]
            public static double ContractLoss(ReadOnlySpan<double> w, double b, [NoGradient] ReadOnlySpan<double> x)
            {
                double z = w[0] * x[0] + w[1] * x[1] + w[2] * x[2] + b;
                return z * z;
            }
            """),
            r => [Array(r, 3, -2, 2), Real(r, -1, 1), Array(r, 3, -2, 2)]);

        yield return new("SpanOutput", CaseSource.InFunctions("""
            [Differentiable]
            public static void SpanOutput(ReadOnlySpan<double> x, double s, Span<double> y)
            {
                y[0] = s * x[0] * x[0];
                y[1] = x[0] * x[1] + s;
            }
            """),
            r => [Array(r, 2, -2, 2), Real(r, -2, 2), new double[2]]);

        yield return new("LocalArrayResult", CaseSource.InFunctions("""
            [Differentiable]
            public static double[] LocalArrayResult(double[] x)
            {
                var y = new double[3];
                y[0] = x[0] * x[1];
                y[1] = Math.Sin(x[1]);
                y[2] = x[0] - x[1];
                return y;
            }
            """),
            r => [Array(r, 2, -2, 2)]);

        yield return new("ElementCompoundAssignment", CaseSource.InFunctions("""
            [Differentiable]
            public static double[] ElementCompoundAssignment(ReadOnlySpan<double> x, double s)
            {
                var y = new double[2];
                y[0] = x[0];
                y[0] *= x[1];
                y[1] += 2 * y[0];
                y[1] -= s * x[1];
                return y;
            }
            """),
            r => [Array(r, 2, -2, 2), Real(r, -2, 2)]);
    }
}
