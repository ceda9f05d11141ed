namespace SourceGen.Autodiff.EndToEnd.Tests.Cases;

/// <summary>The [NoGradient] data and fixed sizes the <see cref="ClassicCases"/> evaluate the classics with.</summary>
public static class ClassicData
{
    /// <summary>CumulativeProduct's weights.</summary>
    public static readonly double[] ProductWeights = [0.5, -1, 2, 1.5];

    /// <summary>QuadraticForm's A (3 x 3, row-major, not symmetric).</summary>
    public static readonly double[] FormMatrix = [2, -1, 0.5, 0.3, 1, -2, 1.5, 0.2, -0.7];

    /// <summary>MatVec's A: <see cref="MatrixRows"/> x 4, row-major.</summary>
    public static readonly double[] Matrix = [1, -2, 0.5, 3, 0.25, 1.5, -1, 2, -0.5, 0.75, 2.5, -1.25];

    public const int MatrixRows = 3;

    /// <summary>LogisticRegression's samples: 5 x 3, row-major.</summary>
    public static readonly double[] Samples = [1, 0.5, -1, -0.5, 2, 0.3, 0.8, -1.2, 1.5, 2, 0.1, -0.4, -1, -1, 0.6];

    /// <summary>LogisticRegression's 0/1 labels.</summary>
    public static readonly double[] Labels = [1, 0, 1, 1, 0];

    /// <summary>Mlp's inputs: batch 4 x 2, row-major.</summary>
    public static readonly double[] MlpInputs = [0.5, -1, 1.5, 0.3, -0.8, 0.9, 0.2, 2];

    /// <summary>Mlp's targets.</summary>
    public static readonly double[] MlpTargets = [0.3, -0.5, 1, 0.1];

    /// <summary>TensorMatMul's W: 3 x 2.</summary>
    public static readonly double[,] MatMulWeights = { { 0.5, -1 }, { 2, 0.25 }, { -1.5, 1 } };

    /// <summary>A fresh tensor of <see cref="MatMulWeights"/> per call, so no test sees another's writes.</summary>
    public static Tensor MatMulWeightTensor => Tensor.From(MatMulWeights);

    /// <summary>HuberLoss's targets.</summary>
    public static readonly double[] HuberTargets = [0.2, -0.5, 0.1, 3.3];
}
