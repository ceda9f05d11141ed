using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace IrisClassifier;

/// <summary>
/// Fisher's iris data (iris.csv: 150 flowers, 4 measurements in cm, 3 species, 50 each), shuffled
/// with a fixed seed, split into training and test rows, and standardized with the training
/// rows' mean and standard deviation.
/// </summary>
public sealed class IrisData
{
    public static readonly string[] Species = ["setosa", "versicolor", "virginica"];

    private IrisData(double[,] features, int[] labels)
    {
        Features = features;
        Labels = labels;
    }

    /// <summary>One row per flower, <see cref="SoftmaxModel.Features"/> standardized measurements per row.</summary>
    public double[,] Features { get; }

    /// <summary>The species index of each row.</summary>
    public int[] Labels { get; }

    public int Count => Labels.Length;

    public static (IrisData Train, IrisData Test) Load(string path, int testCount, int seed)
    {
        var rows = File.ReadLines(path).Skip(1).Where(line => line.Length > 0).Select(Parse).ToList();
        if (rows.Count != 150 || Species.Any(s => rows.Count(r => r.Label == Array.IndexOf(Species, s)) != 50))
        {
            throw new InvalidDataException($"{path}: expected 150 rows, 50 of each species.");
        }
        var random = new Random(seed);
        var shuffled = rows.OrderBy(_ => random.Next()).ToList();
        var train = shuffled.Skip(testCount).ToList();
        var test = shuffled.Take(testCount).ToList();

        int f = SoftmaxModel.Features;
        var mean = new double[f];
        var std = new double[f];
        for (int j = 0; j < f; j++)
        {
            mean[j] = train.Average(r => r.Values[j]);
            std[j] = Math.Sqrt(train.Average(r => (r.Values[j] - mean[j]) * (r.Values[j] - mean[j])));
        }
        return (Standardized(train, mean, std), Standardized(test, mean, std));
    }

    private static IrisData Standardized(List<(double[] Values, int Label)> rows, double[] mean, double[] std)
    {
        int f = SoftmaxModel.Features;
        var features = new double[rows.Count, f];
        var labels = new int[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            for (int j = 0; j < f; j++)
            {
                features[i, j] = (rows[i].Values[j] - mean[j]) / std[j];
            }
            labels[i] = rows[i].Label;
        }
        return new IrisData(features, labels);
    }

    private static (double[] Values, int Label) Parse(string line)
    {
        var cells = line.Split(',');
        var values = cells.Take(4).Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray();
        int label = Array.IndexOf(Species, cells[4].Trim());
        if (label < 0)
        {
            throw new InvalidDataException($"Unknown species '{cells[4]}'.");
        }
        return (values, label);
    }
}
