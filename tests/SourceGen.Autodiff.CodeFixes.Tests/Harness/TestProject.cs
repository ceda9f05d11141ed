using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SourceGen.Autodiff.Generator;
using Xunit;

namespace SourceGen.Autodiff.CodeFixes.Tests.Harness;

/// <summary>
/// A one-project AdhocWorkspace over .NET 10 reference assemblies and the SourceGen.Autodiff
/// runtime: the minimum a code fix needs (documents, semantic models, code action cleanup).
/// </summary>
public static class TestProject
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static IEnumerable<MetadataReference> References { get; } =
        Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(Tensor).Assembly.Location))
            .ToImmutableArray();

    /// <summary>Creates a project with the given files; returns the first as the document under test.</summary>
    public static Document Create(string source, params SourceFile[] otherSources)
    {
        var workspace = new AdhocWorkspace();
        ProjectId projectId = ProjectId.CreateNewId();
        Solution solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                "Test",
                "Test",
                LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true),
                parseOptions: ParseOptions,
                metadataReferences: References));

        DocumentId testDocument = DocumentId.CreateNewId(projectId);
        solution = solution.AddDocument(testDocument, "Test0.cs", SourceText.From(source), filePath: "/src/Test0.cs");
        foreach (SourceFile file in otherSources)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), System.IO.Path.GetFileName(file.Path), SourceText.From(file.Text), filePath: file.Path);
        }

        return solution.GetDocument(testDocument)!;
    }

    /// <summary>
    /// Runs SourceGen.Autodiff's generator over the project and adds its output as documents at
    /// the generator's own paths, as the IDE shows them; returns the same document in that project.
    /// </summary>
    public static async Task<Document> WithGeneratedDocumentsAsync(Document document)
    {
        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        GeneratorDriverRunResult run = CSharpGeneratorDriver.Create(new DifferentiableGenerator())
            .RunGenerators(compilation)
            .GetRunResult();
        Assert.Empty(run.Diagnostics);

        Solution solution = document.Project.Solution;
        foreach (SyntaxTree tree in run.GeneratedTrees)
        {
            solution = solution.AddDocument(
                DocumentId.CreateNewId(document.Project.Id),
                System.IO.Path.GetFileName(tree.FilePath),
                await tree.GetTextAsync(),
                filePath: tree.FilePath);
        }

        return solution.GetDocument(document.Id)!;
    }
}
