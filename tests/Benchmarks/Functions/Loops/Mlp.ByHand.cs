using System;

namespace SourceGen.Autodiff.Benchmarks.Functions.Loops;

public static partial class Mlp
{
    /// <summary>Hidden layers up to this width keep their activations on the stack.</summary>
    private const int StackHidden = 64;

    /// <summary>
    /// Backpropagation by hand, one sample at a time: the forward pass keeps the sample's
    /// hidden activations h (a fixed-size stackalloc), then ∂loss/∂o = 2e/batch flows to w2, b2,
    /// through tanh' = 1 − h² to b1 and w1. No allocation for up to 64 hidden units.
    /// </summary>
    public static double LossBackwardByHand(ReadOnlySpan<double> w1, ReadOnlySpan<double> b1, ReadOnlySpan<double> w2, double b2,
                                            ReadOnlySpan<double> x, ReadOnlySpan<double> y, double seed,
                                            Span<double> w1Grad, Span<double> b1Grad, Span<double> w2Grad, ref double b2Grad)
    {
        Shapes.RequireLength(w1Grad.Length, w1.Length, nameof(w1Grad), nameof(w1));
        Shapes.RequireLength(b1Grad.Length, b1.Length, nameof(b1Grad), nameof(b1));
        Shapes.RequireLength(w2Grad.Length, w2.Length, nameof(w2Grad), nameof(w2));
        int hidden = b1.Length;
        int inputs = w1.Length / hidden;
        int batch = y.Length;
        Span<double> h = hidden <= StackHidden ? stackalloc double[StackHidden] : new double[hidden];
        h = h[..hidden];
        double scale = 2 * seed / batch;
        double loss = 0, b2Bar = 0;
        for (int s = 0; s < batch; s++)
        {
            ReadOnlySpan<double> xs = x.Slice(s * inputs, inputs);
            double o = b2;
            for (int j = 0; j < hidden; j++)
            {
                ReadOnlySpan<double> row = w1.Slice(j * inputs, inputs);
                double a = b1[j];
                for (int k = 0; k < inputs; k++)
                    a += row[k] * xs[k];
                h[j] = Math.Tanh(a);
                o += w2[j] * h[j];
            }
            double e = o - y[s];
            loss += e * e;

            double oBar = e * scale;
            b2Bar += oBar;
            for (int j = 0; j < hidden; j++)
            {
                w2Grad[j] += oBar * h[j];
                double aBar = oBar * w2[j] * (1 - h[j] * h[j]);
                b1Grad[j] += aBar;
                Span<double> rowGrad = w1Grad.Slice(j * inputs, inputs);
                for (int k = 0; k < inputs; k++)
                    rowGrad[k] += aBar * xs[k];
            }
        }
        b2Grad += b2Bar;
        return loss / batch;
    }
}
