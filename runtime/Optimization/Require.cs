using System;

namespace SourceGen.Autodiff.Optimization;

/// <summary>The argument checks that the optimizers and schedules share.</summary>
internal static class Require
{
    /// <summary>Throws unless <paramref name="value"/> is finite and non-negative (NaN fails).</summary>
    public static void NonNegative(double value, string name)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and non-negative.");
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and positive (NaN fails).</summary>
    public static void Positive(double value, string name)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and positive.");
        }
    }
}
