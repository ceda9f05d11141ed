using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Corpus.Natural;

/// <summary>
/// Planar kinematics written the way a robotics programmer factors it: one helper that rotates a
/// point into a caller's buffer, called as a statement from chains, loops and other helpers.
/// </summary>
public static partial class HelpersKinematics
{
    /// <summary>Rotates (and scales) p by r = (cos θ, sin θ) read as a complex number: result = r·p.</summary>
    [Differentiable]
    public static void Rotate(ReadOnlySpan<double> r, ReadOnlySpan<double> p, Span<double> result)
    {
        result[0] = r[0] * p[0] - r[1] * p[1];
        result[1] = r[1] * p[0] + r[0] * p[1];
    }

    /// <summary>The helper writing into a local array, as issue 10 first wrote it.</summary>
    [Differentiable]
    public static double Loss(double[] r, double[] p)
    {
        var q = new double[2];
        Rotate(r, p, q);
        return q[0] * q[0] + q[1];
    }

    /// <summary>The helper in a loop, writing the same local each time.</summary>
    [Differentiable]
    public static double RepeatedSum(double[] r, double[] p, int times)
    {
        var q = new double[2];
        double acc = 0;
        for (int i = 0; i < times; i++)
        {
            Rotate(r, p, q);
            acc += q[0] * q[1];
        }

        return acc;
    }

    /// <summary>A point carried around an orbit: each step rotates the previous one, read nonlinearly.</summary>
    [Differentiable]
    public static double Orbit(ReadOnlySpan<double> r, ReadOnlySpan<double> start, int steps)
    {
        var current = new double[2];
        var next = new double[2];
        current[0] = start[0];
        current[1] = start[1];
        double energy = 0;
        for (int k = 0; k < steps; k++)
        {
            Rotate(r, current, next);
            current[0] = next[0];
            current[1] = next[1];
            energy += next[0] * next[0] - 0.5 * next[1] * next[0];
        }

        return energy;
    }

    /// <summary>The same rotation applied twice, into this method's own output.</summary>
    [Differentiable]
    public static void RotateTwice(ReadOnlySpan<double> r, ReadOnlySpan<double> p, Span<double> tip)
    {
        var middle = new double[2];
        Rotate(r, p, middle);
        Rotate(r, middle, tip);
    }

    /// <summary>A caller of a caller: RotateTwice's own taped entry points run here.</summary>
    [Differentiable]
    public static double TipDistance(ReadOnlySpan<double> r, ReadOnlySpan<double> p)
    {
        var tip = new double[2];
        RotateTwice(r, p, tip);
        return Math.Sqrt(tip[0] * tip[0] + tip[1] * tip[1]);
    }

    /// <summary>
    /// A planar arm: each joint turns the heading by its angle, each link moves the tip along
    /// the heading; the squared distance from the tip to a target.
    /// </summary>
    [Differentiable]
    public static double ReachError(ReadOnlySpan<double> angles, [NoGradient] ReadOnlySpan<double> lengths, [NoGradient] ReadOnlySpan<double> target)
    {
        var heading = new double[2];
        var turned = new double[2];
        var joint = new double[2];
        heading[0] = 1;
        double x = 0, y = 0;
        for (int i = 0; i < angles.Length; i++)
        {
            joint[0] = Math.Cos(angles[i]);
            joint[1] = Math.Sin(angles[i]);
            Rotate(joint, heading, turned);
            heading[0] = turned[0];
            heading[1] = turned[1];
            x += lengths[i] * heading[0];
            y += lengths[i] * heading[1];
        }

        double dx = x - target[0], dy = y - target[1];
        return dx * dx + dy * dy;
    }
}
