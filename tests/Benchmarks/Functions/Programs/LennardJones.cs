using System;

namespace SourceGen.Autodiff.Benchmarks.Functions.Programs;

/// <summary>
/// The Lennard-Jones energy of a cluster of atoms (ε = σ = 1), positions packed as
/// [x₀, y₀, z₀, x₁, …]: Σ over pairs i &lt; j of 4(r⁻¹² − r⁻⁶).
/// </summary>
public static partial class LennardJones
{
#if LOOPS
    [Differentiable]
#endif
    public static double Energy(ReadOnlySpan<double> positions)
    {
        int n = positions.Length / 3;
        double energy = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                double dx = positions[3 * i] - positions[3 * j];
                double dy = positions[3 * i + 1] - positions[3 * j + 1];
                double dz = positions[3 * i + 2] - positions[3 * j + 2];
                double r2 = dx * dx + dy * dy + dz * dz;
                double inv6 = 1 / (r2 * r2 * r2);
                energy += 4 * (inv6 * inv6 - inv6);
            }
        }
        return energy;
    }
}
