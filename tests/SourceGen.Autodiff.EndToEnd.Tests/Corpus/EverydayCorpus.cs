using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Corpus;

/// <summary>
/// Everyday C# as it is written: switch expressions and relational patterns on values,
/// constants (local and field) and static readonly tables read as data.
/// </summary>
public static partial class EverydayCorpus
{
    private const double Epsilon = 1e-3;
    private static readonly double[] Weights = [0.5, 1.5, -2, 0.25];

    /// <summary>Huber loss, written with a switch expression on the residual.</summary>
    [Differentiable]
    public static double Huber(double r, double delta) => r switch
    {
        < -1 => delta * (-r - 0.5 * delta),
        > 1 => delta * (r - 0.5 * delta),
        _ => 0.5 * r * r,
    };

    /// <summary>A smooth step: 0 below 0, 3t² - 2t³ inside, 1 above, with an 'is' pattern.</summary>
    [Differentiable]
    public static double SmoothStep(double t)
    {
        if (t is > 0 and < 1)
        {
            return t * t * (3 - 2 * t);
        }
        return t <= 0 ? 0 : 1;
    }

    /// <summary>A weighted sum of squares with a table of weights and local constants.</summary>
    [Differentiable]
    public static double WeightedSquares(double[] x)
    {
        const double scale = 0.5;
        const int stride = 1;
        double sum = 0;
        for (int i = 0; i < x.Length; i += stride)
        {
            sum += Weights[i] * x[i] * x[i];
        }
        return scale * sum + Epsilon * x[0];
    }

    /// <summary>A dot product that validates its arguments first.</summary>
    [Differentiable]
    public static double CheckedDot(double[] x, double[] y)
    {
        if (x.Length != y.Length)
            throw new ArgumentException($"x has {x.Length} elements but y has {y.Length}", nameof(y));
        if (x.Length == 0)
        {
            throw new ArgumentException("x is empty", nameof(x));
        }
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sum += x[i] * y[i] * y[i];
        }
        return sum;
    }

    /// <summary>A power by repeated multiplication, validated with the BCL's throw helpers.</summary>
    [Differentiable]
    public static double ScaledPower(double x, int n, string unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentException.ThrowIfNullOrEmpty(unit);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 12);
        double y = 1;
        for (int i = 0; i < n; i++)
        {
            y *= x;
        }
        return y / n;
    }

    /// <summary>A straight-line method with a throw helper: the check runs, the rest is SSA.</summary>
    [Differentiable]
    public static double Logit(double p, int clampDigits)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clampDigits);
        return Math.Log(p / (1 - p));
    }

    /// <summary>A damped iteration run n times, counted down in the loop's condition.</summary>
    [Differentiable]
    public static double Relax(double x, double rate, int n)
    {
        double y = x;
        while (n-- > 0)
        {
            y = y - rate * Math.Sin(y) + 0.1 * x;
        }
        return y;
    }

    /// <summary>Counting up in the condition, with a skipped iteration (continue re-runs the condition).</summary>
    [Differentiable]
    public static double SkipSecond(double x, int n)
    {
        double y = 1;
        int i = 0;
        while (i++ < n)
        {
            if (i == 2)
                continue;
            y = y * x + i;
        }
        return y;
    }
}
