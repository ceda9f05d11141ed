using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Corpus.Natural;

// Everyday numeric C# as it is written: a switch statement on an enum with a throwing default,
// Kahan summation, two indices in one for, clamped logs, float models, Math.Pow for squares,
// an interpolation table guarded by double.IsNaN, a Newton iteration that breaks when converged,
// bilinear interpolation on a 2-D grid. Tests: NaturalEverydayTests.

public enum Kernel { Gaussian, Laplace }

public static partial class Everyday
{
    private static readonly double Sqrt2Pi = Math.Sqrt(2 * Math.PI);

    [Differentiable]
    public static double KernelDensity(double bandwidth, [NoGradient] double[] samples, double x, Kernel kernel)
    {
        double sum = 0;
        foreach (var s in samples)
        {
            double u = (x - s) / bandwidth;
            switch (kernel)
            {
                case Kernel.Gaussian:
                    sum += Math.Exp(-0.5 * u * u) / Sqrt2Pi;
                    break;
                case Kernel.Laplace:
                    sum += 0.5 * Math.Exp(-Math.Abs(u));
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(kernel));
            }
        }
        return sum / (samples.Length * bandwidth);
    }

    [Differentiable]
    public static double KahanSum(double[] x)
    {
        double sum = 0, c = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double y = x[i] * x[i] - c;
            double t = sum + y;
            c = (t - sum) - y;
            sum = t;
        }
        return sum;
    }

    [Differentiable]
    public static double Palindrome(double[] x)
    {
        double s = 0;
        for (int i = 0, j = x.Length - 1; i < j; i++, j--)
            s += x[i] * x[j];
        return s;
    }

    [Differentiable]
    public static double BinaryCrossEntropy(ReadOnlySpan<double> p, ReadOnlySpan<double> y)
    {
        double loss = 0;
        for (int i = 0; i < p.Length; i++)
        {
            double q = Math.Clamp(p[i], 1e-12, 1 - 1e-12);
            loss -= y[i] * Math.Log(q) + (1 - y[i]) * Math.Log(1 - q);
        }
        return loss / p.Length;
    }

    [Differentiable]
    public static float Smooth(float x, float k)
    {
        float a = MathF.Exp(k * x);
        return MathF.Log(1 + a) / k;
    }

    [Differentiable]
    public static double Rosen(double[] x)
    {
        double f = 0;
        for (int i = 0; i < x.Length - 1; i += 1)
            f += 100 * Math.Pow(x[i + 1] - x[i] * x[i], 2) + Math.Pow(1 - x[i], 2);
        return f;
    }

    [Differentiable]
    public static double Lerp(double[] table, double x)
    {
        if (double.IsNaN(x)) throw new ArgumentException("x is NaN");
        int n = table.Length;
        double pos = Math.Clamp(x, 0, 1) * (n - 1);
        int i = (int)Math.Floor(pos);
        if (i >= n - 1) i = n - 2;
        double frac = pos - i;
        return table[i] * (1 - frac) + table[i + 1] * frac;
    }

    [Differentiable]
    public static double Stepwise(double x, int mode)
    {
        double y;
        switch (mode)
        {
            case 0: y = x * x; break;
            case 1: y = Math.Sin(x); break;
            default: y = x; break;
        }
        return y * 2;
    }

    [Differentiable]
    public static double Polyline(double[] xs, double[] ys)
    {
        double length = 0;
        for (int i = 1; i < xs.Length; i++)
        {
            var dx = xs[i] - xs[i - 1];
            var dy = ys[i] - ys[i - 1];
            length += Math.Sqrt(dx * dx + dy * dy);
        }
        return length;
    }

    [Differentiable]
    public static double Variance(double[] x)
    {
        double mean = 0;
        foreach (var v in x) mean += v;
        mean /= x.Length;
        double var2 = 0;
        foreach (var v in x) var2 += (v - mean) * (v - mean);
        return var2 / (x.Length - 1);
    }

    [Differentiable]
    public static double Huber(double[] r, double delta)
    {
        double total = 0;
        for (int i = 0; i < r.Length; i++)
        {
            double a = Math.Abs(r[i]);
            total += a <= delta ? 0.5 * r[i] * r[i] : delta * (a - 0.5 * delta);
        }
        return total;
    }

    [Differentiable]
    public static double Cubic(double x)
    {
        var result = 0.0;
        var coefficients = new[] { 1.0, -2.0, 0.5, 3.0 };
        for (var i = coefficients.Length - 1; i >= 0; i--)
            result = result * x + coefficients[i];
        return result;
    }

    [Differentiable]
    public static double NewtonSqrt(double a)
    {
        double x = a;
        for (int it = 0; it < 20; it++)
        {
            double next = 0.5 * (x + a / x);
            if (Math.Abs(next - x) < 1e-14) break;
            x = next;
        }
        return x;
    }

    [Differentiable]
    public static double Bilinear([NoGradient] double[,] grid, double u, double v)
    {
        int i = (int)u, j = (int)v;
        double fu = u - i, fv = v - j;
        return grid[i, j] * (1 - fu) * (1 - fv) + grid[i + 1, j] * fu * (1 - fv) + grid[i, j + 1] * (1 - fu) * fv + grid[i + 1, j + 1] * fu * fv;
    }
}
