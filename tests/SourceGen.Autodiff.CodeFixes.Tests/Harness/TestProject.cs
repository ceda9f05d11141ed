using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

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
}
