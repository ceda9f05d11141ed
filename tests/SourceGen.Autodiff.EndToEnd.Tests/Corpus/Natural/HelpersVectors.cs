using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Corpus.Natural;

/// <summary>BLAS-style helpers as numeric code uses them: y += a·x into a buffer, calls in branches and loops.</summary>
public static partial class HelpersVectors
{
    /// <summary>y += a·x (axpy): reads the output it writes.</summary>
    [Differentiable]
    public static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        for (int i = 0; i < y.Length; i++)
        {
            y[i] += a * x[i];
        }
    }

    /// <summary>A linear combination built up with axpy, then a nonlinear readout.</summary>
    [Differentiable]
    public static double Combination(ReadOnlySpan<double> u, ReadOnlySpan<double> v, double a, double b)
    {
        var y = new double[u.Length];
        y[0] = 1;
        Axpy(a, u, y);
        Axpy(b, v, y);
        double s = 0;
        for (int i = 0; i < y.Length; i++)
        {
            s += Math.Sin(y[i]) * y[i];
        }

        return s;
    }

    /// <summary>Explicit Euler steps of dx/dt = -k·x, written into this method's own output each step.</summary>
    [Differentiable]
    public static void Decay(ReadOnlySpan<double> x0, double k, int steps, Span<double> x)
    {
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = x0[i];
        }

        var rate = new double[x.Length];
        for (int n = 0; n < steps; n++)
        {
            for (int i = 0; i < x.Length; i++)
            {
                rate[i] = -k * x[i] * x[i];
            }

            Axpy(0.1, rate, x);
        }
    }

    /// <summary>The helper on one side of a branch on an active value.</summary>
    [Differentiable]
    public static double Branchy(ReadOnlySpan<double> u, double a)
    {
        var y = new double[u.Length];
        if (a > 0)
        {
            Axpy(a, u, y);
        }
        else
        {
            Axpy(a * a, u, y);
        }

        return y[0] * y[1];
    }
}

/// <summary>A helper that resets a buffer to constants, called on a buffer that held active values.</summary>
public static partial class HelpersReset
{
    // Constant by design (DIFF012 says so); [Differentiable] so that differentiable code may call it.
#pragma warning disable DIFF012
    [Differentiable]
    public static void Ramp(int n, Span<double> y)
#pragma warning restore DIFF012
    {
        for (int i = 0; i < n; i++)
        {
            y[i] = i;
        }
    }

    /// <summary>The first two elements are overwritten by constants: only the third keeps x's gradient.</summary>
    [Differentiable]
    public static double AfterReset(ReadOnlySpan<double> x)
    {
        var y = new double[3];
        for (int i = 0; i < 3; i++)
        {
            y[i] = x[i] * x[i];
        }

        Ramp(2, y);
        return y[0] + y[1] * y[2] + y[2];
    }
}
