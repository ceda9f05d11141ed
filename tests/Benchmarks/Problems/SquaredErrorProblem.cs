using SourceGen.Autodiff.Benchmarks.Functions;

namespace SourceGen.Autodiff.Benchmarks.Problems;

/// <summary><see cref="SquaredError.Loss"/> over n = 1000 elements.</summary>
public struct SquaredErrorProblem : IBenchmarkProblem<SquaredErrorProblem, double>, IHasGeneratedBackward<double>
{
    public const int N = 1000;

    private readonly Tensor _x = Tensor.From(Data.Uniform(1, N, -1, 1));
    private readonly Tensor _t = Tensor.From(Data.Uniform(2, N, -1, 1));
    private readonly Tensor _xGrad = Tensor.Zeros(N);
    private readonly double _seed = ICheckedProblem.ScalarSeed;

    public SquaredErrorProblem() { }

    public static SquaredErrorProblem Create() => new();

    public readonly string Name => "Squared error, tensor n=1000";

    public readonly double Forward() => SquaredError.Loss(_x, _t);

    public readonly double GeneratedBackward() => SquaredError.LossBackward(_x, _t, _seed, _xGrad);

    public readonly double HandWrittenBackward() => SquaredError.LossBackwardByHand(_x, _t, _seed, _xGrad);

    public readonly double[] FiniteDifferences()
    {
        Tensor t = _t;
        return FiniteDifference.Gradient(v => SquaredError.Loss(Tensor.From(v), t), _x.ToArray());
    }

    public readonly double[] ForwardValues() => [Forward()];

    public readonly BackwardResult HandWritten()
    {
        _xGrad.Clear();
        return new BackwardResult([HandWrittenBackward()], _xGrad.ToArray());
    }

    public readonly BackwardResult? Generated()
    {
        _xGrad.Clear();
        return new BackwardResult([GeneratedBackward()], _xGrad.ToArray());
    }
}
