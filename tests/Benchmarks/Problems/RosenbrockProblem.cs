using System;
using SourceGen.Autodiff.Benchmarks.Functions.Loops;

namespace SourceGen.Autodiff.Benchmarks.Problems;

/// <summary><see cref="Rosenbrock.Value"/> in n = 1000 dimensions, x uniform in [−1.5, 1.5].</summary>
public struct RosenbrockProblem : IBenchmarkProblem<RosenbrockProblem, double>
#if LOOPS
    , IHasGeneratedBackward<double>
#endif
{
    public const int N = 1000;

    private readonly double[] _x = Data.Uniform(3, N, -1.5, 1.5);
    private readonly double[] _xGrad = new double[N];
    private readonly double _seed = ICheckedProblem.ScalarSeed;

    public RosenbrockProblem() { }

    public static RosenbrockProblem Create() => new();

    public readonly string Name => "Rosenbrock n=1000";

    // f is about 1e5 here, so central differences carry rounding errors near 1e-16·|f|/1e-6 = 1e-5.
    public readonly double AbsoluteTolerance => 1e-4;

    public readonly double Forward() => Rosenbrock.Value(_x);

    public readonly double HandWrittenBackward() => Rosenbrock.ValueBackwardByHand(_x, _seed, _xGrad);

#if LOOPS
    public readonly double GeneratedBackward() => Rosenbrock.ValueBackward(_x, _seed, _xGrad);

    public readonly BackwardResult? Generated()
    {
        Array.Clear(_xGrad);
        return Collect(GeneratedBackward());
    }
#else
    public readonly BackwardResult? Generated() => null;
#endif

    public readonly double[] FiniteDifferences() => FiniteDifference.Gradient(v => Rosenbrock.Value(v), _x);

    public readonly double[] ForwardValues() => [Forward()];

    public readonly BackwardResult HandWritten()
    {
        Array.Clear(_xGrad);
        return Collect(HandWrittenBackward());
    }

    private readonly BackwardResult Collect(double value) => new([value], (double[])_xGrad.Clone());
}
