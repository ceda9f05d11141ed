using System;
using System.IO;
using System.Linq;
using SourceGen.Autodiff.Benchmarks.Generator;

namespace SourceGen.Autodiff.Benchmarks.Check;

/// <summary>
/// The "incrementality" mode: which of the generator's steps re-ran after a one-character edit
/// in the first of 20 files (200 methods, 10 per file), counted by Roslyn's tracked step
/// reasons. It explains what the edit timings of GeneratorBenchmarks are made of.
/// </summary>
public static class IncrementalityReport
{
    private const int Methods = 200;
    private const int Files = 20;

    public static int Run(TextWriter output)
    {
        var input = new GeneratorInput(Methods, Files);
        var driver = GeneratorInput.NewDriver(trackSteps: true).RunGenerators(input.Compilation);
        driver = driver.RunGenerators(input.WithOneCharacterEdit(ManyMethodsSource.InsideEditMarker));

        output.WriteLine($"After a one-character edit in 1 of {Files} files ({Methods} [Differentiable] methods, {Methods / Files} per file):");
        foreach (var (step, runs) in driver.GetRunResult().Results[0].TrackedSteps.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var reasons = runs.SelectMany(run => run.Outputs).GroupBy(o => o.Reason).OrderBy(g => g.Key)
                .Select(g => $"{g.Key} {g.Count()}");
            output.WriteLine($"  {step}: {string.Join(", ", reasons)}");
        }
        return 0;
    }
}
