using System;
using SourceGen.Autodiff.Benchmarks.Functions.Loops;

namespace SourceGen.Autodiff.Benchmarks.Problems;

/// <summary><see cref="Mlp.Loss"/>: batch 32, 8 inputs, 16 tanh hidden units, 1 output, MSE.</summary>
public struct MlpProblem : IBenchmarkProblem<MlpProblem, double>
#if LOOPS
    , IHasGeneratedBackward<double>
#endif
{
    public const int Batch = 32;
    public const int Inputs = 8;
    public const int Hidden = 16;

    private readonly double[] _w1 = Data.Uniform(7, Hidden * Inputs, -0.5, 0.5);
    private readonly double[] _b1 = Data.Uniform(8, Hidden, -0.1, 0.1);
    private readonly double[] _w2 = Data.Uniform(9, Hidden, -0.5, 0.5);
    private readonly double _b2 = 0.05;
    private readonly double[] _x = Data.Uniform(10, Batch * Inputs, -1, 1);
    private readonly double[] _y = Data.Uniform(11, Batch, -1, 1);
    private readonly double[] _w1Grad = new double[Hidden * Inputs];
    private readonly double[] _b1Grad = new double[Hidden];
    private readonly double[] _w2Grad = new double[Hidden];
    private double _b2Grad;
    private readonly double _seed = ICheckedProblem.ScalarSeed;

    public MlpProblem() { }

    public static MlpProblem Create() => new();

    public readonly string Name => "MLP 8-16-1 tanh, batch 32";

    public readonly double Forward() => Mlp.Loss(_w1, _b1, _w2, _b2, _x, _y);

    public double HandWrittenBackward() =>
        Mlp.LossBackwardByHand(_w1, _b1, _w2, _b2, _x, _y, _seed, _w1Grad, _b1Grad, _w2Grad, ref _b2Grad);

#if LOOPS
    public double GeneratedBackward() =>
        Mlp.LossBackward(_w1, _b1, _w2, _b2, _x, _y, _seed, _w1Grad, _b1Grad, _w2Grad, ref _b2Grad);

    public BackwardResult? Generated()
    {
        ClearGradients();
        return Collect(GeneratedBackward());
    }
#else
    public readonly BackwardResult? Generated() => null;
#endif

    /// <summary>Differences over the packed parameters (w1, b1, w2, b2): 161 of them.</summary>
    public readonly double[] FiniteDifferences()
    {
        const int w1End = Hidden * Inputs, b1End = w1End + Hidden, w2End = b1End + Hidden;
        double[] x = _x, y = _y;
        return FiniteDifference.Gradient(
            p => Mlp.Loss(p.AsSpan(0, w1End), p.AsSpan(w1End, Hidden), p.AsSpan(b1End, Hidden), p[w2End], x, y),
            Data.Pack(_w1, _b1, _w2, [_b2]));
    }

    public readonly double[] ForwardValues() => [Forward()];

    public BackwardResult HandWritten()
    {
        ClearGradients();
        return Collect(HandWrittenBackward());
    }

    private void ClearGradients()
    {
        Array.Clear(_w1Grad);
        Array.Clear(_b1Grad);
        Array.Clear(_w2Grad);
        _b2Grad = 0;
    }

    private readonly BackwardResult Collect(double value) => new([value], Data.Pack(_w1Grad, _b1Grad, _w2Grad, [_b2Grad]));
}
