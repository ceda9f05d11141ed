using System;
using SourceGen.Autodiff.EndToEnd.Tests.Corpus;
using SourceGen.Autodiff.EndToEnd.Tests.Harness;
using static SourceGen.Autodiff.EndToEnd.Tests.Harness.ScalarCaseBuilder;
using static SourceGen.Autodiff.EndToEnd.Tests.Harness.SpanCaseBuilder;
using static SourceGen.Autodiff.EndToEnd.Tests.Harness.Vectors;
using static SourceGen.Autodiff.EndToEnd.Tests.Cases.ClassicData;
using static SourceGen.Autodiff.EndToEnd.Tests.Cases.ClassicGradients;

namespace SourceGen.Autodiff.EndToEnd.Tests.Cases;

/// <summary>Model layers and losses of <see cref="ClassicCorpus"/>: matrix products, activations, softmax, the recurrence, regression, the MLP.</summary>
public static partial class ClassicCases
{
    private static readonly double[] LayerInput = [1.5, -2, 0.25, -3];

    private static DiffCase[] Layers { get; } =
    [
        Output("MatVec", [1.5, -2, 0.25, 3], MatrixRows, (x, y) => ClassicCorpus.MatVec(Matrix, x, y),
            (x, y, s, g) => ClassicCorpus.MatVecBackward(Matrix, x, y, s, g), (x, y) => ClassicCorpus.MatVecPullback(Matrix, x, y),
            (p, s, g) => p.Backward(s, g), (x, y) => ClassicCorpus.MatVecJacobian(Matrix, x, y),
            (x, s) => TransposeTimes(Matrix, s, x.Length)),

        // MatVecBoth(a, x, y): flat input [a (3 x 4)..., x (4)...]; no MJacobian (two differentiable spans).
        new DiffCase
        {
            Name = "MatVecBoth",
            Point = [.. Matrix, 1.5, -2, 0.25, 3],
            Seed = SeedOf(MatrixRows),
            Forward = v => WithOutput(MatrixRows, y => ClassicCorpus.MatVecBoth(v.AsSpan(0, Matrix.Length), v.AsSpan(Matrix.Length), y)),
            Backward = (v, s, g) => WithOutput(MatrixRows, y =>
                ClassicCorpus.MatVecBothBackward(v.AsSpan(0, Matrix.Length), v.AsSpan(Matrix.Length), y, s, g.AsSpan(0, Matrix.Length), g.AsSpan(Matrix.Length))),
            Pullback = v =>
            {
                var y = new double[MatrixRows];
                var p = ClassicCorpus.MatVecBothPullback(v.AsSpan(0, Matrix.Length), v.AsSpan(Matrix.Length), y);
                return new PullbackRun(y, (s, g) => p.Backward(s, g.AsSpan(0, Matrix.Length), g.AsSpan(Matrix.Length)));
            },
            ExactVjp = MatVecBothVjp,
        },

        // Recurrence(w, u, x): flat input [w, u, x...].
        new DiffCase
        {
            Name = "Recurrence",
            Point = [0.8, -0.6, 0.5, -1.2, 0.9, 0.3],
            Seed = [0.7],
            Forward = v => [ClassicCorpus.Recurrence(v[0], v[1], v.AsSpan(2))],
            Backward = (v, s, g) => [ClassicCorpus.RecurrenceBackward(v[0], v[1], v.AsSpan(2), s[0], ref g[0], ref g[1], g.AsSpan(2))],
            Gradient = v => Flat.Of(ClassicCorpus.RecurrenceGradient(v[0], v[1], v.AsSpan(2))),
            Pullback = v =>
            {
                var p = ClassicCorpus.RecurrencePullback(v[0], v[1], v.AsSpan(2));
                return new PullbackRun([p.Value], (s, g) => p.Backward(s[0], ref g[0], ref g[1], g.AsSpan(2)));
            },
            ExactVjp = (v, s) => Scale(RecurrenceGradient(v), s[0]),
        },

        Unary("Relu_positive", 1.5, ClassicCorpus.Relu, ClassicCorpus.ReluBackward, ClassicCorpus.ReluGradient,
            ClassicCorpus.ReluPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 1),
        Unary("Relu_negative", -0.5, ClassicCorpus.Relu, ClassicCorpus.ReluBackward, ClassicCorpus.ReluGradient,
            ClassicCorpus.ReluPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 0),

        Output("ReluLayer", LayerInput, LayerInput.Length, ClassicCorpus.ReluLayer, ClassicCorpus.ReluLayerBackward,
            ClassicCorpus.ReluLayerPullback, (p, s, g) => p.Backward(s, g), ClassicCorpus.ReluLayerJacobian,
            (x, s) => [x[0] > 0 ? s[0] : 0, x[1] > 0 ? s[1] : 0, x[2] > 0 ? s[2] : 0, x[3] > 0 ? s[3] : 0]),

        Unary("LeakyRelu_positive", 1.5, ClassicCorpus.LeakyRelu, ClassicCorpus.LeakyReluBackward, ClassicCorpus.LeakyReluGradient,
            ClassicCorpus.LeakyReluPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 1),
        Unary("LeakyRelu_negative", -2, ClassicCorpus.LeakyRelu, ClassicCorpus.LeakyReluBackward, ClassicCorpus.LeakyReluGradient,
            ClassicCorpus.LeakyReluPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 0.01),

        ArrayResult("LeakyReluArray", LayerInput, LayerInput.Length, ClassicCorpus.LeakyReluArray, ClassicCorpus.LeakyReluArrayBackward,
            ClassicCorpus.LeakyReluArrayPullback, p => p.Value, (p, s, g) => p.Backward(s, g), ClassicCorpus.LeakyReluArrayJacobian,
            (x, s) => [x[0] < 0 ? 0.1 * s[0] : s[0], x[1] < 0 ? 0.1 * s[1] : s[1], x[2] < 0 ? 0.1 * s[2] : s[2], x[3] < 0 ? 0.1 * s[3] : s[3]]),

        // softmax VJP: yⱼ (sⱼ - Σᵢ sᵢ yᵢ)
        Output("Softmax", [0.3, 2.1, -1, 1.7], 4, ClassicCorpus.Softmax, ClassicCorpus.SoftmaxBackward,
            ClassicCorpus.SoftmaxPullback, (p, s, g) => p.Backward(s, g), ClassicCorpus.SoftmaxJacobian,
            SoftmaxVjp),

        // x/‖x‖ VJP: (s - y (y·s)) / ‖x‖
        Output("Normalize", [1.5, -2, 0.25, 3], 4, ClassicCorpus.Normalize, ClassicCorpus.NormalizeBackward,
            ClassicCorpus.NormalizePullback, (p, s, g) => p.Backward(s, g), ClassicCorpus.NormalizeJacobian,
            NormalizeVjp),

        // LogisticRegression(w, b, x, y): flat input [w (3)..., b].
        SpanThenScalar("LogisticRegression", [0.5, -0.3, 0.8, 0.1], (w, b) => ClassicCorpus.LogisticRegression(w, b, Samples, Labels),
            (w, b, s, gw, ref gb) => ClassicCorpus.LogisticRegressionBackward(w, b, Samples, Labels, s, gw, ref gb),
            (w, b) => ClassicCorpus.LogisticRegressionGradient(w, b, Samples, Labels),
            (w, b) => ClassicCorpus.LogisticRegressionPullback(w, b, Samples, Labels),
            p => p.Value, (p, s, gw, ref gb) => p.Backward(s, gw, ref gb),
            LogisticRegressionGradient),

        // Mlp(w1, b1, w2, b2, x, y): flat input [w1 (3 x 2)..., b1 (3)..., w2 (3)..., b2].
        new DiffCase
        {
            Name = "Mlp",
            Point = [0.5, -0.3, 0.8, 0.2, -0.6, 0.4, 0.1, -0.2, 0.3, 0.7, -0.5, 0.9, 0.05],
            Seed = [0.7],
            Forward = v => [ClassicCorpus.Mlp(v.AsSpan(0, 6), v.AsSpan(6, 3), v.AsSpan(9, 3), v[12], MlpInputs, MlpTargets)],
            Backward = (v, s, g) =>
                [ClassicCorpus.MlpBackward(v.AsSpan(0, 6), v.AsSpan(6, 3), v.AsSpan(9, 3), v[12], MlpInputs, MlpTargets, s[0],
                    g.AsSpan(0, 6), g.AsSpan(6, 3), g.AsSpan(9, 3), ref g[12])],
            Gradient = v => Flat.Of(ClassicCorpus.MlpGradient(v.AsSpan(0, 6), v.AsSpan(6, 3), v.AsSpan(9, 3), v[12], MlpInputs, MlpTargets)),
            Pullback = v =>
            {
                var p = ClassicCorpus.MlpPullback(v.AsSpan(0, 6), v.AsSpan(6, 3), v.AsSpan(9, 3), v[12], MlpInputs, MlpTargets);
                return new PullbackRun([p.Value], (s, g) => p.Backward(s[0], g.AsSpan(0, 6), g.AsSpan(6, 3), g.AsSpan(9, 3), ref g[12]));
            },
            ExactVjp = (v, s) => Scale(MlpGradient(v), s[0]),
        },

        // X (2 x 3) · W (3 x 2) element by element; VJP: S Wᵀ.
        TensorCaseBuilder.TensorResult("TensorMatMul", [2, 3], [2, 2], [1.5, -2, 0.25, 3, -0.5, 1.25], SeedOf(4),
            x => ClassicCorpus.TensorMatMul(x, MatMulWeightTensor, 2, 3, 2),
            (x, s, g) => ClassicCorpus.TensorMatMulBackward(x, MatMulWeightTensor, 2, 3, 2, s, g),
            x => ClassicCorpus.TensorMatMulPullback(x, MatMulWeightTensor, 2, 3, 2), p => p.Value, (p, s, g) => p.Backward(s, g),
            x => ClassicCorpus.TensorMatMulJacobian(x, MatMulWeightTensor, 2, 3, 2),
            (x, s) => TensorMatMulVjp(s)),
    ];
}
