using System;
using SourceGen.Autodiff;

namespace IrisClassifier;

/// <summary>Softmax regression: class scores z = W x + b, loss = mean cross-entropy.</summary>
public static partial class SoftmaxModel
{
    public const int Features = 4;
    public const int Classes = 3;

    [Differentiable]
    public static double Loss(double[] weights, double[] bias, [NoGradient] double[,] features, int[] labels)
    {
        int n = labels.Length;
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            var logits = new double[Classes];
            double max = double.NegativeInfinity;
            for (int c = 0; c < Classes; c++)
            {
                double z = bias[c];
                for (int f = 0; f < Features; f++)
                {
                    z += weights[c * Features + f] * features[i, f];
                }
                logits[c] = z;
                max = Math.Max(max, z);
            }
            double sum = 0;
            for (int c = 0; c < Classes; c++)
            {
                sum += Math.Exp(logits[c] - max);
            }
            total += Math.Log(sum) + max - logits[labels[i]];
        }
        return total / n;
    }
}
