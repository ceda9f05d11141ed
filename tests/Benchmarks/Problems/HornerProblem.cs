using System;
using SourceGen.Autodiff.Benchmarks.Functions.Loops;

namespace SourceGen.Autodiff.Benchmarks.Problems;

/// <summary><see cref="Horner.Value"/> with 20 coefficients at x = 0.9.</summary>
public struct HornerProblem : IBenchmarkProblem<HornerProblem, double>
#if LOOPS
    , IHasGeneratedBackward<double>
#endif
{
    public const int Coefficients = 20;

    private readonly double _x = 0.9;
    private readonly double[] _c = Data.Uniform(12, Coefficients, -1, 1);
    private readonly double[] _cGrad = new double[Coefficients];
    private double _xGrad;
    private readonly double _seed = ICheckedProblem.ScalarSeed;

    public HornerProblem() { }

    public static HornerProblem Create() => new();

    public readonly string Name => "Horner, 20 coefficients";

    public readonly double Forward() => Horner.Value(_x, _c);

    public double HandWrittenBackward() => Horner.ValueBackwardByHand(_x, _c, _seed, ref _xGrad, _cGrad);

#if LOOPS
    public double GeneratedBackward() => Horner.ValueBackward(_x, _c, _seed, ref _xGrad, _cGrad);

    public BackwardResult? Generated()
    {
        ClearGradients();
        return Collect(GeneratedBackward());
    }
#else
    public readonly BackwardResult? Generated() => null;
#endif

    /// <summary>Differences over the packed parameters (x, c).</summary>
    public readonly double[] FiniteDifferences() =>
        FiniteDifference.Gradient(p => Horner.Value(p[0], p.AsSpan(1)), Data.Pack([_x], _c));

    public readonly double[] ForwardValues() => [Forward()];

    public BackwardResult HandWritten()
    {
        ClearGradients();
        return Collect(HandWrittenBackward());
    }

    private void ClearGradients()
    {
        Array.Clear(_cGrad);
        _xGrad = 0;
    }

    private readonly BackwardResult Collect(double value) => new([value], Data.Pack([_xGrad], _cGrad));
}
