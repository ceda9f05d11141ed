using System;
using System.Linq;

namespace SourceGen.Autodiff.EndToEnd.Tests.Corpus.Natural;

/// <summary>Windows on arrays and spans: AsSpan, Slice, ranges and copies, as signal and finance code takes them.</summary>
public static partial class ArraysSliced
{
    /// <summary>A moving average of width k: one window per output, summed with foreach.</summary>
    [Differentiable]
    public static double[] MovingAverage(double[] x, int k)
    {
        var y = new double[x.Length - k + 1];
        for (int i = 0; i < y.Length; i++)
        {
            double sum = 0;
            foreach (var v in x.AsSpan(i, k))
            {
                sum += v;
            }

            y[i] = sum / k;
        }

        return y;
    }

    /// <summary>The trapezoid rule with the inner samples taken as a range.</summary>
    [Differentiable]
    public static double Trapezoid(ReadOnlySpan<double> y, double h)
    {
        double inner = 0;
        foreach (var v in y[1..^1])
        {
            inner += v;
        }

        return h * (0.5 * y[0] + inner + 0.5 * y[^1]);
    }

    /// <summary>Log returns of a price series: today's window against yesterday's, both slices.</summary>
    [Differentiable]
    public static double SumOfSquaredLogReturns(ReadOnlySpan<double> prices)
    {
        ReadOnlySpan<double> today = prices.Slice(1);
        ReadOnlySpan<double> yesterday = prices[..^1];
        double s = 0;
        for (int i = 0; i < today.Length; i++)
        {
            double r = Math.Log(today[i] / yesterday[i]);
            s += r * r;
        }

        return s;
    }

    /// <summary>A weighted tail: the last n values of an array copied with a range, then only read.</summary>
    [Differentiable]
    public static double WeightedTail(double[] x, int n)
    {
        var tail = x[^n..];
        double s = 0;
        for (int i = 0; i < tail.Length; i++)
        {
            s += (i + 1) * tail[i] * tail[i];
        }

        return s / tail.Length;
    }

    /// <summary>A copy that is then changed in place: ToArray() gives the method its own array.</summary>
    [Differentiable]
    public static double CumulativeMax(double[] x)
    {
        var running = x.ToArray();
        for (int i = 1; i < running.Length; i++)
        {
            running[i] = Math.Max(running[i], running[i - 1]) + 0.1 * running[i - 1];
        }

        return running[^1];
    }

    /// <summary>A buffer written through windows: the head and the tail of one array.</summary>
    [Differentiable]
    public static double HeadAndTail(double[] a, double[] b)
    {
        var buffer = new double[6];
        Span<double> head = buffer.AsSpan(0, 3);
        Span<double> tail = buffer.AsSpan(3);
        for (int i = 0; i < 3; i++)
        {
            head[i] = a[i] * b[i];
            tail[i] = a[i] + b[i];
        }

        double s = 0;
        foreach (var v in buffer)
        {
            s += v * v;
        }

        return s + buffer.AsSpan(2, 2)[1];
    }
}
