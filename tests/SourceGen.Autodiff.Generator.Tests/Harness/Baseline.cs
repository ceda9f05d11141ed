using System;
using System.IO;
using Xunit.Sdk;

namespace SourceGen.Autodiff.Generator.Tests.Harness;

/// <summary>
/// Compares generated source with Baselines/&lt;name&gt;.g.cs.txt line by line. With
/// UPDATE_BASELINES=1 in the environment the file is (re)written in the source tree instead,
/// so the change shows up in `git diff` for review.
/// </summary>
public static class Baseline
{
    public const string UpdateVariable = "UPDATE_BASELINES";

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static string PathOf(string name) => Path.Combine(ProjectPaths.BaselineDirectory, name + ".g.cs.txt");

    public static void Verify(string name, string actual)
    {
        var path = PathOf(name);
        actual = actual.Replace("\r\n", "\n");
        if (Updating)
        {
            Directory.CreateDirectory(ProjectPaths.BaselineDirectory);
            File.WriteAllText(path, actual);
            return;
        }
        if (!File.Exists(path))
        {
            throw new XunitException($"No baseline {path}. Run `{UpdateVariable}=1 dotnet test` to create it, then review it.\nGenerated:\n{actual}");
        }
        var diff = LineDiff.Describe(File.ReadAllText(path), actual);
        if (diff is not null)
        {
            throw new XunitException(
                $"Generated source differs from baseline {Path.GetFileName(path)} (- baseline, + generated).\n" +
                $"If the change is intended, run `{UpdateVariable}=1 dotnet test` and review the diff.\n{diff}");
        }
    }
}
