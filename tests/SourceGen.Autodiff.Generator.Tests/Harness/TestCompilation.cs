using System.Collections.Immutable;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SourceGen.Autodiff.Generator.Tests.Harness;

/// <summary>
/// In-memory compilations of test sources against the .NET 10 reference assemblies and the
/// SourceGen.Autodiff runtime, with the repository's settings (nullable on, strict warnings).
/// </summary>
public static class TestCompilation
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static readonly CSharpCompilationOptions Options = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        // Every warning wave: generated code must be clean under the strictest level.
        warningLevel: 9999);

    public static ImmutableArray<MetadataReference> References { get; } =
        Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(Tensor).Assembly.Location))
            .ToImmutableArray();

    /// <summary>One tree per source, named Source0.cs, Source1.cs... (paths matter for diagnostics only).</summary>
    public static CSharpCompilation Create(params string[] sources) =>
        CSharpCompilation.Create(
            "GeneratorTestInput",
            sources.Select((text, i) => Parse(text, $"Source{i}.cs")),
            References,
            Options);

    public static SyntaxTree Parse(string text, string path) =>
        CSharpSyntaxTree.ParseText(text, ParseOptions, path);
}
