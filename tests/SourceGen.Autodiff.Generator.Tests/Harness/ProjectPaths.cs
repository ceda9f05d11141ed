using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace SourceGen.Autodiff.Generator.Tests.Harness;

/// <summary>Where this test project and the repository live in the source tree (not the build output).</summary>
public static class ProjectPaths
{
    private const string ProjectFile = "SourceGen.Autodiff.Generator.Tests.csproj";

    /// <summary>The folder holding this test project's .csproj.</summary>
    public static string ProjectDirectory { get; } = FindProjectDirectory();

    /// <summary>The repository root (holds SourceGen.sln).</summary>
    public static string RepositoryRoot { get; } = Path.GetFullPath(Path.Combine(ProjectDirectory, "..", ".."));

    public static string BaselineDirectory => Path.Combine(ProjectDirectory, "Baselines");

    private static string FindProjectDirectory([CallerFilePath] string thisFile = "")
    {
        // This file sits in Harness/ of the project. With path mapping (CI builds) the compiled-in
        // path is not a real one, so fall back to walking up from the test binaries.
        var fromSource = Path.GetDirectoryName(Path.GetDirectoryName(thisFile));
        if (fromSource is not null && File.Exists(Path.Combine(fromSource, ProjectFile)))
        {
            return fromSource;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, ProjectFile)))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"Cannot find {ProjectFile} above {thisFile} or {AppContext.BaseDirectory}.");
    }
}
