using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SourceGen.Autodiff.Generator.Tests.Harness;

namespace SourceGen.Autodiff.Generator.Tests.Robustness;

/// <summary>
/// Feeds one file's successive versions (e.g. its prefixes) to one generator driver, as an editor
/// does while the user types, and collects the versions that crash or take too long. A failure
/// found incrementally is reported with its source; it reproduces on that source alone unless
/// the driver's cached state matters.
/// </summary>
public static class TypingSession
{
    public const int MaxReported = 3;

    public sealed record Failure(string Label, string Problem, string Source)
    {
        public override string ToString() =>
            $"--- {Label}: {Problem}\n--- source:\n{Source}\n--- end of source";
    }

    /// <summary>
    /// The versions that failed (reports show the first <see cref="MaxReported"/>), and those that hit a bug of
    /// <see cref="KnownGeneratorBugs"/> (not failures while that bug reproduces).
    /// </summary>
    public sealed record Outcome(List<Failure> Failures, List<string> KnownBugHits, int Versions)
    {
        public string Report() =>
            $"{Failures.Count} failing of {Versions} versions (first {MaxReported} shown)\n" + string.Join("\n", Failures.Take(MaxReported));

        public string Summary() =>
            $"{Versions} versions, {KnownBugHits.Count} hit known generator bugs" +
            string.Concat(KnownBugHits.Take(5).Select(hit => "\n  " + hit));
    }

    /// <param name="label">Names the file in failure messages.</param>
    /// <param name="versions">The file's successive texts.</param>
    /// <param name="incremental">Keep one driver across versions (typing); false gives each version a fresh driver.</param>
    /// <param name="options">Parse options (preprocessor symbols) of the file.</param>
    public static Outcome Type(string label, IEnumerable<(string Label, string Text)> versions, CSharpParseOptions? options = null, bool incremental = true)
    {
        options ??= TestCompilation.ParseOptions;
        var failures = new List<Failure>();
        var knownBugHits = new List<string>();
        var count = 0;
        Compilation compilation = TestCompilation.Create("");
        var tree = compilation.SyntaxTrees.Single();
        var driver = GeneratorHarness.CreateDriver();
        foreach (var (versionLabel, text) in versions)
        {
            // Replacing the tree keeps the compilation's references bound: far cheaper than a new compilation.
            var next = CSharpSyntaxTree.ParseText(text, options, tree.FilePath);
            compilation = compilation.ReplaceSyntaxTree(tree, next);
            tree = next;
            count++;
            (driver, var problem) = CrashCheck.Run(incremental ? driver : GeneratorHarness.CreateDriver(), compilation);
            if (problem is not null && KnownGeneratorBugs.Explaining(problem) is { } bug)
            {
                knownBugHits.Add($"{label}, {versionLabel}: {bug.Name}");
            }
            else if (problem is not null)
            {
                failures.Add(new Failure($"{label}, {versionLabel}", problem, text));
            }
        }
        return new Outcome(failures, knownBugHits, count);
    }

    /// <summary>The first n lines, for n = 1 .. all (every <paramref name="stride"/>-th n, and all).</summary>
    public static IEnumerable<(string Label, string Text)> LinePrefixes(string text, int stride = 1)
    {
        var lines = LineDiff.Lines(text);
        for (var n = 1; n <= lines.Length; n++)
        {
            if (n % stride == 0 || n == lines.Length)
            {
                yield return ($"first {n} lines", string.Join("\n", lines.Take(n)));
            }
        }
    }

    /// <summary>The text up to the end of each token (with its trailing trivia), token by token.</summary>
    public static IEnumerable<(string Label, string Text)> TokenPrefixes(string text)
    {
        var root = TestCompilation.Parse(text, "Tokens.cs").GetRoot();
        var n = 0;
        foreach (var token in root.DescendantTokens())
        {
            n++;
            yield return ($"first {n} tokens", text.Substring(0, token.FullSpan.End));
        }
    }
}
