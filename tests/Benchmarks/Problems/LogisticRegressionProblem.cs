using System;
using SourceGen.Autodiff.Benchmarks.Functions.Loops;

namespace SourceGen.Autodiff.Benchmarks.Problems;

/// <summary><see cref="LogisticRegression.Loss"/> over n = 1000 samples of d = 10 features.</summary>
public struct LogisticRegressionProblem : IBenchmarkProblem<LogisticRegressionProblem, double>
#if LOOPS
    , IHasGeneratedBackward<double>
#endif
{
    public const int Samples = 1000;
    public const int Features = 10;

    private readonly double[] _w = Data.Uniform(4, Features, -0.5, 0.5);
    private readonly double _b = 0.1;
    private readonly double[] _x = Data.Uniform(5, Samples * Features, -1, 1);
    private readonly double[] _y = Data.Labels(6, Samples);
    private readonly double[] _wGrad = new double[Features];
    private double _bGrad;
    private readonly double _seed = ICheckedProblem.ScalarSeed;

    public LogisticRegressionProblem() { }

    public static LogisticRegressionProblem Create() => new();

    public readonly string Name => "Logistic regression n=1000 d=10";

    public readonly double Forward() => LogisticRegression.Loss(_w, _b, _x, _y);

    public double HandWrittenBackward() => LogisticRegression.LossBackwardByHand(_w, _b, _x, _y, _seed, _wGrad, ref _bGrad);

#if LOOPS
    public double GeneratedBackward() => LogisticRegression.LossBackward(_w, _b, _x, _y, _seed, _wGrad, ref _bGrad);

    public BackwardResult? Generated()
    {
        ClearGradients();
        return Collect(GeneratedBackward());
    }
#else
    public readonly BackwardResult? Generated() => null;
#endif

    /// <summary>Differences over the packed parameters (w, b).</summary>
    public readonly double[] FiniteDifferences()
    {
        double[] x = _x, y = _y;
        return FiniteDifference.Gradient(p => LogisticRegression.Loss(p.AsSpan(0, Features), p[Features], x, y), Data.Pack(_w, [_b]));
    }

    public readonly double[] ForwardValues() => [Forward()];

    public BackwardResult HandWritten()
    {
        ClearGradients();
        return Collect(HandWrittenBackward());
    }

    private void ClearGradients()
    {
        Array.Clear(_wGrad);
        _bGrad = 0;
    }

    private readonly BackwardResult Collect(double value) => new([value], Data.Pack(_wGrad, [_bGrad]));
}
