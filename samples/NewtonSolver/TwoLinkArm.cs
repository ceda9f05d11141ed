using System;
using SourceGen.Autodiff;

namespace NewtonSolver;

/// <summary>
/// A planar arm of two links (lengths 1 and 0.7) with joint angles θ₁ (at the shoulder, from the
/// x axis) and θ₂ (at the elbow, relative to the first link).
/// </summary>
public static partial class TwoLinkArm
{
    public const double UpperLength = 1.0;
    public const double LowerLength = 0.7;

    /// <summary>Where the hand is: (x, y) for angles (θ₁, θ₂). Its generated Jacobian drives Newton's method.</summary>
    [Differentiable]
    public static double[] Hand(double[] angles)
    {
        var position = new double[2];
        position[0] = UpperLength * Math.Cos(angles[0]) + LowerLength * Math.Cos(angles[0] + angles[1]);
        position[1] = UpperLength * Math.Sin(angles[0]) + LowerLength * Math.Sin(angles[0] + angles[1]);
        return position;
    }
}
