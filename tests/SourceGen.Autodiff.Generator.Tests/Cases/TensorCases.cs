using System.Collections.Generic;
using static SourceGen.Autodiff.Generator.Tests.Cases.Draw;

namespace SourceGen.Autodiff.Generator.Tests.Cases;

/// <summary>Tensor element reads and writes, whole-tensor arithmetic with scalar broadcast, Sum.</summary>
public static class TensorCases
{
    public static IEnumerable<GeneratorCase> All()
    {
        yield return new("TensorReads", CaseSource.InFunctions("""
            [Differentiable]
            public static double TensorReads(Tensor x) => x[0, 0] * x[1, 1] - x[0, 1] * x[1, 0] + x[1, 1] / 2;
            """),
            r => [Tensor(r, -2, 2, 2, 2)]);

        // The article's 3-in, 2-out example.
        yield return new("TensorZerosResult", CaseSource.InFunctions("""
            [Differentiable]
            public static Tensor F(Tensor x)
            {
                var y = Tensor.Zeros(1, 2);
                y[0, 0] = x[0, 0] * x[0, 0] + 2 * x[0, 1] + 4 * x[0, 2];
                y[0, 1] = 2 * x[0, 0] + 3 * x[0, 1] * x[0, 1] + x[0, 2] * x[0, 2];
                return y;
            }
            """),
            r => [Tensor(r, -3, 3, 1, 3)]);

        yield return new("TensorArithmetic", CaseSource.InFunctions("""
            [Differentiable]
            public static Tensor TensorArithmetic(Tensor x) => x * x + 2 * x - 1;
            """),
            r => [Tensor(r, -2, 2, 2, 3)]);

        yield return new("TensorBroadcast", CaseSource.InFunctions("""
            [Differentiable]
            public static Tensor TensorBroadcast(Tensor x, Tensor w, double s) => (x * s - w) / 2 + -x * w;
            """),
            r => [Tensor(r, -2, 2, 3), Tensor(r, -2, 2, 3), Real(r, -2, 2)]);

        yield return new("TensorDivision", CaseSource.InFunctions("""
            [Differentiable]
            public static Tensor TensorDivision(Tensor x, Tensor w) => 1 / x + x / w - w / 3;
            """),
            r => [Tensor(r, 0.5, 2, 2, 2), Tensor(r, 0.5, 2, 2, 2)]);

        yield return new("TensorSum", CaseSource.InFunctions("""
            [Differentiable]
            public static double TensorSum(Tensor x, double s)
            {
                var y = x * x + s * x;
                return y.Sum() / 2 + (x - s).Sum();
            }
            """),
            r => [Tensor(r, -2, 2, 2, 2), Real(r, -2, 2)]);

        // The sum runs as one loop, but its reverse needs the sum (1 / (s + 1)): a second loop.
        yield return new("TensorSumReadByItsReverse", CaseSource.InFunctions("""
            [Differentiable]
            public static double TensorSumReadByItsReverse(Tensor x, [NoGradient] Tensor w) => Math.Log((w * x * x).Sum() + 1);
            """),
            r => [Tensor(r, -2, 2, 2, 3), Tensor(r, 0.5, 2, 2, 3)]);
    }
}
