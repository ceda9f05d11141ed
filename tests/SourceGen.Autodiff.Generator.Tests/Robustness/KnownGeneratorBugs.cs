using System.Collections.Generic;
using System.Linq;
using SourceGen.Autodiff.Generator.Tests.Harness;

namespace SourceGen.Autodiff.Generator.Tests.Robustness;

/// <summary>
/// Generator crashes these tests found that are not fixed yet, each with a minimal repro (also a
/// skipped test in GeneratorBugTests). The robustness tests do not fail on a problem an entry
/// explains, but only while the entry's repro still crashes: once the generator is fixed the
/// entry stops excusing anything by itself, and its entry and Skip should be removed.
/// </summary>
public static class KnownGeneratorBugs
{
    public sealed record Bug(string Name, string ProblemContains, string Repro)
    {
        private readonly System.Lazy<bool> _reproduces = new(() => CrashCheck.Run(GeneratorHarness.CreateDriver(), TestCompilation.Create(Repro)).Problem is { } p && p.Contains(ProblemContains));

        public bool StillReproduces => _reproduces.Value;
    }

    /// <summary>
    /// A method whose containing type lost its opening brace ends up in the compiler's
    /// &lt;invalid-global-code&gt; type; the method itself binds without errors, so it is lowered and
    /// the hint name "Cases.&lt;invalid-global-code&gt;.F.g.cs" makes AddSource throw (CS8785).
    /// </summary>
    public static readonly Bug InvalidGlobalCodeHintName = new(
        nameof(InvalidGlobalCodeHintName),
        "<invalid-global-code>",
        """
        using SourceGen.Autodiff;

        namespace Cases;

        public static partial class Functions
            [Differentiable]
            public static double F(double x) => x * x;
        }

        """);

    /// <summary>
    /// Hint names are compared ignoring case by AddSource: methods F and f of one type (or types
    /// Model and model) get "N.C.F.g.cs" and "N.C.f.g.cs", and the second AddSource throws (CS8785).
    /// Valid C#.
    /// </summary>
    public static readonly Bug HintNamesEqualIgnoringCase = new(
        nameof(HintNamesEqualIgnoringCase),
        "must be unique within a generator",
        """
        using SourceGen.Autodiff;

        namespace N;

        public static partial class C
        {
            [Differentiable]
            public static double F(double x) => x * x;

            [Differentiable]
            public static double f(double x) => x * 3;
        }

        """);

    /// <summary>Bugs that still crash the generator and excuse a robustness failure (none now: both above are fixed and kept as regression tests).</summary>
    public static readonly IReadOnlyList<Bug> All = System.Array.Empty<Bug>();

    /// <summary>The known bug that explains <paramref name="problem"/>, if it still reproduces.</summary>
    public static Bug? Explaining(string problem) =>
        All.FirstOrDefault(bug => problem.Contains(bug.ProblemContains) && bug.StillReproduces);
}
