using System;
using SourceGen.Autodiff.Benchmarks.Functions.Programs;

namespace SourceGen.Autodiff.Benchmarks.Problems;

/// <summary><see cref="Pendulum.FinalMiss"/>: RK4 over 200 steps of 0.05, gradient in (k, c, θ₀, ω₀).</summary>
public struct PendulumProblem : IBenchmarkProblem<PendulumProblem, double>
#if LOOPS
    , IHasGeneratedBackward<double>
#endif
{
    public const int Steps = 200;
    private const double Dt = 0.05;
    private const double Target = 0.2;

    private readonly double[] _p = [4.0, 0.3, 1.0, 0.0];
    private readonly double[] _trajectory = new double[2 * Steps];
    private double _kGrad, _cGrad, _theta0Grad, _omega0Grad;
    private readonly double _seed = ICheckedProblem.ScalarSeed;

    public PendulumProblem() { }

    public static PendulumProblem Create() => new();

    public readonly string Name => "RK4 pendulum, 200 steps";

    public readonly double Forward() => Pendulum.FinalMiss(_p[0], _p[1], _p[2], _p[3], Dt, Steps, Target);

    public double HandWrittenBackward() => Pendulum.FinalMissBackwardByHand(_p[0], _p[1], _p[2], _p[3], Dt, Steps, Target, _trajectory, _seed,
        ref _kGrad, ref _cGrad, ref _theta0Grad, ref _omega0Grad);

#if LOOPS
    public double GeneratedBackward() => Pendulum.FinalMissBackward(_p[0], _p[1], _p[2], _p[3], Dt, Steps, Target, _seed,
        ref _kGrad, ref _cGrad, ref _theta0Grad, ref _omega0Grad);

    public BackwardResult? Generated()
    {
        ClearGradients();
        return Collect(GeneratedBackward());
    }
#else
    public readonly BackwardResult? Generated() => null;
#endif

    public readonly double[] FiniteDifferences() =>
        FiniteDifference.Gradient(p => Pendulum.FinalMiss(p[0], p[1], p[2], p[3], Dt, Steps, Target), (double[])_p.Clone());

    public readonly double[] ForwardValues() => [Forward()];

    public BackwardResult HandWritten()
    {
        ClearGradients();
        return Collect(HandWrittenBackward());
    }

    private void ClearGradients() => (_kGrad, _cGrad, _theta0Grad, _omega0Grad) = (0, 0, 0, 0);

    private readonly BackwardResult Collect(double value) => new([value], [_kGrad, _cGrad, _theta0Grad, _omega0Grad]);
}
