using System;
using static SourceGen.Autodiff.EndToEnd.Tests.Harness.Vectors;

namespace SourceGen.Autodiff.EndToEnd.Tests.Cases;

/// <summary>
/// Hand-derived gradients of the <see cref="Corpus.ControlFlowEdgeCorpus"/> methods: the same
/// control flow run by hand in forward mode (a value and its gradient vector side by side), so
/// the taken path decides, as in the method.
/// </summary>
public static class ControlFlowEdgeGradients
{
    /// <summary>y₀ = x, four times y ← sin y + x/2: dy ← cos(y)·dy + ½.</summary>
    public static double SineHalfIterationTangent(double x)
    {
        double y = x, dy = 1;
        for (int k = 0; k < 4; k++)
        {
            dy = Math.Cos(y) * dy + 0.5;
            y = Math.Sin(y) + 0.5 * x;
        }

        return dy;
    }

    /// <summary>m ← max(m, xᵢ), s += m·xᵢ, with m's gradient the unit vector of the current maximum.</summary>
    public static double[] RunningMaxGradient(double[] x)
    {
        int n = x.Length;
        int argMax = 0;
        var g = new double[n];
        for (int i = 1; i < n; i++)
        {
            if (x[i] > x[argMax])
                argMax = i;
            g[argMax] += x[i];
            g[i] += x[argMax];
        }

        return g;
    }

    /// <summary>s ← xᵢ &gt; 0 ? s·xᵢ : s + xᵢ from 1.</summary>
    public static double[] CarriedConditionalGradient(double[] x)
    {
        int n = x.Length;
        double s = 1;
        var ds = new double[n];
        for (int i = 0; i < n; i++)
        {
            if (x[i] > 0)
            {
                ds = Combine(x[i], ds, s, Unit(n, i));
                s *= x[i];
            }
            else
            {
                ds = Combine(1, ds, 1, Unit(n, i));
                s += x[i];
            }
        }

        return ds;
    }

    /// <summary>(a, b) ← (b, a + b·xᵢ) from (1, 1); result a·b.</summary>
    public static double[] CarriedPairGradient(double[] x)
    {
        int n = x.Length;
        double a = 1, b = 1;
        var da = new double[n];
        var db = new double[n];
        for (int i = 0; i < n; i++)
        {
            double[] newDb = Combine(1, da, x[i], db);
            newDb[i] += b;
            (a, b) = (b, a + b * x[i]);
            (da, db) = (db, newDb);
        }

        return Combine(b, da, a, db);
    }

    /// <summary>p₀ = x₀, pᵢ = pᵢ₋₁·xᵢ + 1; result pₙ₋₁·pₙ₋₂.</summary>
    public static double[] LocalArrayRecurrenceGradient(double[] x)
    {
        int n = x.Length;
        double previous = 0, p = x[0];
        double[] dPrevious = new double[n], dp = Unit(n, 0);
        for (int i = 1; i < n; i++)
        {
            double[] next = Scale(dp, x[i]);
            next[i] += p;
            (previous, p) = (p, p * x[i] + 1);
            (dPrevious, dp) = (dp, next);
        }

        return Combine(previous, dp, p, dPrevious);
    }

    /// <summary>yᵢ = (xᵢ + 1)² - [i &gt; 0]·yᵢ₋₁·xᵢ: Σᵢ sᵢ ∂yᵢ/∂x.</summary>
    public static double[] OutputRewrittenVjp(double[] x, double[] s)
    {
        int n = x.Length;
        double y = 0;
        double[] dy = new double[n];
        var vjp = new double[n];
        for (int i = 0; i < n; i++)
        {
            double yi = (x[i] + 1) * (x[i] + 1);
            double[] dyi = Scale(Unit(n, i), 2 * (x[i] + 1));
            if (i > 0)
            {
                dyi = Combine(1, dyi, -x[i], dy);
                dyi[i] -= y;
                yi -= y * x[i];
            }

            (y, dy) = (yi, dyi);
            vjp = Combine(1, vjp, s[i], dy);
        }

        return vjp;
    }

    /// <summary>yᵢⱼ = xᵢxⱼ + δᵢⱼ e^xᵢ over n x n, row-major seed.</summary>
    public static double[] TensorAccumulateVjp(double[] x, double[] s)
    {
        int n = x.Length;
        var g = new double[n];
        for (int k = 0; k < n; k++)
        {
            for (int j = 0; j < n; j++)
            {
                g[k] += s[k * n + j] * x[j] + s[j * n + k] * x[j];
            }

            g[k] += s[k * n + k] * Math.Exp(x[k]);
        }

        return g;
    }

    /// <summary>Σ over (a, b) with a ≤ b of a·b, over all ordered pairs of elements (each with itself too).</summary>
    public static double[] OrderedPairsGradient(double[] x)
    {
        int n = x.Length;
        var g = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (x[i] <= x[j])
                {
                    g[i] += x[j];
                    g[j] += x[i];
                }
            }
        }

        return g;
    }
}
