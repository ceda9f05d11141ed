using System;
using SourceGen.Autodiff;

namespace CurveFitting;

/// <summary>
/// Exponential decay with an offset, y = a·exp(-k·t) + c, observed with Gaussian noise of unknown
/// standard deviation σ. Parameters p = (a, k, c, log σ).
/// </summary>
public static partial class DecayModel
{
    /// <summary>
    /// The negative log-likelihood per observation, without the constant log √(2π). Per observation
    /// rather than summed, so that the gradient, and the minimizers' first steps, do not grow with n.
    /// </summary>
    [Differentiable]
    public static double NegativeLogLikelihood(ReadOnlySpan<double> p, [NoGradient] ReadOnlySpan<double> t, [NoGradient] ReadOnlySpan<double> y)
    {
        double a = p[0];
        double k = p[1];
        double c = p[2];
        double logSigma = p[3];
        double squares = 0;
        for (int i = 0; i < t.Length; i++)
        {
            double residual = a * Math.Exp(-k * t[i]) + c - y[i];
            squares += residual * residual;
        }
        return logSigma + 0.5 * squares * Math.Exp(-2 * logSigma) / t.Length;
    }

    public static double Predict(ReadOnlySpan<double> p, double t) => p[0] * Math.Exp(-p[1] * t) + p[2];
}
