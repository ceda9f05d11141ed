using System;
using System.IO;

namespace SourceGen.Autodiff.Package.Tests.Harness;

/// <summary>The repository checkout the tests run from, found by walking up to SourceGen.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string RuntimeProject =>
        System.IO.Path.Combine(Path, "runtime", "SourceGen.Autodiff.csproj");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "SourceGen.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"SourceGen.sln not found above {AppContext.BaseDirectory}");
    }
}
