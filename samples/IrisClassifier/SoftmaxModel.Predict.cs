namespace IrisClassifier;

public static partial class SoftmaxModel
{
    /// <summary>The class with the highest score for row <paramref name="row"/>.</summary>
    public static int Predict(double[] weights, double[] bias, double[,] features, int row)
    {
        int best = 0;
        double bestScore = double.NegativeInfinity;
        for (int c = 0; c < Classes; c++)
        {
            double z = bias[c];
            for (int f = 0; f < Features; f++)
            {
                z += weights[c * Features + f] * features[row, f];
            }
            if (z > bestScore)
            {
                bestScore = z;
                best = c;
            }
        }
        return best;
    }

    /// <summary>The fraction of rows whose predicted class is their label.</summary>
    public static (int Correct, int Total) Accuracy(double[] weights, double[] bias, IrisData data)
    {
        int correct = 0;
        for (int i = 0; i < data.Count; i++)
        {
            if (Predict(weights, bias, data.Features, i) == data.Labels[i])
            {
                correct++;
            }
        }
        return (correct, data.Count);
    }
}
