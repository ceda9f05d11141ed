using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Corpus.Natural;

/// <summary>A small network written with a layer helper that writes its activations into a Span.</summary>
public static partial class HelpersLayers
{
    /// <summary>y = tanh(W x + b), W row-major with one row per output.</summary>
    [Differentiable]
    public static void Dense(ReadOnlySpan<double> w, ReadOnlySpan<double> b, ReadOnlySpan<double> x, Span<double> y)
    {
        for (int i = 0; i < y.Length; i++)
        {
            double s = b[i];
            for (int j = 0; j < x.Length; j++)
            {
                s += w[i * x.Length + j] * x[j];
            }

            y[i] = Math.Tanh(s);
        }
    }

    /// <summary>Two layers (3 → 2 → 1) and a squared error against a target.</summary>
    [Differentiable]
    public static double TwoLayerLoss(ReadOnlySpan<double> w1, ReadOnlySpan<double> b1, ReadOnlySpan<double> w2, ReadOnlySpan<double> b2,
        [NoGradient] ReadOnlySpan<double> x, [NoGradient] double target)
    {
        var hidden = new double[b1.Length];
        Dense(w1, b1, x, hidden);
        var output = new double[b2.Length];
        Dense(w2, b2, hidden, output);
        double loss = 0;
        for (int i = 0; i < output.Length; i++)
        {
            double d = output[i] - target;
            loss += d * d;
        }

        return loss;
    }
}
