using System;
using System.IO;
using System.Linq;
using SourceGen.Autodiff;
using SourceGen.Autodiff.Optimization;
using Spectre.Console;

namespace IrisClassifier;

/// <summary>
/// Trains softmax regression on Fisher's iris data with the generated gradient and Adam, shows a
/// progress bar while it trains, prints the test accuracy and saves the loss curve.
/// Arguments: <c>--short</c> (or AUTODIFF_SAMPLE_SHORT=1) trains fewer epochs, for CI;
/// <c>--output folder</c> is where the plot goes (default: the current folder).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        bool quick = args.Contains("--short") || Environment.GetEnvironmentVariable("AUTODIFF_SAMPLE_SHORT") == "1";
        int outputIndex = Array.IndexOf(args, "--output");
        string output = outputIndex >= 0 && outputIndex + 1 < args.Length ? args[outputIndex + 1] : Directory.GetCurrentDirectory();
        int epochs = quick ? 200 : 400;

        var (train, test) = IrisData.Load(Path.Combine(AppContext.BaseDirectory, "iris.csv"), testCount: 30, seed: 7);
        AnsiConsole.MarkupLine($"Iris: {train.Count} training rows, {test.Count} test rows, {epochs} epochs of full-batch Adam (lr 0.05).");

        var weights = new double[SoftmaxModel.Classes * SoftmaxModel.Features];
        var bias = new double[SoftmaxModel.Classes];
        var weightsGrad = new double[weights.Length];
        var biasGrad = new double[bias.Length];
        CheckGradient(weights, bias, train);

        var weightsOptimizer = new Adam(weights.Length, learningRate: 0.05);
        var biasOptimizer = new Adam(bias.Length, learningRate: 0.05);
        var losses = new double[epochs];
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("training", maxValue: epochs);
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    Array.Clear(weightsGrad);
                    Array.Clear(biasGrad);
                    losses[epoch] = SoftmaxModel.LossBackward(weights, bias, train.Features, train.Labels, 1, weightsGrad, biasGrad);
                    weightsOptimizer.Step(weights, weightsGrad);
                    biasOptimizer.Step(bias, biasGrad);
                    task.Description = $"training, loss {losses[epoch]:F4}";
                    task.Increment(1);
                }
            });

        var (trainCorrect, trainTotal) = SoftmaxModel.Accuracy(weights, bias, train);
        var (testCorrect, testTotal) = SoftmaxModel.Accuracy(weights, bias, test);
        Console.WriteLine($"loss: {losses[0]:F4} at epoch 1, {losses[^1]:F4} at epoch {epochs}");
        Console.WriteLine($"train accuracy: {trainCorrect}/{trainTotal} ({100.0 * trainCorrect / trainTotal:F1}%)");
        Console.WriteLine($"test accuracy: {testCorrect}/{testTotal} ({100.0 * testCorrect / testTotal:F1}%)");

        var (png, problem) = LossPlot.Save(losses, output);
        Console.WriteLine(png is not null
            ? $"loss curve: {png} (and iris-loss.csv)"
            : $"loss curve: {Path.Combine(output, "iris-loss.csv")}; no PNG: {problem}");

        // A model that learned nothing would score about 1/3.
        return testCorrect >= 0.9 * testTotal ? 0 : 1;
    }

    /// <summary>The generated gradient against central finite differences, at a point away from zero.</summary>
    private static void CheckGradient(double[] weights, double[] bias, IrisData train)
    {
        var w = weights.Select((_, i) => Math.Sin(i + 1)).ToArray();
        var b = bias.Select((_, i) => Math.Cos(i + 1)).ToArray();
        var (wGrad, bGrad) = SoftmaxModel.LossGradient(w, b, train.Features, train.Labels);
        GradientCheck.AssertGradient(p => SoftmaxModel.Loss(p, b, train.Features, train.Labels), w, wGrad);
        GradientCheck.AssertGradient(p => SoftmaxModel.Loss(w, p, train.Features, train.Labels), b, bGrad);
        Console.WriteLine("gradient check: generated gradient agrees with finite differences");
    }
}
