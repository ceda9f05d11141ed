using System;
using System.Collections.Generic;

namespace SourceGen.Autodiff.EndToEnd.Tests.Corpus.Natural;

// Idioms of numeric C#: a local naming a row of jagged data, a leapfrog integrator, a tuple
// recurrence, a settings record and a list as data, an argmax, helpers calling helpers (cosine
// similarity over Dot and Norm2), a trapezoid rule over a helper, Gram-Schmidt, an RK4 step into
// a Span. Tests: NaturalIdiomTests.

public sealed record Settings(double Rate, int Steps);

public static partial class Idioms
{
    [Differentiable]
    public static double RowDot(double[] w, [NoGradient] double[][] X)
    {
        double total = 0;
        for (int i = 0; i < X.Length; i++)
        {
            var row = X[i];
            double z = 0;
            for (int j = 0; j < row.Length; j++) z += w[j] * row[j];
            total += Math.Tanh(z);
        }
        return total;
    }

    [Differentiable]
    public static double Leapfrog(double q0, double p0, double k, int steps)
    {
        double q = q0, p = p0, dt = 0.1;
        for (int s = 0; s < steps; s++)
        {
            p -= 0.5 * dt * k * q;
            q += dt * p;
            p -= 0.5 * dt * k * q;
        }
        return 0.5 * p * p + 0.5 * k * q * q;
    }

    [Differentiable]
    public static double Recurrence(double a, double b, int n)
    {
        for (int i = 0; i < n; i++)
            (a, b) = (b, a + 0.5 * b);
        return a * b;
    }

    [Differentiable]
    public static double WithSettings(double x, [NoGradient] Settings settings)
    {
        double y = x;
        var rate = settings.Rate;
        for (int i = 0; i < settings.Steps; i++) y = y - rate * Math.Sin(y);
        return y;
    }

    [Differentiable]
    public static double ListSum(double x, [NoGradient] IReadOnlyList<double> weights)
    {
        double s = 0;
        foreach (var w in weights) s += w * Math.Exp(-w * x);
        return s;
    }

    [Differentiable]
    public static double MaxPool(double[] x)
    {
        double best = x[0];
        int arg = 0;
        for (int i = 1; i < x.Length; i++)
        {
            if (x[i] > best) { best = x[i]; arg = i; }
        }
        return best * (arg + 1);
    }

    [Differentiable]
    public static double Norm2(double[] v) => Math.Sqrt(Dot(v, v));

    [Differentiable]
    public static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    [Differentiable]
    public static double CosineSimilarity(double[] a, double[] b) => Dot(a, b) / (Norm2(a) * Norm2(b));

    [Differentiable]
    public static double Softplus(double x) => x > 20 ? x : Math.Log(1 + Math.Exp(x));

    [Differentiable]
    public static double LogSumExp(ReadOnlySpan<double> x)
    {
        double m = double.MinValue;
        foreach (var v in x) m = Math.Max(m, v);
        double s = 0;
        foreach (var v in x) s += Math.Exp(v - m);
        return m + Math.Log(s);
    }

    [Differentiable]
    public static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));

    [Differentiable]
    public static double Mse(double[] w, [NoGradient] double[] xs, [NoGradient] double[] ys)
    {
        double loss = 0;
        for (int i = 0; i < xs.Length; i++)
        {
            double pred = Sigmoid(w[0] * xs[i] + w[1]);
            double diff = pred - ys[i];
            loss += diff * diff;
        }
        return loss / xs.Length;
    }

    [Differentiable]
    public static double Trapezoid(double a, double b, int n)
    {
        double h = (b - a) / n;
        double sum = 0.5 * (F(a) + F(b));
        for (int i = 1; i < n; i++) sum += F(a + i * h);
        return sum * h;
    }

    [Differentiable]
    public static double F(double t) => Math.Exp(-t * t);

    [Differentiable]
    public static double GramSchmidtNorm(double[] u, double[] v)
    {
        double uu = 0, uv = 0;
        for (int i = 0; i < u.Length; i++) { uu += u[i] * u[i]; uv += u[i] * v[i]; }
        double proj = uv / uu;
        double norm = 0;
        for (int i = 0; i < u.Length; i++)
        {
            double w = v[i] - proj * u[i];
            norm += w * w;
        }
        return norm;
    }

    [Differentiable]
    public static void Rk4Step(ReadOnlySpan<double> y, double t, double h, Span<double> next)
    {
        double k1 = -y[0] * t, k2 = -(y[0] + 0.5 * h * k1) * (t + 0.5 * h);
        double k3 = -(y[0] + 0.5 * h * k2) * (t + 0.5 * h), k4 = -(y[0] + h * k3) * (t + h);
        next[0] = y[0] + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
    }
}

public static partial class Checked
{
    /// <summary>A scaled norm whose arguments are checked the modern way.</summary>
    [Differentiable]
    public static double ScaledNorm(double[] x, [NoGradient] Settings settings, string unit)
    {
        _ = settings ?? throw new ArgumentNullException(nameof(settings));
        var label = unit ?? throw new ArgumentNullException(nameof(unit));
        double s = 0;
        foreach (var v in x) s += v * v;
        return settings.Rate * Math.Sqrt(s) + label.Length;
    }
}
