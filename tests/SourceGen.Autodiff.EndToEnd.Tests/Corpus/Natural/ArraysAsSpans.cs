using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Corpus.Natural;

/// <summary>Small vectors kept in Span&lt;double&gt; locals, as geometry and physics code keeps them.</summary>
public static partial class ArraysAsSpans
{
    /// <summary>The magnitude of the torque r × F, the cross product in a stackalloc'd 3-vector.</summary>
    [Differentiable]
    public static double TorqueMagnitude(double[] r, double[] f)
    {
        Span<double> t = stackalloc double[3];
        t[0] = r[1] * f[2] - r[2] * f[1];
        t[1] = r[2] * f[0] - r[0] * f[2];
        t[2] = r[0] * f[1] - r[1] * f[0];
        double s = 0;
        for (int i = 0; i < t.Length; i++)
        {
            s += t[i] * t[i];
        }

        return Math.Sqrt(s);
    }

    /// <summary>The length of a polyline through xyz points, each segment in a Span over a fresh array.</summary>
    [Differentiable]
    public static double PathLength(double[] points)
    {
        double total = 0;
        for (int p = 0; p + 1 < points.Length / 3; p++)
        {
            Span<double> d = new double[3];
            for (int k = 0; k < 3; k++)
            {
                d[k] = points[3 * (p + 1) + k] - points[3 * p + k];
            }

            total += Math.Sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
        }

        return total;
    }
}
