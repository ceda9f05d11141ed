using System.Collections.Generic;
using static SourceGen.Autodiff.Generator.Tests.Cases.Draw;

namespace SourceGen.Autodiff.Generator.Tests.Cases;

/// <summary>The Math functions, a group per case, each inside an expression so the chain rule is exercised.</summary>
public static class MathCases
{
    public static IEnumerable<GeneratorCase> All()
    {
        yield return new("MathTrigonometric", CaseSource.InFunctions("""
            [Differentiable]
            public static double MathTrigonometric(double x, double y) => Math.Sin(x) * Math.Cos(y) + Math.Tan(x * y);
            """),
            r => [Real(r, 0.1, 0.8), Real(r, 0.1, 0.8)]);

        yield return new("MathInverseTrigonometric", CaseSource.InFunctions("""
            [Differentiable]
            public static double MathInverseTrigonometric(double x, double y) => Math.Asin(x) + Math.Acos(x / 2) * Math.Atan(y) + Math.Atan2(y, x);
            """),
            r => [Real(r, 0.1, 0.8), Real(r, 0.2, 2)]);

        yield return new("MathHyperbolic", CaseSource.InFunctions("""
            [Differentiable]
            public static double MathHyperbolic(double x, double y) => Math.Sinh(x) * Math.Cosh(y) - Math.Tanh(x * y);
            """),
            r => [Real(r, -1, 1), Real(r, -1, 1)]);

        yield return new("MathExponentialAndLogarithms", CaseSource.InFunctions("""
            [Differentiable]
            public static double MathExponentialAndLogarithms(double x, double y) => Math.Exp(x * y) + Math.Log(x) * Math.Log10(y) + Math.Log2(x + y);
            """),
            r => [Real(r, 0.5, 2), Real(r, 0.5, 2)]);

        yield return new("MathRootsAndPowers", CaseSource.InFunctions("""
            [Differentiable]
            public static double MathRootsAndPowers(double x, double y) => Math.Sqrt(x * y) + Math.Cbrt(x + y) + Math.Pow(x, y) + Math.Pow(x, 3) + Math.Pow(y, 2.5);
            """),
            r => [Real(r, 0.5, 2), Real(r, 0.5, 2)]);

        // The domain keeps every branch fixed and away from its switch point: |x - y| picks its
        // negative side, each Max, Min and Clamp below picks a known argument.
        yield return new("MathPiecewise", CaseSource.InFunctions("""
            [Differentiable]
            public static double MathPiecewise(double x, double y)
            {
                double abs = Math.Abs(x) * y + Math.Abs(x - y);
                double max = Math.Max(x, y * y) + Math.Max(y, x);
                double min = Math.Min(x * 2, y) + Math.Min(y, x);
                double clamp = Math.Clamp(x, -y, y) + Math.Clamp(y, -x, x) + Math.Clamp(-y, -x, x);
                return abs + max + min + clamp;
            }
            """),
            r => [Real(r, 0.3, 0.6), Real(r, 1.3, 1.5)]);

        yield return new("MathZeroDerivative", CaseSource.InFunctions("""
            [Differentiable]
            public static double MathZeroDerivative(double x, double y) =>
                x * Math.Floor(x) + Math.Round(y) * y + Math.Sign(x) * x + Math.Ceiling(y) + Math.Truncate(x);
            """),
            r => [Real(r, 1.2, 1.8), Real(r, 2.1, 2.4)]);
        // Math.Log(x, b): the base is differentiated too; double.Log is the same function.
        yield return new("MathLogarithmToABase", CaseSource.InFunctions("""
            [Differentiable]
            public static double MathLogarithmToABase(double x, double b) => Math.Log(x, 2) + Math.Log(x * x + 1, b) * double.Log(b, x);
            """),
            r => [Real(r, 1.5, 3), Real(r, 1.5, 3)]);

        // The generic-math statics on double name the same functions as Math.
        yield return new("MathStaticsOnDouble", CaseSource.InFunctions("""
            [Differentiable]
            public static double MathStaticsOnDouble(double x, double y) =>
                double.Exp(x) * double.Sin(y) + double.Sqrt(x * y) - double.Tanh(x) + double.Pow(y, x) + double.Atan2(y, x) + double.Abs(x - 3);
            """),
            r => [Real(r, 0.5, 2), Real(r, 0.5, 2)]);

        // Exponentials and logarithms only double has: each an entry of IR/MathFunction.cs.
        yield return new("MathExponentialsOnDouble", CaseSource.InFunctions("""
            [Differentiable]
            public static double MathExponentialsOnDouble(double x, double y) =>
                double.Exp2(x * y) + double.Exp10(x) * y - double.ExpM1(y) / double.LogP1(x * x);
            """),
            r => [Real(r, 0.2, 1), Real(r, 0.2, 1)]);

        yield return new("MathFusedMultiplyAddAndHypot", CaseSource.InFunctions("""
            [Differentiable]
            public static double MathFusedMultiplyAddAndHypot(double x, double y, double z) =>
                Math.FusedMultiplyAdd(x, y, z * z) * double.Hypot(x, y) + double.FusedMultiplyAdd(z, 2, x) / double.Hypot(z, 1);
            """),
            r => [Real(r, -2, 2), Real(r, 0.5, 2), Real(r, -2, 2)]);

        // In a loop the functions that reuse their result (Log(x, b), Hypot) get a local the reverse sweep reads back.
        yield return new("MathNewFunctionsInALoop", CaseSource.InFunctions("""
            [Differentiable]
            public static double MathNewFunctionsInALoop(ReadOnlySpan<double> x, double b)
            {
                double sum = 0;
                for (int i = 0; i < x.Length; i++)
                {
                    sum += Math.Log(x[i], b) * double.Hypot(x[i], sum) + Math.FusedMultiplyAdd(x[i], b, sum);
                }
                return sum;
            }
            """),
            r => [Array(r, 3, 1.5, 3), Real(r, 1.5, 3)]);
    }
}
