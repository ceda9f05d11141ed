using SourceGen.Autodiff.Benchmarks.Functions;

namespace SourceGen.Autodiff.Benchmarks.Problems;

/// <summary><see cref="ScalarMath.Wave"/> at (a, b, c) = (0.7, −1.3, 0.4).</summary>
public struct ScalarMathProblem : IBenchmarkProblem<ScalarMathProblem, double>, IHasGeneratedBackward<double>
{
    private readonly double _a = 0.7, _b = -1.3, _c = 0.4, _seed = ICheckedProblem.ScalarSeed;
    private double _aGrad, _bGrad, _cGrad;

    public ScalarMathProblem() { }

    public static ScalarMathProblem Create() => new();

    public readonly string Name => "Scalar Math (3 -> 1)";

    public readonly double Forward() => ScalarMath.Wave(_a, _b, _c);

    public double GeneratedBackward() => ScalarMath.WaveBackward(_a, _b, _c, _seed, ref _aGrad, ref _bGrad, ref _cGrad);

    public double HandWrittenBackward() => ScalarMath.WaveBackwardByHand(_a, _b, _c, _seed, ref _aGrad, ref _bGrad, ref _cGrad);

    public readonly double[] FiniteDifferences() =>
        FiniteDifference.Gradient(v => ScalarMath.Wave(v[0], v[1], v[2]), [_a, _b, _c]);

    public readonly double[] ForwardValues() => [Forward()];

    public BackwardResult HandWritten()
    {
        _aGrad = _bGrad = _cGrad = 0;
        return new BackwardResult([HandWrittenBackward()], [_aGrad, _bGrad, _cGrad]);
    }

    public BackwardResult? Generated()
    {
        _aGrad = _bGrad = _cGrad = 0;
        return new BackwardResult([GeneratedBackward()], [_aGrad, _bGrad, _cGrad]);
    }
}
