using System.Collections.Generic;
using System.IO;
using System.Linq;
using SourceGen.Autodiff.Generator.Tests.Cases;
using SourceGen.Autodiff.Generator.Tests.Harness;
using Xunit;

namespace SourceGen.Autodiff.Generator.Tests.Robustness;

/// <summary>
/// The sources the robustness tests take apart: every baseline case, and the sample and
/// end-to-end test files read from the repository (so new files are covered without a change here).
/// </summary>
public static class SourceCorpus
{
    public static readonly string[] Folders =
    {
        Path.Combine("samples", "SeedWalkthrough"),
        Path.Combine("tests", "SourceGen.Autodiff.EndToEnd.Tests"),
    };

    /// <summary>Repository-relative paths of the .cs files under <see cref="Folders"/>, outside bin/ and obj/.</summary>
    public static IReadOnlyList<string> RepositoryFiles() =>
        Folders.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(ProjectPaths.RepositoryRoot, folder), "*.cs", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(ProjectPaths.RepositoryRoot, path).Replace('\\', '/'))
            .Where(path => !path.Split('/').Any(part => part is "bin" or "obj"))
            .OrderBy(path => path, System.StringComparer.Ordinal)
            .ToList();

    public static string ReadRepositoryFile(string relativePath) =>
        File.ReadAllText(Path.Combine(ProjectPaths.RepositoryRoot, relativePath));

    /// <summary>"case:Name" for each baseline case, then the repository-relative paths.</summary>
    public static IReadOnlyList<string> NameList() =>
        AllCases.List.Select(c => "case:" + c.Name).Concat(RepositoryFiles()).ToList();

    public static TheoryData<string> Names() => new(NameList());

    public static string Read(string name) =>
        name.StartsWith("case:", System.StringComparison.Ordinal) ? AllCases.Get(name.Substring(5)).Source : ReadRepositoryFile(name);

    /// <summary>The units (see <see cref="SourceUnits"/>) of the source named <paramref name="name"/>.</summary>
    public static IReadOnlyList<SourceUnits.Unit> UnitsOf(string name) => SourceUnits.Split(name, Read(name));

    /// <summary>Every unit of every source, for mutation.</summary>
    public static IReadOnlyList<SourceUnits.Unit> AllUnits() => NameList().SelectMany(UnitsOf).ToList();
}
