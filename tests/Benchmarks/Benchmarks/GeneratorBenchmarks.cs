using System;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SourceGen.Autodiff.Benchmarks.Generator;

namespace SourceGen.Autodiff.Benchmarks.Benchmarks;

/// <summary>
/// The generator, driven in-process by CSharpGeneratorDriver over 200 [Differentiable] methods,
/// all in one file or spread over 20 files (10 each): the generator's first step caches per
/// file, so an edit re-lowers every method of the edited file. Cold: a new driver on a fresh
/// compilation (symbols not yet bound, references already loaded, as in a running compiler or
/// IDE). Edits: a driver that has already run on the sources, given the first file after a
/// one-character edit inside one method's body or outside every [Differentiable] method, as
/// when the user types. Each iteration starts from the same warm driver, so each measures
/// exactly one edit.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class GeneratorBenchmarks
{
    private const int Methods = 200;

    [Params(1, 20)]
    public int Files { get; set; }

    private GeneratorInput _input = null!;
    private CSharpCompilation _insideEdit = null!;
    private CSharpCompilation _outsideEdit = null!;
    private GeneratorDriver _warmDriver = null!;

    [GlobalSetup]
    public void Setup()
    {
        _input = new GeneratorInput(Methods, Files);
        _insideEdit = _input.WithOneCharacterEdit(ManyMethodsSource.InsideEditMarker);
        _outsideEdit = _input.WithOneCharacterEdit(ManyMethodsSource.OutsideEditMarker);

        _warmDriver = GeneratorInput.NewDriver().RunGenerators(_input.Compilation);
        RequireEveryMethodGenerated(_warmDriver);
        RequireEveryMethodGenerated(_warmDriver.RunGenerators(_insideEdit));
    }

    [Benchmark(Baseline = true, Description = "Cold: 200 methods")]
    public GeneratorDriver Cold() => GeneratorInput.NewDriver().RunGenerators(_input.Compilation.Clone());

    // Clone(): a compilation with the same trees and references but no binding done yet, as
    // each edit in an editor produces; without it later iterations would reuse bound symbols.
    [Benchmark(Description = "1-char edit inside one method")]
    public GeneratorDriver EditInsideMethod() => _warmDriver.RunGenerators(_insideEdit.Clone());

    [Benchmark(Description = "1-char edit outside the methods")]
    public GeneratorDriver EditOutsideMethods() => _warmDriver.RunGenerators(_outsideEdit.Clone());

    /// <summary>
    /// A floor for the runs above: the compiler binding the method bodies of the edited (first)
    /// file, with no generator. The generator's lowering asks the semantic model about each
    /// method, so an edit costs at least this much.
    /// </summary>
    [Benchmark(Description = "Compiler alone: bind the edited file")]
    public int BindOnly() => _input.Compilation.Clone().GetSemanticModel(_input.EditedTree).GetMethodBodyDiagnostics().Length;

    /// <summary>A benchmark of a generator that silently produced nothing would measure nothing.</summary>
    private static void RequireEveryMethodGenerated(GeneratorDriver driver)
    {
        var result = driver.GetRunResult();
        if (result.Diagnostics.Length > 0 || result.GeneratedTrees.Length != Methods)
            throw new InvalidOperationException(
                $"expected {Methods} generated files and no diagnostics, got {result.GeneratedTrees.Length} files and: "
                + string.Join("; ", result.Diagnostics));
    }
}
