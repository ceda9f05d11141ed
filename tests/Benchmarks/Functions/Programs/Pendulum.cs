using System;

namespace SourceGen.Autodiff.Benchmarks.Functions.Programs;

/// <summary>
/// A damped pendulum θ'' = −k sin θ − c θ' integrated with classical RK4 over a number of steps:
/// the squared distance of the final state (θ, ω) from a target, as a parameter-fitting loss.
/// </summary>
public static partial class Pendulum
{
#if LOOPS
    [Differentiable]
#endif
    public static double FinalMiss(double k, double c, double theta0, double omega0, [NoGradient] double dt, int steps, [NoGradient] double target)
    {
        double theta = theta0;
        double omega = omega0;
        for (int s = 0; s < steps; s++)
        {
            double k1t = omega;
            double k1w = -k * Math.Sin(theta) - c * omega;
            double k2t = omega + 0.5 * dt * k1w;
            double k2w = -k * Math.Sin(theta + 0.5 * dt * k1t) - c * k2t;
            double k3t = omega + 0.5 * dt * k2w;
            double k3w = -k * Math.Sin(theta + 0.5 * dt * k2t) - c * k3t;
            double k4t = omega + dt * k3w;
            double k4w = -k * Math.Sin(theta + dt * k3t) - c * k4t;
            theta += dt / 6 * (k1t + 2 * k2t + 2 * k3t + k4t);
            omega += dt / 6 * (k1w + 2 * k2w + 2 * k3w + k4w);
        }
        double miss = theta - target;
        return miss * miss + omega * omega;
    }
}
