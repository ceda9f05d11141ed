using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Corpus;

/// <summary>
/// <c>ref</c> locals as people write them: aliases of a local, a parameter, an element of an
/// array, span output or local array. A read or write through the ref is a read or write of the
/// location it names; an element is the one chosen when the ref was bound.
/// </summary>
public static partial class RefLocalCorpus
{
    /// <summary>Doubles y through a ref to it (once gave gradient 1 and value x: the ref was a copy).</summary>
    [Differentiable]
    public static double Doubled(double x)
    {
        double y = x;
        ref double r = ref y;
        r *= 2;
        return y;
    }

    /// <summary>Writes a span output through a ref to each element.</summary>
    [Differentiable]
    public static void Square(ReadOnlySpan<double> x, Span<double> y)
    {
        for (int i = 0; i < x.Length; i++)
        {
            ref double yi = ref y[i];
            yi = x[i] * x[i];
        }
    }

    /// <summary>Updates a local array's element through a ref, then reads the array.</summary>
    [Differentiable]
    public static double Bump(double[] x)
    {
        var a = new double[2];
        a[0] = x[0];
        a[1] = x[1];
        ref double r = ref a[0];
        r = r * r + a[1];
        return a[0];
    }

    /// <summary>The index moves on after the ref is bound: the ref keeps naming acc[old k].</summary>
    [Differentiable]
    public static double IndexMovesOn(ReadOnlySpan<double> x)
    {
        var acc = new double[x.Length];
        int k = 0;
        double total = 0;
        for (int i = 0; i < x.Length; i++)
        {
            ref double slot = ref acc[k];
            k++;
            slot += x[i] * (k < x.Length ? x[k] : 1);
            slot *= slot;
            total += acc[i];
        }

        return total;
    }

    /// <summary>A ref to a scalar parameter writes the parameter.</summary>
    [Differentiable]
    public static double ThroughParameter(double x, double c)
    {
        ref double r = ref x;
        r = r * c + Math.Sin(r);
        return x * x;
    }

    /// <summary>ref readonly to input elements in a loop, a ref to a ref, and a ref rebound where it was declared.</summary>
    [Differentiable]
    public static double ReadOnlyAndRebound(ReadOnlySpan<double> x)
    {
        double s = 0;
        double t = 1;
        ref double target = ref s;
        ref double same = ref target;
        for (int i = 0; i < x.Length; i++)
        {
            ref readonly double xi = ref x[i];
            same += xi * xi;
        }

        target = ref t;
        target *= s;
        same -= x[0];
        return s + 3 * t;
    }

    /// <summary>foreach (ref var v in y): each element of the output, written through the iteration variable.</summary>
    [Differentiable]
    public static void ForEachRef(ReadOnlySpan<double> x, Span<double> y)
    {
        int i = 0;
        foreach (ref double v in y)
        {
            v = x[i] * x[(i + 1) % x.Length];
            i++;
        }
    }

    /// <summary>A recurrent update through a ref to a hidden-state cell (scratch array written in a loop).</summary>
    [Differentiable]
    public static double HiddenState(ReadOnlySpan<double> x)
    {
        var h = new double[3];
        for (int t = 0; t < x.Length; t++)
        {
            for (int j = 0; j < h.Length; j++)
            {
                ref double cell = ref h[j];
                cell = Math.Tanh(0.5 * cell + x[t] * (j + 1));
            }
        }

        return h[0] + 2 * h[1] - h[2];
    }

    /// <summary>Calls a method whose body uses a ref local: its taped entry points alias too.</summary>
    [Differentiable]
    public static double CallsDoubled(double x) => Doubled(x) * x + Doubled(Math.Cos(x));
}
