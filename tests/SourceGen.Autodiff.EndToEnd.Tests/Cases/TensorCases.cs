using System;
using SourceGen.Autodiff.EndToEnd.Tests.Corpus;
using SourceGen.Autodiff.EndToEnd.Tests.Harness;
using static SourceGen.Autodiff.EndToEnd.Tests.Harness.TensorCaseBuilder;

namespace SourceGen.Autodiff.EndToEnd.Tests.Cases;

/// <summary>The <see cref="TensorCorpus"/> methods as <see cref="DiffCase"/>s.</summary>
public static class TensorCases
{
    private static readonly int[] Matrix = [2, 3];
    private static readonly double[] MatrixPoint = [1.5, -2, 0.25, 3, -0.5, 1.25];
    private static readonly double[] MatrixSeed = [0.7, -1.1, 0.3, 2, -0.4, 1.3];
    private static readonly double[] Weights = [0.5, -1, 2, 1.5, 0.25, -0.75]; // WeightedSum's [NoGradient] tensor

    public static DiffCase[] All { get; } =
    [
        ScalarResult("Rank1Reads", [3], [1.5, -2, 0.25], TensorCorpus.Rank1Reads, TensorCorpus.Rank1ReadsBackward,
            TensorCorpus.Rank1ReadsGradient, TensorCorpus.Rank1ReadsPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            (x, s) => [s[0] * x[1], s[0] * x[0], -s[0]]),

        // Row-major [x00, x01, x10, x11]; d det / d x = [x11, -x10, -x01, x00].
        ScalarResult("Rank2Reads", [2, 2], [1.5, -2, 0.25, 3], TensorCorpus.Rank2Reads, TensorCorpus.Rank2ReadsBackward,
            TensorCorpus.Rank2ReadsGradient, TensorCorpus.Rank2ReadsPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            (x, s) => [s[0] * x[3], -s[0] * x[2], -s[0] * x[1], s[0] * x[0]]),

        ScalarResult("SumOfSquares", Matrix, MatrixPoint, TensorCorpus.SumOfSquares, TensorCorpus.SumOfSquaresBackward,
            TensorCorpus.SumOfSquaresGradient, TensorCorpus.SumOfSquaresPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            (x, s) => Map(x, x, (xi, _) => 2 * xi * s[0])),

        TensorResult("Quadratic", Matrix, Matrix, MatrixPoint, MatrixSeed, TensorCorpus.Quadratic, TensorCorpus.QuadraticBackward,
            TensorCorpus.QuadraticPullback, p => p.Value, (p, s, g) => p.Backward(s, g), TensorCorpus.QuadraticJacobian,
            (x, s) => Map(x, s, (xi, si) => si * (2 * xi + 2))),

        TensorResult("DivideByScalar", Matrix, Matrix, MatrixPoint, MatrixSeed, TensorCorpus.DivideByScalar, TensorCorpus.DivideByScalarBackward,
            TensorCorpus.DivideByScalarPullback, p => p.Value, (p, s, g) => p.Backward(s, g), TensorCorpus.DivideByScalarJacobian,
            (x, s) => Map(x, s, (_, si) => si / 3)),

        TensorResult("OneMinus", Matrix, Matrix, MatrixPoint, MatrixSeed, TensorCorpus.OneMinus, TensorCorpus.OneMinusBackward,
            TensorCorpus.OneMinusPullback, p => p.Value, (p, s, g) => p.Backward(s, g), TensorCorpus.OneMinusJacobian,
            (x, s) => Map(x, s, (_, si) => -si)),

        TensorResult("Negate", Matrix, Matrix, MatrixPoint, MatrixSeed, TensorCorpus.Negate, TensorCorpus.NegateBackward,
            TensorCorpus.NegatePullback, p => p.Value, (p, s, g) => p.Backward(s, g), TensorCorpus.NegateJacobian,
            (x, s) => Map(x, s, (_, si) => -si)),

        TensorResult("Reciprocal", Matrix, Matrix, MatrixPoint, MatrixSeed, TensorCorpus.Reciprocal, TensorCorpus.ReciprocalBackward,
            TensorCorpus.ReciprocalPullback, p => p.Value, (p, s, g) => p.Backward(s, g), TensorCorpus.ReciprocalJacobian,
            (x, s) => Map(x, s, (xi, si) => -2 * si / (xi * xi))),

        TensorResult("TensorReassignment", Matrix, Matrix, MatrixPoint, MatrixSeed, TensorCorpus.TensorReassignment, TensorCorpus.TensorReassignmentBackward,
            TensorCorpus.TensorReassignmentPullback, p => p.Value, (p, s, g) => p.Backward(s, g), TensorCorpus.TensorReassignmentJacobian,
            (x, s) => Map(x, s, (xi, si) => si * 3 * xi)), // t = (3x² - 1) / 2

        TensorResult("TensorCompound", Matrix, Matrix, MatrixPoint, MatrixSeed, TensorCorpus.TensorCompound, TensorCorpus.TensorCompoundBackward,
            TensorCorpus.TensorCompoundPullback, p => p.Value, (p, s, g) => p.Backward(s, g), TensorCorpus.TensorCompoundJacobian,
            (x, s) => Map(x, s, (xi, si) => si * 3 * xi)),

        TensorResult("ElementWrites", [2, 2], [2], [1.5, -2, 0.25, 3], [0.7, -1.1], TensorCorpus.ElementWrites, TensorCorpus.ElementWritesBackward,
            TensorCorpus.ElementWritesPullback, p => p.Value, (p, s, g) => p.Backward(s, g), TensorCorpus.ElementWritesJacobian,
            (x, s) => [s[0] * x[1], s[0] * x[0], s[1] * Math.Exp(x[2]), s[1]]),

        // TwoTensors(a, b): flat input [a..., b...], each of shape (2, 3).
        new DiffCase
        {
            Name = "TwoTensors",
            Point = [.. MatrixPoint, .. Weights],
            Seed = MatrixSeed,
            Forward = v => Flat.Of(TensorCorpus.TwoTensors(Flat.ToTensor(v, 0, Matrix), Flat.ToTensor(v, 6, Matrix))),
            Backward = (v, s, g) =>
            {
                Tensor aGrad = Flat.ToTensor(g, 0, Matrix), bGrad = Flat.ToTensor(g, 6, Matrix);
                Tensor y = TensorCorpus.TwoTensorsBackward(Flat.ToTensor(v, 0, Matrix), Flat.ToTensor(v, 6, Matrix), Flat.ToTensor(s, 0, Matrix), aGrad, bGrad);
                Flat.CopyBack(aGrad, g, 0);
                Flat.CopyBack(bGrad, g, 6);
                return Flat.Of(y);
            },
            Pullback = v =>
            {
                var p = TensorCorpus.TwoTensorsPullback(Flat.ToTensor(v, 0, Matrix), Flat.ToTensor(v, 6, Matrix));
                return new PullbackRun(Flat.Of(p.Value), (s, g) =>
                {
                    Tensor aGrad = Flat.ToTensor(g, 0, Matrix), bGrad = Flat.ToTensor(g, 6, Matrix);
                    p.Backward(Flat.ToTensor(s, 0, Matrix), aGrad, bGrad);
                    Flat.CopyBack(aGrad, g, 0);
                    Flat.CopyBack(bGrad, g, 6);
                });
            },
            Jacobian = v => TensorCorpus.TwoTensorsJacobian(Flat.ToTensor(v, 0, Matrix), Flat.ToTensor(v, 6, Matrix)),
            ExactVjp = (v, s) =>
            {
                var vjp = new double[12];
                for (int i = 0; i < 6; i++)
                {
                    double a = v[i], b = v[6 + i];
                    vjp[i] = s[i] * (b - 1 / b + 1);
                    vjp[6 + i] = s[i] * (a + a / (b * b) + 1);
                }

                return vjp;
            },
        },

        // ScaleByActiveScalar(x, s) and ActiveScalarLeft(x, s): flat input [x..., s]; s's gradient sums over every element.
        TensorAndScalar("ScaleByActiveScalar", Matrix, [.. MatrixPoint, 0.8], MatrixSeed, TensorCorpus.ScaleByActiveScalar,
            TensorCorpus.ScaleByActiveScalarBackward, TensorCorpus.ScaleByActiveScalarPullback, p => p.Value,
            (p, s, g, ref sGrad) => p.Backward(s, g, ref sGrad), TensorCorpus.ScaleByActiveScalarJacobian,
            (v, s) => WithScalar(v, s, (x, a) => a, (x, a) => x + 1)), // y = x a + a

        TensorAndScalar("ActiveScalarLeft", Matrix, [.. MatrixPoint, 0.8], MatrixSeed, TensorCorpus.ActiveScalarLeft,
            TensorCorpus.ActiveScalarLeftBackward, TensorCorpus.ActiveScalarLeftPullback, p => p.Value,
            (p, s, g, ref sGrad) => p.Backward(s, g, ref sGrad), TensorCorpus.ActiveScalarLeftJacobian,
            (v, s) => WithScalar(v, s, (x, a) => -a / (x * x) - a - 1, (x, a) => 1 / x - x + 1)), // y = a/x - a x + (a - x)

        // TensorLocals(x, w): flat input [x..., w...]; k = x (w - 1/4), f = sum(k² + 1).
        new DiffCase
        {
            Name = "TensorLocals",
            Point = [.. MatrixPoint, .. Weights],
            Seed = [0.7],
            Forward = v => [TensorCorpus.TensorLocals(Flat.ToTensor(v, 0, Matrix), Flat.ToTensor(v, 6, Matrix))],
            Backward = (v, s, g) =>
            {
                Tensor xGrad = Flat.ToTensor(g, 0, Matrix), wGrad = Flat.ToTensor(g, 6, Matrix);
                double y = TensorCorpus.TensorLocalsBackward(Flat.ToTensor(v, 0, Matrix), Flat.ToTensor(v, 6, Matrix), s[0], xGrad, wGrad);
                Flat.CopyBack(xGrad, g, 0);
                Flat.CopyBack(wGrad, g, 6);
                return [y];
            },
            Gradient = v => Flat.Of(TensorCorpus.TensorLocalsGradient(Flat.ToTensor(v, 0, Matrix), Flat.ToTensor(v, 6, Matrix))),
            Pullback = v =>
            {
                var p = TensorCorpus.TensorLocalsPullback(Flat.ToTensor(v, 0, Matrix), Flat.ToTensor(v, 6, Matrix));
                return new PullbackRun([p.Value], (s, g) =>
                {
                    Tensor xGrad = Flat.ToTensor(g, 0, Matrix), wGrad = Flat.ToTensor(g, 6, Matrix);
                    p.Backward(s[0], xGrad, wGrad);
                    Flat.CopyBack(xGrad, g, 0);
                    Flat.CopyBack(wGrad, g, 6);
                });
            },
            ExactVjp = (v, s) =>
            {
                var vjp = new double[12];
                for (int i = 0; i < 6; i++)
                {
                    double x = v[i], w = v[6 + i], k = x * (w - 0.25);
                    vjp[i] = s[0] * 2 * k * (w - 0.25);
                    vjp[6 + i] = s[0] * 2 * k * x;
                }

                return vjp;
            },
        },

        ScalarResult("WeightedSum", Matrix, MatrixPoint,
            x => TensorCorpus.WeightedSum(x, Flat.ToTensor(Weights, 0, Matrix)),
            (x, s, g) => TensorCorpus.WeightedSumBackward(x, Flat.ToTensor(Weights, 0, Matrix), s, g),
            x => TensorCorpus.WeightedSumGradient(x, Flat.ToTensor(Weights, 0, Matrix)),
            x => TensorCorpus.WeightedSumPullback(x, Flat.ToTensor(Weights, 0, Matrix)),
            p => p.Value, (p, s, g) => p.Backward(s, g),
            (x, s) => Map(x, Weights, (xi, wi) => 2 * wi * xi * s[0])),
    ];

    /// <summary>
    /// Jᵀ·seed of an elementwise y = f(x, a) over flat [x..., a]: element i gets seed_i ∂y_i/∂x_i,
    /// and a gets the sum of seed_i ∂y_i/∂a.
    /// </summary>
    private static double[] WithScalar(double[] v, double[] seed, Func<double, double, double> dx, Func<double, double, double> da)
    {
        int n = v.Length - 1;
        double a = v[n];
        var vjp = new double[v.Length];
        for (int i = 0; i < n; i++)
        {
            vjp[i] = seed[i] * dx(v[i], a);
            vjp[n] += seed[i] * da(v[i], a);
        }

        return vjp;
    }

    /// <summary>Element-wise formula over two equally long vectors.</summary>
    private static double[] Map(double[] a, double[] b, Func<double, double, double> f)
    {
        var result = new double[a.Length];
        for (int i = 0; i < a.Length; i++)
        {
            result[i] = f(a[i], b[i]);
        }

        return result;
    }
}
