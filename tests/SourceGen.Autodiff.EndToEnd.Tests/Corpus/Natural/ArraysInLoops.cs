using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Corpus.Natural;

/// <summary>
/// Arrays as practitioners allocate and pass them around, written the natural way first: a
/// scratch array per step, two buffers swapped, a state replaced by the next one, an array
/// created in a branch. Checked in NaturalArraysTests against central finite differences.
/// </summary>
public static partial class ArraysInLoops
{
    /// <summary>A tiny recurrent net: a fresh hidden state every step, then h = h2.</summary>
    [Differentiable]
    public static double Rnn(double[] w, double[] x0, int steps)
    {
        int n = x0.Length;
        var h = new double[n];
        for (int i = 0; i < n; i++) h[i] = x0[i];
        for (int s = 0; s < steps; s++)
        {
            var h2 = new double[n];
            for (int i = 0; i < n; i++) h2[i] = Math.Tanh(w[i] * h[(i + 1) % n]);
            h = h2;
        }
        double t = 0;
        for (int i = 0; i < n; i++) t += h[i];
        return t;
    }

    /// <summary>Explicit heat equation on a rod with fixed ends: two buffers, swapped each step.</summary>
    [Differentiable]
    public static double HeatEnergy(double[] u0, double alpha, int steps)
    {
        int n = u0.Length;
        var u = new double[n];
        var next = new double[n];
        for (int i = 0; i < n; i++)
        {
            u[i] = u0[i];
        }

        for (int s = 0; s < steps; s++)
        {
            next[0] = u[0];
            next[n - 1] = u[n - 1];
            for (int i = 1; i < n - 1; i++)
            {
                next[i] = u[i] + alpha * (u[i - 1] - 2 * u[i] + u[i + 1]);
            }

            (u, next) = (next, u);
        }

        double energy = 0;
        foreach (var v in u)
        {
            energy += v * v;
        }

        return energy;
    }

    /// <summary>The same stepper returning the profile, swapping through a temporary.</summary>
    [Differentiable]
    public static double[] HeatProfile(double[] u0, double alpha, int steps)
    {
        int n = u0.Length;
        var current = new double[n];
        var next = new double[n];
        for (int i = 0; i < n; i++)
        {
            current[i] = u0[i];
        }

        for (int s = 0; s < steps; s++)
        {
            for (int i = 0; i < n; i++)
            {
                double left = i > 0 ? current[i - 1] : 0;
                double right = i < n - 1 ? current[i + 1] : 0;
                next[i] = current[i] + alpha * (left - 2 * current[i] + right);
            }

            var tmp = current;
            current = next;
            next = tmp;
        }

        return current;
    }

    /// <summary>A damped oscillator integrated with the midpoint rule, allocating its stages every step.</summary>
    [Differentiable]
    public static double[] Oscillator(double[] state0, double k, double c, int steps)
    {
        const double dt = 0.05;
        var y = new double[2];
        y[0] = state0[0];
        y[1] = state0[1];
        for (int s = 0; s < steps; s++)
        {
            var k1 = new double[2];
            k1[0] = y[1];
            k1[1] = -k * y[0] - c * y[1];
            var mid = new double[2];
            for (int i = 0; i < 2; i++)
            {
                mid[i] = y[i] + 0.5 * dt * k1[i];
            }

            var k2 = new[] { mid[1], -k * mid[0] - c * mid[1] };
            var yNext = new double[2];
            for (int i = 0; i < 2; i++)
            {
                yNext[i] = y[i] + dt * k2[i];
            }

            y = yNext;
        }

        return y;
    }

    /// <summary>A state replaced by the next one, whose buffer is then created anew.</summary>
    [Differentiable]
    public static double Relax(double[] x, double rate, int sweeps)
    {
        int n = x.Length;
        var h = new double[n];
        var hNext = new double[n];
        for (int i = 0; i < n; i++)
        {
            h[i] = x[i];
        }

        for (int s = 0; s < sweeps; s++)
        {
            for (int i = 0; i < n; i++)
            {
                hNext[i] = h[i] - rate * Math.Sin(h[i]) * h[(i + n - 1) % n];
            }

            h = hNext;
            hNext = new double[n];
        }

        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += h[i] * h[i];
        }

        return sum;
    }

    /// <summary>The norm of x, centered first when asked: the array is created in a branch.</summary>
    [Differentiable]
    public static double Norm(double[] x, bool center)
    {
        int n = x.Length;
        double[] v;
        if (center)
        {
            double mean = 0;
            for (int i = 0; i < n; i++)
            {
                mean += x[i];
            }

            mean /= n;
            v = new double[n];
            for (int i = 0; i < n; i++)
            {
                v[i] = x[i] - mean;
            }
        }
        else
        {
            v = new double[n];
            for (int i = 0; i < n; i++)
            {
                v[i] = x[i];
            }
        }

        double s = 0;
        for (int i = 0; i < n; i++)
        {
            s += v[i] * v[i];
        }

        return Math.Sqrt(s);
    }

    /// <summary>A caller: the recurrent net through its taped entry points.</summary>
    [Differentiable]
    public static double RnnLoss(double[] w, double[] x0, double target)
    {
        double y = Rnn(w, x0, 3);
        return (y - target) * (y - target);
    }
}
