using System;

namespace SourceGen.Autodiff.Benchmarks.Functions.Programs;

public static partial class LennardJones
{
    /// <summary>
    /// The forces, by hand: with u = r⁻⁶, dE/d(r²) = 4(−6u²/r² + 3u/r²) = −(24u² − 12u)/r², and
    /// d(r²)/dxᵢ = 2dx, so each pair adds g·dx to atom i's gradient and −g·dx to atom j's, with
    /// g = −2(24u² − 12u)/r² · seed.
    /// </summary>
    public static double EnergyBackwardByHand(ReadOnlySpan<double> positions, double seed, Span<double> positionsGrad)
    {
        Shapes.RequireLength(positionsGrad.Length, positions.Length, nameof(positionsGrad), nameof(positions));
        int n = positions.Length / 3;
        double energy = 0;
        for (int i = 0; i < n; i++)
        {
            double xi = positions[3 * i], yi = positions[3 * i + 1], zi = positions[3 * i + 2];
            double gxi = 0, gyi = 0, gzi = 0;
            for (int j = i + 1; j < n; j++)
            {
                double dx = xi - positions[3 * j];
                double dy = yi - positions[3 * j + 1];
                double dz = zi - positions[3 * j + 2];
                double r2 = dx * dx + dy * dy + dz * dz;
                double inv2 = 1 / r2;
                double inv6 = inv2 * inv2 * inv2;
                energy += 4 * (inv6 * inv6 - inv6);
                double g = -2 * (24 * inv6 * inv6 - 12 * inv6) * inv2 * seed;
                gxi += g * dx;
                gyi += g * dy;
                gzi += g * dz;
                positionsGrad[3 * j] -= g * dx;
                positionsGrad[3 * j + 1] -= g * dy;
                positionsGrad[3 * j + 2] -= g * dz;
            }
            positionsGrad[3 * i] += gxi;
            positionsGrad[3 * i + 1] += gyi;
            positionsGrad[3 * i + 2] += gzi;
        }
        return energy;
    }
}
