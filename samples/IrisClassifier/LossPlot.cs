using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace IrisClassifier;

/// <summary>
/// Saves the loss curve: always as CSV, and as a PNG drawn by ScottPlot when its native graphics
/// library (SkiaSharp) loads on this machine.
/// </summary>
public static class LossPlot
{
    /// <returns>The PNG's path, or null (and why) when it could not be drawn.</returns>
    public static (string? Png, string? Problem) Save(double[] losses, string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, "iris-loss.csv"),
            losses.Select((loss, epoch) => string.Create(CultureInfo.InvariantCulture, $"{epoch + 1},{loss:R}")).Prepend("epoch,loss"));
        var png = Path.Combine(folder, "iris-loss.png");
        try
        {
            var plot = new ScottPlot.Plot();
            var epochs = Enumerable.Range(1, losses.Length).Select(e => (double)e).ToArray();
            plot.Add.ScatterLine(epochs, losses);
            plot.Title("Softmax regression on iris: training loss (Adam)");
            plot.XLabel("epoch");
            plot.YLabel("mean cross-entropy");
            plot.SavePng(png, 800, 500);
            return (png, null);
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or BadImageFormatException)
        {
            // No native Skia on this machine: the CSV has the same numbers.
            return (null, $"native graphics could not load ({e.GetBaseException().Message})");
        }
    }
}
