using System;
using SourceGen.Autodiff.EndToEnd.Tests.Corpus;
using SourceGen.Autodiff.EndToEnd.Tests.Harness;
using static SourceGen.Autodiff.EndToEnd.Tests.Harness.ScalarCaseBuilder;
using static SourceGen.Autodiff.EndToEnd.Tests.Harness.SpanCaseBuilder;
using static SourceGen.Autodiff.EndToEnd.Tests.Harness.Vectors;
using static SourceGen.Autodiff.EndToEnd.Tests.Cases.ClassicData;
using static SourceGen.Autodiff.EndToEnd.Tests.Cases.ClassicGradients;

namespace SourceGen.Autodiff.EndToEnd.Tests.Cases;

/// <summary>The <see cref="ClassicCorpus"/> methods as <see cref="DiffCase"/>s, with gradients from <see cref="ClassicGradients"/>.</summary>
public static partial class ClassicCases
{
    private static readonly double[] Vector = [1.5, -2, 0.25, 3];
    private static readonly double[] Logits = [0.3, 2.1, -1, 1.7];
    private const int Label = 2;          // SoftmaxCrossEntropy's class
    private const int NewtonSteps = 6;    // NewtonSqrt's steps
    private const int Side = 3;           // TensorMatrixLoop's n

    private static DiffCase[] Reductions { get; } =
    [
        TwoSpans("Dot", [1.5, -2, 0.25, 3, 0.5, 1.2, -0.7, 2], ClassicCorpus.Dot, ClassicCorpus.DotBackward, ClassicCorpus.DotGradient,
            ClassicCorpus.DotPullback, p => p.Value, (p, s, ga, gb) => p.Backward(s, ga, gb),
            v => [v[4], v[5], v[6], v[7], v[0], v[1], v[2], v[3]]),

        Scalar("SumOfSquaresLoop", Vector, ClassicCorpus.SumOfSquares, ClassicCorpus.SumOfSquaresBackward, ClassicCorpus.SumOfSquaresGradient,
            ClassicCorpus.SumOfSquaresPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x => Scale(x, 2)),

        Scalar("Rosenbrock", [-1.2, 1, 0.8, 1.5], ClassicCorpus.Rosenbrock, ClassicCorpus.RosenbrockBackward, ClassicCorpus.RosenbrockGradient,
            ClassicCorpus.RosenbrockPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            RosenbrockGradient),

        // p(x) = 1 - 2x + 0.5x² + 3x³ - 1.5x⁴
        ScalarThenSpan("Horner", [0.8, 1, -2, 0.5, 3, -1.5], ClassicCorpus.Horner, ClassicCorpus.HornerBackward, ClassicCorpus.HornerGradient,
            ClassicCorpus.HornerPullback, p => p.Value, (p, s, ref gx, gc) => p.Backward(s, ref gx, gc),
            PolynomialGradient),
        ScalarThenSpan("PowerSum", [0.8, 1, -2, 0.5, 3, -1.5], ClassicCorpus.PowerSum, ClassicCorpus.PowerSumBackward, ClassicCorpus.PowerSumGradient,
            ClassicCorpus.PowerSumPullback, p => p.Value, (p, s, ref gx, gc) => p.Backward(s, ref gx, gc),
            PolynomialGradient),

        Scalar("CumulativeProduct", [1.5, -0.8, 1.2, 0.6], x => ClassicCorpus.CumulativeProduct(x, ProductWeights),
            (x, s, g) => ClassicCorpus.CumulativeProductBackward(x, ProductWeights, s, g),
            x => ClassicCorpus.CumulativeProductGradient(x, ProductWeights), x => ClassicCorpus.CumulativeProductPullback(x, ProductWeights),
            p => p.Value, (p, s, g) => p.Backward(s, g),
            CumulativeProductGradient),

        Scalar("LogSumExp", Logits, ClassicCorpus.LogSumExp, ClassicCorpus.LogSumExpBackward, ClassicCorpus.LogSumExpGradient,
            ClassicCorpus.LogSumExpPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            SoftmaxOf),
        Scalar("LogSumExp_firstIsMax", [3, 0.5, -1, 1.7], ClassicCorpus.LogSumExp, ClassicCorpus.LogSumExpBackward, ClassicCorpus.LogSumExpGradient,
            ClassicCorpus.LogSumExpPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            SoftmaxOf),

        Scalar("SoftmaxCrossEntropy", Logits, x => ClassicCorpus.SoftmaxCrossEntropy(x, Label),
            (x, s, g) => ClassicCorpus.SoftmaxCrossEntropyBackward(x, Label, s, g),
            x => ClassicCorpus.SoftmaxCrossEntropyGradient(x, Label), x => ClassicCorpus.SoftmaxCrossEntropyPullback(x, Label),
            p => p.Value, (p, s, g) => p.Backward(s, g),
            x =>
            {
                double[] gradient = SoftmaxOf(x);
                gradient[Label] -= 1;
                return gradient;
            }),

        Scalar("Variance", Vector, ClassicCorpus.Variance, ClassicCorpus.VarianceBackward, ClassicCorpus.VarianceGradient,
            ClassicCorpus.VariancePullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x =>
            {
                double mean = (x[0] + x[1] + x[2] + x[3]) / 4;
                return [(x[0] - mean) / 2, (x[1] - mean) / 2, (x[2] - mean) / 2, (x[3] - mean) / 2];
            }),

        TwoSpans("CosineSimilarity", [1.5, -2, 0.25, 0.5, 1.2, -0.7], ClassicCorpus.CosineSimilarity, ClassicCorpus.CosineSimilarityBackward,
            ClassicCorpus.CosineSimilarityGradient, ClassicCorpus.CosineSimilarityPullback, p => p.Value, (p, s, ga, gb) => p.Backward(s, ga, gb),
            CosineSimilarityGradient),

        Scalar("SoftplusSum", [0.3, -1.2, 2, 0.7], ClassicCorpus.SoftplusSum, ClassicCorpus.SoftplusSumBackward, ClassicCorpus.SoftplusSumGradient,
            ClassicCorpus.SoftplusSumPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x => [Sigmoid(x[0]), Sigmoid(x[1]), Sigmoid(x[2]), Sigmoid(x[3])]),

        Scalar("PairwiseDistances", [0, 0, 1, 0.5, -0.5, 2, 1.5, -1], ClassicCorpus.PairwiseDistances, ClassicCorpus.PairwiseDistancesBackward,
            ClassicCorpus.PairwiseDistancesGradient, ClassicCorpus.PairwiseDistancesPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            PairwiseDistancesGradient),

        Scalar("QuadraticForm", [1.5, -2, 0.25], x => ClassicCorpus.QuadraticForm(x, FormMatrix),
            (x, s, g) => ClassicCorpus.QuadraticFormBackward(x, FormMatrix, s, g),
            x => ClassicCorpus.QuadraticFormGradient(x, FormMatrix), x => ClassicCorpus.QuadraticFormPullback(x, FormMatrix),
            p => p.Value, (p, s, g) => p.Backward(s, g),
            QuadraticFormGradient),

        Unary("NewtonSqrt", 2, a => ClassicCorpus.NewtonSqrt(a, NewtonSteps),
            (double a, double s, ref double g) => ClassicCorpus.NewtonSqrtBackward(a, NewtonSteps, s, ref g),
            a => ClassicCorpus.NewtonSqrtGradient(a, NewtonSteps), a => ClassicCorpus.NewtonSqrtPullback(a, NewtonSteps), p => p.Value,
            (p, s, ref g) => p.Backward(s, ref g),
            a => NewtonSqrtTangent(a, NewtonSteps)),

        TensorCaseBuilder.ScalarResult("TensorMatrixLoop", [Side, Side], [1.5, -2, 0.25, 3, -0.5, 1.25, 0.8, -1.1, 0.4],
            x => ClassicCorpus.TensorMatrixLoop(x, Side), (x, s, g) => ClassicCorpus.TensorMatrixLoopBackward(x, Side, s, g),
            x => ClassicCorpus.TensorMatrixLoopGradient(x, Side), x => ClassicCorpus.TensorMatrixLoopPullback(x, Side),
            p => p.Value, (p, s, g) => p.Backward(s, g),
            (x, s) => Scale(TensorMatrixLoopGradient(x, Side), s[0])),
    ];

    // Computed on access: partial files' static initializers run in no defined order.
    public static DiffCase[] All => [.. Reductions, .. Layers, .. Piecewise];
}
