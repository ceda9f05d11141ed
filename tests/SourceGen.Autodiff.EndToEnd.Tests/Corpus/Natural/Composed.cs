using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Corpus.Natural;

// Helpers composed the way library code is: a Normalize into a Span used twice, attention over a
// Softmax returning an array, a path through a tuple-returning Polar with a tuple carry, a
// diffusion stepper swapping buffers and summing with an extension method of its own.
// Tests: NaturalComposedTests.

public static partial class Composed
{
    [Differentiable]
    public static void Normalize(ReadOnlySpan<double> v, Span<double> result)
    {
        double n = 0;
        for (int i = 0; i < v.Length; i++) n += v[i] * v[i];
        n = Math.Sqrt(n);
        for (int i = 0; i < v.Length; i++) result[i] = v[i] / n;
    }

    [Differentiable]
    public static double Alignment(double[] a, double[] b)
    {
        var na = new double[a.Length];
        var nb = new double[b.Length];
        Normalize(a, na);
        Normalize(b, nb);
        double dot = 0;
        for (int i = 0; i < a.Length; i++) dot += na[i] * nb[i];
        return dot;
    }

    [Differentiable]
    public static double[] Softmax(ReadOnlySpan<double> z)
    {
        double max = double.NegativeInfinity;
        foreach (var v in z) max = Math.Max(max, v);
        var e = new double[z.Length];
        double s = 0;
        for (int i = 0; i < z.Length; i++) { e[i] = Math.Exp(z[i] - max); s += e[i]; }
        for (int i = 0; i < z.Length; i++) e[i] /= s;
        return e;
    }

    [Differentiable]
    public static double Attention(double[] q, double[] k, double[] v)
    {
        int n = v.Length;
        var scores = new double[n];
        for (int i = 0; i < n; i++) scores[i] = q[0] * k[i] / Math.Sqrt(q.Length);
        var w = Softmax(scores);
        double outv = 0;
        for (int i = 0; i < n; i++) outv += w[i] * v[i];
        return outv;
    }

    [Differentiable]
    public static (double x, double y) Polar(double r, double theta) => (r * Math.Cos(theta), r * Math.Sin(theta));

    [Differentiable]
    public static double PathLength(double[] radii, double[] angles)
    {
        double total = 0;
        var (px, py) = Polar(radii[0], angles[0]);
        for (int i = 1; i < radii.Length; i++)
        {
            var (x, y) = Polar(radii[i], angles[i]);
            total += Math.Sqrt((x - px) * (x - px) + (y - py) * (y - py));
            (px, py) = (x, y);
        }
        return total;
    }

    [Differentiable]
    public static double Diffuse(double[] u0, double alpha, int steps)
    {
        int n = u0.Length;
        var u = new double[n];
        var next = new double[n];
        Array.Copy(u0, u, n);
        for (int s = 0; s < steps; s++)
        {
            for (int i = 1; i < n - 1; i++)
                next[i] = u[i] + alpha * (u[i - 1] - 2 * u[i] + u[i + 1]);
            next[0] = u[0]; next[n - 1] = u[n - 1];
            (u, next) = (next, u);
        }
        return u.Sum2();
    }
}

public static partial class ComposedExtensions { [Differentiable] public static double Sum2(this double[] x) { double s = 0; foreach (var v in x) s += v; return s; } }
