using System;

namespace SourceGen.Autodiff.Benchmarks.Functions.Loops;

/// <summary>
/// The mean squared error of a 1-hidden-layer tanh network, inputs → hidden → 1: hidden unit j
/// is tanh(b1ⱼ + Σₖ w1[j·inputs + k]·xₖ), the output b2 + Σⱼ w2ⱼ·hⱼ. x (batch×inputs, row-major)
/// and y (batch) are data; the sizes come from the lengths.
/// </summary>
public static partial class Mlp
{
#if LOOPS
    [Differentiable]
#endif
    public static double Loss(ReadOnlySpan<double> w1, ReadOnlySpan<double> b1, ReadOnlySpan<double> w2, double b2,
                              [NoGradient] ReadOnlySpan<double> x, [NoGradient] ReadOnlySpan<double> y)
    {
        int hidden = b1.Length;
        int inputs = w1.Length / hidden;
        int batch = y.Length;
        double loss = 0;
        for (int s = 0; s < batch; s++)
        {
            double o = b2;
            for (int j = 0; j < hidden; j++)
            {
                double a = b1[j];
                for (int k = 0; k < inputs; k++)
                    a += w1[j * inputs + k] * x[s * inputs + k];
                o += w2[j] * Math.Tanh(a);
            }
            double e = o - y[s];
            loss += e * e;
        }
        return loss / batch;
    }
}
