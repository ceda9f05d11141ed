using System;

namespace SourceGen.Autodiff.Benchmarks.Functions.Loops;

/// <summary>
/// The mean logistic-regression loss (negative log-likelihood) of weights w and bias b over n
/// samples of d features: x is n×d row-major, y holds 0/1 labels; both are data.
/// </summary>
public static partial class LogisticRegression
{
#if LOOPS
    [Differentiable]
#endif
    public static double Loss(ReadOnlySpan<double> w, double b, [NoGradient] ReadOnlySpan<double> x, [NoGradient] ReadOnlySpan<double> y)
    {
        int d = w.Length;
        int n = y.Length;
        double loss = 0;
        for (int i = 0; i < n; i++)
        {
            double z = b;
            for (int j = 0; j < d; j++)
                z += w[j] * x[i * d + j];
            loss += Math.Log(1 + Math.Exp(z)) - y[i] * z;
        }
        return loss / n;
    }
}
