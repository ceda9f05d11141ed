using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Corpus;

/// <summary>Tensor element reads (rank 1 and 2), element writes, elementwise arithmetic with broadcast, Sum.</summary>
public static partial class TensorCorpus
{
    [Differentiable]
    public static double Rank1Reads(Tensor x) => x[0] * x[1] - x[2];

    /// <summary>The 2x2 determinant.</summary>
    [Differentiable]
    public static double Rank2Reads(Tensor x) => x[0, 0] * x[1, 1] - x[0, 1] * x[1, 0];

    [Differentiable]
    public static double SumOfSquares(Tensor x) => (x * x).Sum();

    /// <summary>The example: x * x + 2 * x.</summary>
    [Differentiable]
    public static Tensor Quadratic(Tensor x) => x * x + 2 * x;

    [Differentiable]
    public static Tensor DivideByScalar(Tensor x) => x / 3;

    [Differentiable]
    public static Tensor OneMinus(Tensor x) => 1 - x;

    [Differentiable]
    public static Tensor Negate(Tensor x) => -x;

    /// <summary>Scalar divided by a tensor, and a tensor minus a scalar.</summary>
    [Differentiable]
    public static Tensor Reciprocal(Tensor x) => 2 / x - 1;

    /// <summary>Tensor-tensor arithmetic between two parameters: MGradient-free, two buffers.</summary>
    [Differentiable]
    public static Tensor TwoTensors(Tensor a, Tensor b) => a * b - a / b + (a + b);

    /// <summary>An active scalar broadcast over a tensor: its gradient sums over every element.</summary>
    [Differentiable]
    public static Tensor ScaleByActiveScalar(Tensor x, double s) => x * s + s;

    /// <summary>Tensor locals and a Sum at the end.</summary>
    [Differentiable]
    public static double TensorLocals(Tensor x, Tensor w)
    {
        var h = x * w;
        var k = h - x / 4;
        return (k * k + 1).Sum();
    }

    /// <summary>A tensor local reassigned from itself.</summary>
    [Differentiable]
    public static Tensor TensorReassignment(Tensor x)
    {
        var t = x * 2;
        t = t + x;
        t = t * x;
        t = (t - 1) / 2;
        return t;
    }


    /// <summary>Compound assignments on a tensor local, with a tensor and with scalars.</summary>
    [Differentiable]
    public static Tensor TensorCompound(Tensor x)
    {
        var t = x * 2;
        t += x;
        t *= x;
        t -= 1;
        t /= 2;
        return t;
    }

    /// <summary>Rank 2 in, rank 1 out through a local Tensor.Zeros(...) that is returned.</summary>
    [Differentiable]
    public static Tensor ElementWrites(Tensor x)
    {
        var y = Tensor.Zeros(2);
        y[0] = x[0, 0] * x[0, 1];
        y[1] = Math.Exp(x[1, 0]) + x[1, 1];
        return y;
    }

    /// <summary>Elementwise result reduced to a scalar with a [NoGradient] tensor of weights.</summary>
    [Differentiable]
    public static double WeightedSum(Tensor x, [NoGradient] Tensor weights) => (weights * x * x).Sum();

    /// <summary>An active scalar on the left of tensor operators.</summary>
    [Differentiable]
    public static Tensor ActiveScalarLeft(Tensor x, double s) => s / x - s * x + (s - x);
}
