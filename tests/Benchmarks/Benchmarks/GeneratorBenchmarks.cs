using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SourceGen.Autodiff.Benchmarks.Generator;
using SourceGen.Autodiff.Generator;

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

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    [Params(1, 20)]
    public int Files { get; set; }

    private CSharpCompilation _compilation = null!;
    private SyntaxTree _tree = null!;
    private SyntaxTree _insideEdit = null!;
    private SyntaxTree _outsideEdit = null!;
    private GeneratorDriver _warmDriver = null!;

    [GlobalSetup]
    public void Setup()
    {
        var trees = ManyMethodsSource.Create(Methods, Files)
            .Select((text, i) => CSharpSyntaxTree.ParseText(text, ParseOptions, $"Many{i}.cs"))
            .ToArray();
        _tree = trees[0];
        _compilation = CSharpCompilation.Create(
            "GeneratorBenchmark",
            trees,
            Net100.References.All.Cast<MetadataReference>().Append(MetadataReference.CreateFromFile(typeof(Tensor).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        _insideEdit = OneCharacterEdit(_tree, ManyMethodsSource.InsideEditMarker);
        _outsideEdit = OneCharacterEdit(_tree, ManyMethodsSource.OutsideEditMarker);

        _warmDriver = NewDriver().RunGenerators(_compilation);
        RequireEveryMethodGenerated(_warmDriver);
        RequireEveryMethodGenerated(_warmDriver.RunGenerators(_compilation.ReplaceSyntaxTree(_tree, _insideEdit)));
    }

    [Benchmark(Baseline = true, Description = "Cold: 200 methods")]
    public GeneratorDriver Cold() => NewDriver().RunGenerators(_compilation.Clone());

    [Benchmark(Description = "1-char edit inside one method")]
    public GeneratorDriver EditInsideMethod() => _warmDriver.RunGenerators(_compilation.ReplaceSyntaxTree(_tree, _insideEdit));

    [Benchmark(Description = "1-char edit outside the methods")]
    public GeneratorDriver EditOutsideMethods() => _warmDriver.RunGenerators(_compilation.ReplaceSyntaxTree(_tree, _outsideEdit));

    /// <summary>
    /// A floor for the runs above: the compiler binding the method bodies of the edited (first)
    /// file, with no generator. The generator's lowering asks the semantic model about each
    /// method of an edited file, so an edit costs at least this much.
    /// </summary>
    [Benchmark(Description = "Compiler alone: bind the edited file")]
    public int BindOnly() => _compilation.Clone().GetSemanticModel(_tree).GetMethodBodyDiagnostics().Length;

    private static GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create([new DifferentiableGenerator().AsSourceGenerator()], parseOptions: ParseOptions);

    /// <summary>Changes the last digit of the first occurrence of <paramref name="marker"/> (an incremental reparse, as in an editor).</summary>
    private static SyntaxTree OneCharacterEdit(SyntaxTree tree, string marker)
    {
        var text = tree.GetText();
        int position = text.ToString().IndexOf(marker, StringComparison.Ordinal) + marker.Length - 1;
        char replacement = text[position] == '9' ? '8' : (char)(text[position] + 1);
        return tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(position, 1), replacement.ToString())));
    }

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
