using System;
using System.Collections.Concurrent;
using SourceGen.Autodiff.Generator.Differentiation;
using SourceGen.Autodiff.Generator.Tests.Cases;

namespace SourceGen.Autodiff.Generator.Tests.Harness;

/// <summary>One generator run per case, shared by the baseline and compile-and-run tests.</summary>
public static class CaseRuns
{
    private static readonly ConcurrentDictionary<string, Lazy<GeneratorRun>> Runs = new();

    public static GeneratorRun Get(GeneratorCase testCase) =>
        Runs.GetOrAdd(testCase.Name, _ => new Lazy<GeneratorRun>(() => GeneratorHarness.Run(testCase.Source))).Value;

    /// <summary>The case generated with some optimization passes switched off (<paramref name="passes"/> names the run).</summary>
    internal static GeneratorRun Get(GeneratorCase testCase, PassOptions passes) =>
        passes == PassOptions.All ? Get(testCase)
        : Runs.GetOrAdd(testCase.Name + " " + passes, _ => new Lazy<GeneratorRun>(() => GeneratorHarness.Run(passes, testCase.Source))).Value;
}
