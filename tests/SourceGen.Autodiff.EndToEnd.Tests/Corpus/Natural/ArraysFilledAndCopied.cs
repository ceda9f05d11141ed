using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Corpus.Natural;

/// <summary>Buffers reused with Clear, started with Fill, and saved with CopyTo, as simulation and training loops do.</summary>
public static partial class ArraysFilledAndCopied
{
    /// <summary>A small network's loss over a batch, one hidden buffer cleared for every sample.</summary>
    [Differentiable]
    public static double BatchLoss(double[] w1, double[] w2, [NoGradient] double[] xs, int dim)
    {
        int hidden = w2.Length;
        var h = new double[hidden];
        double loss = 0;
        for (int s = 0; s < xs.Length / dim; s++)
        {
            Array.Clear(h);
            for (int j = 0; j < hidden; j++)
            {
                for (int i = 0; i < dim; i++)
                {
                    h[j] += w1[j * dim + i] * xs[s * dim + i];
                }
            }

            double y = 0;
            for (int j = 0; j < hidden; j++)
            {
                y += w2[j] * Math.Tanh(h[j]);
            }

            loss += (y - 1) * (y - 1);
        }

        return loss;
    }

    /// <summary>Logistic growth of cohorts that all start at the same size.</summary>
    [Differentiable]
    public static double[] Cohorts(double start, double[] rates, int years)
    {
        var population = new double[rates.Length];
        population.AsSpan().Fill(start);
        for (int y = 0; y < years; y++)
        {
            for (int i = 0; i < population.Length; i++)
            {
                population[i] += rates[i] * population[i] * (1 - population[i]);
            }
        }

        return population;
    }

    /// <summary>Störmer-Verlet for x'' = -x³, keeping the previous positions with CopyTo.</summary>
    [Differentiable]
    public static double VerletEnergy(double[] x0, double[] v0, double dt, int steps)
    {
        int n = x0.Length;
        var x = new double[n];
        var prev = new double[n];
        var next = new double[n];
        x0.CopyTo(x, 0);
        for (int i = 0; i < n; i++)
        {
            prev[i] = x0[i] - dt * v0[i];
        }

        for (int s = 0; s < steps; s++)
        {
            for (int i = 0; i < n; i++)
            {
                next[i] = 2 * x[i] - prev[i] - dt * dt * x[i] * x[i] * x[i];
            }

            x.CopyTo(prev, 0);
            next.CopyTo(x.AsSpan());
        }

        double energy = 0;
        for (int i = 0; i < n; i++)
        {
            energy += x[i] * x[i];
        }

        return energy;
    }

    /// <summary>The same start with Array.Fill and Array.Copy: a window of the input into the middle of a padded buffer.</summary>
    [Differentiable]
    public static double PaddedSmooth(double[] x, double pad)
    {
        var padded = new double[x.Length + 2];
        Array.Fill(padded, pad);
        Array.Copy(x, 0, padded, 1, x.Length);
        double s = 0;
        for (int i = 1; i < padded.Length - 1; i++)
        {
            double smooth = (padded[i - 1] + padded[i] + padded[i + 1]) / 3;
            s += smooth * smooth;
        }

        return s;
    }
}
