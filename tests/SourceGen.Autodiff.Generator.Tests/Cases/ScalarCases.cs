using System.Collections.Generic;
using static SourceGen.Autodiff.Generator.Tests.Cases.Draw;

namespace SourceGen.Autodiff.Generator.Tests.Cases;

/// <summary>Scalar statements and expressions.</summary>
public static class ScalarCases
{
    public static IEnumerable<GeneratorCase> All()
    {
        yield return new("ExpressionBody", CaseSource.InFunctions("""
            [Differentiable]
            public static double ExpressionBody(double x) => x * x;
            """),
            r => [Real(r, -2, 2)]);

        yield return new("ScalarArithmetic", CaseSource.InFunctions("""
            [Differentiable]
            public static double ScalarArithmetic(double x, double y) => (x + 1) / (y - x) * x - -y + x * y * 0.5;
            """),
            r => [Real(r, 0.5, 1), Real(r, 2, 3)]);

        // Users' names that look like the generator's (fooBar, seedling) are values: in each
        // product the adjoint (here wBar1 and seed) prints last, the user's locals before it.
        yield return new("UserNamesLikeAdjoints", CaseSource.InFunctions("""
            [Differentiable]
            public static double UserNamesLikeAdjoints(double w, double z)
            {
                double wBar = w * z;
                double seedling = Math.Sin(w);
                double zBar = seedling * wBar;
                return wBar * zBar * z;
            }
            """),
            r => [Real(r, -1, 1), Real(r, -1, 1)]);

        yield return new("LocalsAndReassignment", CaseSource.InFunctions("""
            [Differentiable]
            public static double LocalsAndReassignment(double x, double y)
            {
                double square = x * x;
                double cube = square * x;
                double t = cube - 2 * square;
                t = t * y + 3;
                return t / y;
            }
            """),
            r => [Real(r, -2, 2), Real(r, 0.5, 2)]);

        yield return new("CompoundAssignment", CaseSource.InFunctions("""
            [Differentiable]
            public static double CompoundAssignment(double x, double y)
            {
                double s = x;
                s += y;
                s -= 0.5 * x;
                s *= y;
                s /= x;
                return s;
            }
            """),
            r => [Real(r, 0.5, 2), Real(r, -2, 2)]);

        yield return new("NoGradientAndInactiveParameters", CaseSource.InFunctions("""
            [Differentiable]
            public static double NoGradientAndInactiveParameters(double x, [NoGradient] double c, int n, long k, bool flag)
            {
                double scaled = c * x * x;
                return scaled + x * n - k;
            }
            """),
            r => [Real(r, -2, 2), Real(r, -2, 2), r.Next(-3, 4), (long)r.Next(-3, 4), r.Next(2) == 0]);

        yield return new("Casts", CaseSource.InFunctions("""
            [Differentiable]
            public static double Casts(double x, int n) => (double)(x * 3) * x + (double)n * x + (double)2;
            """),
            r => [Real(r, -2, 2), r.Next(-3, 4)]);

        yield return new("StopGradient", CaseSource.InFunctions("""
            [Differentiable]
            public static double StopGradient(double x, double y) => Gradient.Stop(x * y) * x + y;
            """),
            r => [Real(r, -2, 2), Real(r, -2, 2)])
        {
            // The stopped product is a constant to the derivative: d/dx = x * y, d/dy = 1.
            ExactGradient = a => [(double)a[0] * (double)a[1], 1],
        };

        yield return new("NestedTypeInGlobalNamespace", """
            using SourceGen.Autodiff;

            internal static partial class Outer
            {
                internal partial class Inner
                {
                    [Differentiable]
                    internal static double Scaled(double x, double y) => 3 * x * y - y;
                }
            }
            """ + "\n",
            r => [Real(r, -2, 2), Real(r, -2, 2)]);
    }
}
