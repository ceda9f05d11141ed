using System;
using System.Linq;
using SourceGen.Autodiff;

namespace NewtonSolver;

/// <summary>
/// Inverse kinematics by Newton's method: find joint angles that put the hand of a two-link arm
/// on a target, with the Jacobian from the generated <c>TwoLinkArm.HandJacobian</c>. Prints the
/// residual of every iteration (quadratic convergence: the exponent roughly doubles).
/// <c>--short</c> solves fewer targets.
/// </summary>
public static class Program
{
    private const double Tolerance = 1e-12;
    private const int MaxIterations = 30;

    public static int Main(string[] args)
    {
        bool quick = args.Contains("--short") || Environment.GetEnvironmentVariable("AUTODIFF_SAMPLE_SHORT") == "1";
        double[][] targets = quick
            ? [[1.2, 0.5], [-0.4, 1.1]]
            : [[1.2, 0.5], [-0.4, 1.1], [0.5, -0.9], [1.65, 0.1], [0.0, 0.4]];

        // The generated Jacobian against central finite differences, once, at a generic point.
        double[] probe = [0.3, 1.1];
        GradientCheck.AssertJacobian(TwoLinkArm.Hand, probe, TwoLinkArm.HandJacobian(probe));
        Console.WriteLine("Jacobian check: HandJacobian agrees with finite differences");

        int solved = 0;
        foreach (var target in targets)
        {
            Console.WriteLine($"target ({target[0]}, {target[1]}):");
            double[] angles = [0.5, 0.5];
            if (Solve(angles, target))
            {
                solved++;
            }
        }
        Console.WriteLine($"solved {solved} of {targets.Length} targets to |residual| < {Tolerance:E0}");
        return solved == targets.Length ? 0 : 1;
    }

    private static double Residual(double[] angles, double[] target)
    {
        double[] hand = TwoLinkArm.Hand(angles);
        return Math.Sqrt((hand[0] - target[0]) * (hand[0] - target[0]) + (hand[1] - target[1]) * (hand[1] - target[1]));
    }

    /// <summary>The same angle in [-π, π].</summary>
    private static double Wrap(double angle) => Math.Atan2(Math.Sin(angle), Math.Cos(angle));

    /// <summary>Newton's method on hand(θ) - target = 0; updates <paramref name="angles"/> in place.</summary>
    private static bool Solve(double[] angles, double[] target)
    {
        for (int iteration = 0; iteration <= MaxIterations; iteration++)
        {
            double[] hand = TwoLinkArm.Hand(angles);
            double rx = hand[0] - target[0];
            double ry = hand[1] - target[1];
            double norm = Math.Sqrt(rx * rx + ry * ry);
            Console.WriteLine($"  iteration {iteration,2}: θ = ({angles[0],9:F6}, {angles[1],9:F6}), |residual| = {norm:E2}");
            if (norm < Tolerance)
            {
                return true;
            }
            // Solve J·Δ = -r, J = [[a, b], [c, d]], by Cramer's rule.
            double[,] j = TwoLinkArm.HandJacobian(angles);
            double determinant = j[0, 0] * j[1, 1] - j[0, 1] * j[1, 0];
            if (Math.Abs(determinant) < 1e-12)
            {
                Console.WriteLine("  singular Jacobian (arm stretched out or folded): no Newton step");
                return false;
            }
            double step0 = (-rx * j[1, 1] + ry * j[0, 1]) / determinant;
            double step1 = (-ry * j[0, 0] + rx * j[1, 0]) / determinant;
            // Backtracking: halve the Newton step until the residual shrinks (far from the solution
            // a full step can overshoot); near it the full step is taken and convergence is quadratic.
            double scale = 1;
            while (scale > 1e-3 && Residual([angles[0] + scale * step0, angles[1] + scale * step1], target) >= norm)
            {
                scale /= 2;
            }
            angles[0] = Wrap(angles[0] + scale * step0);
            angles[1] = Wrap(angles[1] + scale * step1);
        }
        Console.WriteLine("  no convergence");
        return false;
    }
}
