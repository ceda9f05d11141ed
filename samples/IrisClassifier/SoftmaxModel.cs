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
        // One buffer for every sample's scores, created before the loop rather than in it: local arrays
        // created inside loops are DIFF006 (issue 10, still open)
        var logits = new double[Classes];
        for (int i = 0; i < n; i++)
        {
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
