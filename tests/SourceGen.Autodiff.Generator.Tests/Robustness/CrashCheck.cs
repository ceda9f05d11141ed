using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SourceGen.Autodiff.Generator.Analyzers;
using SourceGen.Autodiff.Generator.Tests.Harness;

namespace SourceGen.Autodiff.Generator.Tests.Robustness;

/// <summary>
/// Runs the generator and then the analyzer (on the compilation with the generated files, as in
/// an editor) over one source, and says what went wrong: a generator exception or CS8785, an
/// analyzer exception or AD0001, or a run slower than <see cref="TimeBound"/>.
/// </summary>
public static class CrashCheck
{
    public static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Checks <paramref name="compilation"/> with <paramref name="driver"/> (pass the previous
    /// check's driver to run incrementally, as while typing). Returns the driver to pass next,
    /// and a description of the problem or null.
    /// </summary>
    public static (GeneratorDriver Driver, string? Problem) Run(GeneratorDriver driver, Compilation compilation)
    {
        var (run, problem, elapsed) = Timed(driver, compilation);
        if (problem is null && elapsed > TimeBound)
        {
            // Wall time also measures whatever else the machine is doing: only a source that is
            // slow twice in a row (the second time from scratch) counts as too slow.
            (_, problem, var again) = Timed(GeneratorHarness.CreateDriver(), compilation);
            if (problem is null && again > TimeBound)
            {
                problem = $"generator and analyzer took {elapsed.TotalSeconds:F1} s, then {again.TotalSeconds:F1} s (bound {TimeBound.TotalSeconds} s)";
            }
        }
        return (run.Driver, problem);
    }

    private static (GeneratorRun Run, string? Problem, TimeSpan Elapsed) Timed(GeneratorDriver driver, Compilation compilation)
    {
        var clock = Stopwatch.StartNew();
        var run = GeneratorHarness.Run(driver, compilation);
        var problem = GeneratorProblem(run) ?? AnalyzerProblem(run.OutputCompilation);
        return (run, problem, clock.Elapsed);
    }

    private static string? GeneratorProblem(GeneratorRun run)
    {
        if (!run.Exceptions.IsEmpty)
        {
            return "generator threw: " + run.Exceptions[0];
        }
        var crash = run.GeneratorDiagnostics.FirstOrDefault(d => d.Id == "CS8785");
        return crash is null ? null : "generator failed: " + crash;
    }

    private static string? AnalyzerProblem(Compilation compilation)
    {
        var exceptions = new ConcurrentQueue<Exception>();
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new DifferentiableAnalyzer()),
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, _, _) => exceptions.Enqueue(exception),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false));
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        if (exceptions.TryPeek(out var exception))
        {
            return "analyzer threw: " + exception;
        }
        var ad0001 = diagnostics.FirstOrDefault(d => d.Id == "AD0001");
        return ad0001 is null ? null : "analyzer failed: " + ad0001;
    }
}
