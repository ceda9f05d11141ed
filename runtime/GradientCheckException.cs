using System;

namespace SourceGen.Autodiff;

/// <summary>Thrown by <see cref="GradientCheck"/> assertions when analytic and numeric derivatives disagree.</summary>
public sealed class GradientCheckException : Exception
{
    /// <summary>Creates the exception from a failed comparison.</summary>
    /// <param name="result">The comparison; its text becomes the message.</param>
    public GradientCheckException(GradientCheckResult result)
        : base((result ?? throw new ArgumentNullException(nameof(result))).ToString())
    {
        Result = result;
    }

    /// <summary>The comparison that failed, with the worst index and both values.</summary>
    public GradientCheckResult Result { get; }
}
