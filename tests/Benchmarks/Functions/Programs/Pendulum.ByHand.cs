using System;

namespace SourceGen.Autodiff.Benchmarks.Functions.Programs;

public static partial class Pendulum
{
    /// <summary>
    /// The discrete adjoint of the RK4 integration, written by hand: the forward sweep keeps the
    /// state (θ, ω) before every step in the caller's <paramref name="trajectory"/> (2 doubles a
    /// step, what a person keeps), the reverse sweep recomputes each step's stages from it and
    /// runs them backwards. Stage j: θ-slope kjt = ω + aⱼ·dt·k(j−1)w, ω-slope
    /// kjw = −k sin(θ + aⱼ·dt·k(j−1)t) − c·kjt, with a = (0, ½, ½, 1).
    /// </summary>
    public static double FinalMissBackwardByHand(double k, double c, double theta0, double omega0, double dt, int steps, double target,
        Span<double> trajectory, double seed, ref double kGrad, ref double cGrad, ref double theta0Grad, ref double omega0Grad)
    {
        double theta = theta0, omega = omega0;
        for (int s = 0; s < steps; s++)
        {
            trajectory[2 * s] = theta;
            trajectory[2 * s + 1] = omega;
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
        double result = miss * miss + omega * omega;

        double thetaBar = 2 * miss * seed, omegaBar = 2 * omega * seed;
        double kBar = 0, cBar = 0;
        for (int s = steps - 1; s >= 0; s--)
        {
            double th = trajectory[2 * s], om = trajectory[2 * s + 1];
            double k1t = om;
            double a1 = th;
            double s1 = Math.Sin(a1);
            double k1w = -k * s1 - c * k1t;
            double k2t = om + 0.5 * dt * k1w;
            double a2 = th + 0.5 * dt * k1t;
            double s2 = Math.Sin(a2);
            double k2w = -k * s2 - c * k2t;
            double k3t = om + 0.5 * dt * k2w;
            double a3 = th + 0.5 * dt * k2t;
            double s3 = Math.Sin(a3);
            double k3w = -k * s3 - c * k3t;
            double k4t = om + dt * k3w;
            double a4 = th + dt * k3t;
            double s4 = Math.Sin(a4);

            // theta' = theta + dt/6 (k1t + 2k2t + 2k3t + k4t); omega' likewise with the w slopes.
            double h = dt / 6;
            double k1tBar = h * thetaBar, k2tBar = 2 * h * thetaBar, k3tBar = 2 * h * thetaBar, k4tBar = h * thetaBar;
            double k1wBar = h * omegaBar, k2wBar = 2 * h * omegaBar, k3wBar = 2 * h * omegaBar, k4wBar = h * omegaBar;
            double thBar = thetaBar, omBar = omegaBar;

            // k4w = -k sin(a4) - c k4t, a4 = th + dt k3t; k4t = om + dt k3w.
            kBar -= s4 * k4wBar;
            cBar -= k4t * k4wBar;
            k4tBar -= c * k4wBar;
            double a4Bar = -k * Math.Cos(a4) * k4wBar;
            thBar += a4Bar;
            k3tBar += dt * a4Bar;
            omBar += k4tBar;
            k3wBar += dt * k4tBar;

            // k3w = -k sin(a3) - c k3t, a3 = th + dt/2 k2t; k3t = om + dt/2 k2w.
            kBar -= s3 * k3wBar;
            cBar -= k3t * k3wBar;
            k3tBar -= c * k3wBar;
            double a3Bar = -k * Math.Cos(a3) * k3wBar;
            thBar += a3Bar;
            k2tBar += 0.5 * dt * a3Bar;
            omBar += k3tBar;
            k2wBar += 0.5 * dt * k3tBar;

            // k2w = -k sin(a2) - c k2t, a2 = th + dt/2 k1t; k2t = om + dt/2 k1w.
            kBar -= s2 * k2wBar;
            cBar -= k2t * k2wBar;
            k2tBar -= c * k2wBar;
            double a2Bar = -k * Math.Cos(a2) * k2wBar;
            thBar += a2Bar;
            k1tBar += 0.5 * dt * a2Bar;
            omBar += k2tBar;
            k1wBar += 0.5 * dt * k2tBar;

            // k1w = -k sin(th) - c k1t; k1t = om.
            kBar -= s1 * k1wBar;
            cBar -= k1t * k1wBar;
            k1tBar -= c * k1wBar;
            thBar -= k * Math.Cos(a1) * k1wBar;
            omBar += k1tBar;

            thetaBar = thBar;
            omegaBar = omBar;
        }
        kGrad += kBar;
        cGrad += cBar;
        theta0Grad += thetaBar;
        omega0Grad += omegaBar;
        return result;
    }
}
