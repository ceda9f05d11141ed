using System;
using System.Collections.Generic;

namespace SourceGen.Autodiff.EndToEnd.Tests.Corpus;

/// <summary>How a softmax classifier's loss is reduced over the batch.</summary>
public enum Reduction
{
    Sum,
    Mean,
}

/// <summary>Settings a model reads: data, not differentiated.</summary>
public sealed record TrainingSettings(double L2, int Classes, string Name);

/// <summary>
/// Methods with parameters of any type they only read (int[] labels, a double[,] of normals,
/// IReadOnlyList&lt;double&gt;, a record of settings, an enum, a string), written as their authors
/// would: data, passed through to the generated members, never differentiated.
/// </summary>
public static partial class DataCorpus
{
    /// <summary>Multinomial logistic loss: scores[i, c] = w[c] * x[i]; labels pick the target class.</summary>
    [Differentiable]
    public static double LabelledLoss(double[] w, int[] labels, [NoGradient] double[] x, [NoGradient] TrainingSettings settings, Reduction reduction)
    {
        double loss = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            double norm = 0;
            for (int c = 0; c < settings.Classes; c++)
            {
                norm += Math.Exp(w[c] * x[i]);
            }
            loss += Math.Log(norm) - w[labels[i]] * x[i];
        }
        for (int c = 0; c < settings.Classes; c++)
        {
            loss += settings.L2 * w[c] * w[c];
        }
        if (reduction == Reduction.Mean)
        {
            loss /= labels.Length;
        }
        return loss;
    }

    /// <summary>Signed distances of points to planes given by unit normals (rows of a matrix).</summary>
    [Differentiable]
    public static double PlaneDistances(double[] p, [NoGradient] double[,] normals, [NoGradient] IReadOnlyList<double> offsets)
    {
        double sum = 0;
        for (int i = 0; i < offsets.Count; i++)
        {
            double d = normals[i, 0] * p[0] + normals[i, 1] * p[1] + normals[i, 2] * p[2] - offsets[i];
            sum += d * d;
        }
        return sum;
    }

    /// <summary>A string and a list as data in straight-line code.</summary>
    [Differentiable]
    public static double Tagged(double x, string tag, List<int> counts) => x * x * tag.Length + counts[0] * x;

    /// <summary>A helper that reads the labels too, called with the caller's data.</summary>
    [Differentiable]
    public static double TargetScore(double[] w, int[] labels, int i, double xi) => w[labels[i]] * xi;

    /// <summary>Hinge-like margin: data passed on to another [Differentiable] method.</summary>
    [Differentiable]
    public static double Margins(double[] w, int[] labels, [NoGradient] double[] x)
    {
        double sum = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            double score = TargetScore(w, labels, i, x[i]);
            sum += score * score;
        }
        return sum;
    }
}
