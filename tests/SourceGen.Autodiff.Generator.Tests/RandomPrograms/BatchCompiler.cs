using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SourceGen.Autodiff.Generator.Analyzers;
using SourceGen.Autodiff.Generator.Differentiation;
using SourceGen.Autodiff.Generator.Tests.Harness;

namespace SourceGen.Autodiff.Generator.Tests.RandomPrograms;

/// <summary>
/// Compiles many random programs in one compilation with the source generator, and sets aside
/// (as failures) those whose code does not compile, so the rest can still be run.
/// </summary>
public static class BatchCompiler
{
    private static readonly Regex ProgramInPath = new(@"P\d+(_\d+)?", RegexOptions.Compiled);

    /// <summary>The compiled batch, loaded in a collectible context, and the programs that could not be compiled.</summary>
    public sealed record Result(CollectibleAssembly? Assembly, IReadOnlyList<RandomProgram> Compiled, IReadOnlyList<ProgramFailure> Failures);

    public static Result Compile(IReadOnlyList<RandomProgram> programs, CheckStatistics? statistics = null) =>
        Compile(programs, PassOptions.All, statistics);

    /// <summary>The batch generated with the given optimization passes (tests switch one off).</summary>
    internal static Result Compile(IReadOnlyList<RandomProgram> programs, PassOptions passes, CheckStatistics? statistics = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var failures = new List<ProgramFailure>();
        var remaining = programs.ToList();
        // Each round removes the programs its errors point to; a second round is rare.
        for (var round = 0; round < 4 && remaining.Count > 0; round++)
        {
            clock.Restart();
            var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(passes), CompilationOf(remaining));
            statistics?.AddTime("generator", clock.Elapsed);
            if (!run.Exceptions.IsEmpty)
            {
                // One program crashed the generator for the whole batch: find it by running it alone.
                var crashed = remaining.Where(p => !GeneratorHarness.Run(GeneratorHarness.CreateDriver(passes), CompilationOf(new[] { p })).Exceptions.IsEmpty).ToList();
                if (crashed.Count == 0)
                {
                    throw new InvalidOperationException("The generator crashed on the batch but on no program alone:\n" + run.Describe());
                }
                foreach (var p in crashed)
                {
                    var alone = GeneratorHarness.Run(GeneratorHarness.CreateDriver(passes), CompilationOf(new[] { p }));
                    failures.Add(new ProgramFailure(p, FailureKind.GeneratorException, string.Join("\n", alone.Exceptions)));
                    remaining.Remove(p);
                }
                continue;
            }
            clock.Restart();
            var assembly = CollectibleAssembly.TryLoad(run.OutputCompilation, out var emitErrors);
            statistics?.AddTime("emit", clock.Elapsed);
            if (assembly is not null)
            {
                return new Result(assembly, remaining, failures);
            }
            var errors = emitErrors.ToList();
            var byProgram = errors.GroupBy(e => ProgramOf(e, remaining)).ToList();
            if (byProgram.Any(g => g.Key is null))
            {
                throw new InvalidOperationException("Errors outside any program:\n" + string.Join("\n", byProgram.Where(g => g.Key is null).SelectMany(g => g)));
            }
            foreach (var group in byProgram)
            {
                var program = group.Key!;
                failures.Add(Classify(program, group.ToList(), run.Sources.Where(s => s.HintName.Contains(program.ClassName + ".")).Select(s => s.Text)));
                remaining.Remove(program);
            }
        }
        return new Result(null, Array.Empty<RandomProgram>(), failures.Concat(remaining.Select(p => new ProgramFailure(p, FailureKind.GeneratedCodeError, "still failing after 4 rounds"))).ToList());
    }

    /// <summary>The trees of a batch: shared helpers, then per program its methods, their twin and the probe.</summary>
    public static CSharpCompilation CompilationOf(IEnumerable<RandomProgram> programs)
    {
        var trees = new List<SyntaxTree> { TestCompilation.Parse(SupportSource.Text, SupportSource.FileName) };
        foreach (var p in programs)
        {
            trees.Add(TestCompilation.Parse(ProgramPrinter.Source(p), p.ClassName + ".cs"));
            trees.Add(TestCompilation.Parse(ProgramPrinter.TwinSource(p), p.ClassName + ".Twin.cs"));
            trees.Add(TestCompilation.Parse(ProbeWriter.Source(p), p.ClassName + ".Probe.cs"));
        }
        return CSharpCompilation.Create("RandomPrograms" + Guid.NewGuid().ToString("N"), trees, TestCompilation.References, TestCompilation.Options);
    }

    private static RandomProgram? ProgramOf(Diagnostic error, List<RandomProgram> programs)
    {
        var path = error.Location.SourceTree?.FilePath ?? "";
        var match = ProgramInPath.Match(System.IO.Path.GetFileName(path));
        return match.Success ? programs.FirstOrDefault(p => p.ClassName == match.Value) : null;
    }

    private static ProgramFailure Classify(RandomProgram program, List<Diagnostic> errors, IEnumerable<string> generated)
    {
        var text = string.Join("\n", errors.Take(10));
        var inProgram = errors.Any(e => e.Location.SourceTree?.FilePath is { } path && (path == program.ClassName + ".cs" || path == program.ClassName + ".Twin.cs"));
        if (inProgram)
        {
            return new ProgramFailure(program, FailureKind.InvalidProgram, text);
        }
        var rejections = AnalyzerErrors(program);
        if (rejections.Count > 0)
        {
            return new ProgramFailure(program, FailureKind.Rejected, string.Join("\n", rejections) + "\n" + text);
        }
        return new ProgramFailure(program, FailureKind.GeneratedCodeError, text + "\n--- generated\n" + string.Join("\n", generated));
    }

    /// <summary>The analyzer's errors for the program alone (why the generator skipped it).</summary>
    public static List<string> AnalyzerErrors(RandomProgram program)
    {
        var compilation = CSharpCompilation.Create(
            "Analyzed",
            new[] { TestCompilation.Parse(ProgramPrinter.Source(program), program.ClassName + ".cs") },
            TestCompilation.References,
            TestCompilation.Options);
        var diagnostics = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new DifferentiableAnalyzer()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
    }
}
