using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Corpus.Natural;

/// <summary>A classifier's loss factored as an ML practitioner writes it: a softmax helper returning an array.</summary>
public static partial class HelpersClassifier
{
    /// <summary>The numerically stable softmax: shift by the largest logit, exponentiate, normalize.</summary>
    [Differentiable]
    public static double[] Softmax(ReadOnlySpan<double> z)
    {
        double max = z[0];
        for (int i = 1; i < z.Length; i++)
        {
            if (z[i] > max)
            {
                max = z[i];
            }
        }

        var p = new double[z.Length];
        double sum = 0;
        for (int i = 0; i < z.Length; i++)
        {
            p[i] = Math.Exp(z[i] - max);
            sum += p[i];
        }

        for (int i = 0; i < z.Length; i++)
        {
            p[i] /= sum;
        }

        return p;
    }

    /// <summary>Cross-entropy of the logits against the true class, as issue 10 wrote it.</summary>
    [Differentiable]
    public static double CrossEntropy(ReadOnlySpan<double> z, int label)
    {
        var p = Softmax(z);
        return -Math.Log(p[label]);
    }

    /// <summary>A linear classifier's loss on one sample: logits W x (W row-major, one row per class), then cross-entropy.</summary>
    [Differentiable]
    public static double SampleLoss(ReadOnlySpan<double> w, [NoGradient] ReadOnlySpan<double> x, int label)
    {
        int classes = w.Length / x.Length;
        var logits = new double[classes];
        for (int c = 0; c < classes; c++)
        {
            double s = 0;
            for (int j = 0; j < x.Length; j++)
            {
                s += w[c * x.Length + j] * x[j];
            }

            logits[c] = s;
        }

        var p = Softmax(logits);
        return -Math.Log(p[label]);
    }

    /// <summary>Softmax with a temperature: an array-returning method calling one.</summary>
    [Differentiable]
    public static double[] Tempered(ReadOnlySpan<double> z, double temperature)
    {
        var scaled = new double[z.Length];
        for (int i = 0; i < z.Length; i++)
        {
            scaled[i] = z[i] / temperature;
        }

        var p = Softmax(scaled);
        return p;
    }

    /// <summary>The expected value of the class index under the tempered softmax: Tempered's taped entry points run here.</summary>
    [Differentiable]
    public static double ExpectedClass(ReadOnlySpan<double> z, double temperature)
    {
        var p = Tempered(z, temperature);
        double mean = 0;
        for (int i = 0; i < p.Length; i++)
        {
            mean += i * p[i];
        }

        return mean;
    }
}
