using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SourceGen.Autodiff.Generator.Differentiation;

namespace SourceGen.Autodiff.Generator.Tests.Harness;

/// <summary>Runs <see cref="DifferentiableGenerator"/> in memory, with incremental step tracking on.</summary>
public static class GeneratorHarness
{
    /// <param name="passes">Optimization passes to run (all by default); tests switch one off to check it alone.</param>
    public static GeneratorDriver CreateDriver() => CreateDriver(PassOptions.All);

    internal static GeneratorDriver CreateDriver(PassOptions passes) =>
        CSharpGeneratorDriver.Create(
            new[] { new DifferentiableGenerator(passes).AsSourceGenerator() },
            parseOptions: TestCompilation.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(params string[] sources) => Run(TestCompilation.Create(sources));

    public static GeneratorRun Run(Compilation compilation) => Run(CreateDriver(), compilation);

    internal static GeneratorRun Run(PassOptions passes, params string[] sources) => Run(CreateDriver(passes), TestCompilation.Create(sources));

    /// <summary>
    /// Runs <paramref name="driver"/> on <paramref name="compilation"/>. Pass the driver of an
    /// earlier run to see what an edit recomputes (the driver keeps the previous run's state).
    /// </summary>
    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out ImmutableArray<Diagnostic> diagnostics);
        return new GeneratorRun(compilation, driver, driver.GetRunResult(), output, diagnostics);
    }
}
