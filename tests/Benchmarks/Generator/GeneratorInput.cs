using System;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SourceGen.Autodiff.Generator;

namespace SourceGen.Autodiff.Benchmarks.Generator;

/// <summary>
/// The in-memory input the generator is driven over: <see cref="ManyMethodsSource"/> parsed and
/// compiled against the .NET 10 reference assemblies and the runtime, and the one-character
/// edits of its first file.
/// </summary>
internal sealed class GeneratorInput
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public GeneratorInput(int methods, int files)
    {
        Trees = ManyMethodsSource.Create(methods, files)
            .Select((text, i) => CSharpSyntaxTree.ParseText(text, ParseOptions, $"Many{i}.cs"))
            .ToArray();
        Compilation = CSharpCompilation.Create(
            "GeneratorInput",
            Trees,
            Net100.References.All.Cast<MetadataReference>().Append(MetadataReference.CreateFromFile(typeof(Tensor).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    public SyntaxTree[] Trees { get; }

    /// <summary>The file both edits change.</summary>
    public SyntaxTree EditedTree => Trees[0];

    public CSharpCompilation Compilation { get; }

    /// <summary>The compilation after changing the last digit of the first <paramref name="marker"/> in the edited file (an incremental reparse, as in an editor).</summary>
    public CSharpCompilation WithOneCharacterEdit(string marker)
    {
        var text = EditedTree.GetText();
        int position = text.ToString().IndexOf(marker, StringComparison.Ordinal) + marker.Length - 1;
        char replacement = text[position] == '9' ? '8' : (char)(text[position] + 1);
        var edited = EditedTree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(position, 1), replacement.ToString())));
        return Compilation.ReplaceSyntaxTree(EditedTree, edited);
    }

    public static GeneratorDriver NewDriver(bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            [new DifferentiableGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
}
