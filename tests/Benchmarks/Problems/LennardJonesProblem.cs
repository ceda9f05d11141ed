using System;
using SourceGen.Autodiff.Benchmarks.Functions.Programs;

namespace SourceGen.Autodiff.Benchmarks.Problems;

/// <summary><see cref="LennardJones.Energy"/> of 32 atoms: a 4 × 4 × 2 lattice of spacing 1.12, each atom moved by up to ±0.1.</summary>
public struct LennardJonesProblem : IBenchmarkProblem<LennardJonesProblem, double>
#if LOOPS
    , IHasGeneratedBackward<double>
#endif
{
    public const int Atoms = 32;

    private readonly double[] _positions = Lattice();
    private readonly double[] _positionsGrad = new double[3 * Atoms];
    private readonly double _seed = ICheckedProblem.ScalarSeed;

    public LennardJonesProblem() { }

    public static LennardJonesProblem Create() => new();

    public readonly string Name => "Lennard-Jones, 32 atoms";

    public readonly double Forward() => LennardJones.Energy(_positions);

    public readonly double HandWrittenBackward() => LennardJones.EnergyBackwardByHand(_positions, _seed, _positionsGrad);

#if LOOPS
    public readonly double GeneratedBackward() => LennardJones.EnergyBackward(_positions, _seed, _positionsGrad);

    public readonly BackwardResult? Generated()
    {
        Array.Clear(_positionsGrad);
        return Collect(GeneratedBackward());
    }
#else
    public readonly BackwardResult? Generated() => null;
#endif

    public readonly double[] FiniteDifferences() => FiniteDifference.Gradient(p => LennardJones.Energy(p), (double[])_positions.Clone());

    public readonly double[] ForwardValues() => [Forward()];

    public readonly BackwardResult HandWritten()
    {
        Array.Clear(_positionsGrad);
        return Collect(HandWrittenBackward());
    }

    private readonly BackwardResult Collect(double value) => new([value], (double[])_positionsGrad.Clone());

    private static double[] Lattice()
    {
        var noise = Data.Uniform(21, 3 * Atoms, -0.1, 0.1);
        var positions = new double[3 * Atoms];
        for (int a = 0; a < Atoms; a++)
        {
            positions[3 * a] = 1.12 * (a % 4) + noise[3 * a];
            positions[3 * a + 1] = 1.12 * (a / 4 % 4) + noise[3 * a + 1];
            positions[3 * a + 2] = 1.12 * (a / 16) + noise[3 * a + 2];
        }
        return positions;
    }
}
