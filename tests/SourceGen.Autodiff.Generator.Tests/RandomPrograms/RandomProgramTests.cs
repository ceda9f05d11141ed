using System.Diagnostics;
using System.Linq;
using SourceGen.Autodiff.Generator.Differentiation;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace SourceGen.Autodiff.Generator.Tests.RandomPrograms;

/// <summary>
/// Differential tests on random programs: each batch of <see cref="RunSize.BatchSize"/> programs
/// is compiled once with the generator and every program's generated methods are checked
/// against central finite differences of the program itself (see <see cref="ProgramCheck"/>).
/// </summary>
public sealed class RandomProgramTests
{
    private readonly ITestOutputHelper _output;

    public RandomProgramTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<int> Batches()
    {
        var data = new TheoryData<int>();
        foreach (var batch in Enumerable.Range(0, RunSize.Batches))
        {
            data.Add(batch);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Batches))]
    public void Generated_derivatives_of_random_programs_match_finite_differences(int batch)
    {
        var first = batch * RunSize.BatchSize;
        var count = System.Math.Min(RunSize.BatchSize, RunSize.Count - first);
        var programs = Enumerable.Range(0, count).Select(i => ProgramGenerator.Generate(RunSize.SeedOf(batch, i), RunSize.Scale)).ToList();
        Check(programs, $"batch {batch} (seeds {RunSize.SeedOf(batch, 0)}..{RunSize.SeedOf(batch, count - 1)})");
    }

    /// <summary>Each optimization pass switched off alone, over <see cref="RunSize.ProgramsPerSwitch"/> programs.</summary>
    public static TheoryData<string> Switches()
    {
        var data = new TheoryData<string>();
        foreach (var (pass, _) in PassOptions.EachOff)
        {
            data.Add(pass);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Switches))]
    public void Random_programs_stay_exact_with_one_pass_switched_off(string pass)
    {
        var passes = PassOptions.EachOff.Single(s => s.Pass == pass).Options;
        var count = RunSize.ProgramsPerSwitch;
        if (count == 0)
        {
            return; // set AUTODIFF_RANDOM_PROGRAMS_PER_SWITCH (CI: 100)
        }
        var programs = Enumerable.Range(0, count).Select(i => ProgramGenerator.Generate(RunSize.SeedOf(i / RunSize.BatchSize, i % RunSize.BatchSize), RunSize.Scale)).ToList();
        Check(programs, $"{pass} off, {count} programs", passes);
    }

    [Fact]
    public void The_program_named_by_the_environment_matches_finite_differences()
    {
        if (RunSize.SingleSeed is not { } seed)
        {
            return; // set AUTODIFF_RANDOM_PROGRAM_SEED to reproduce one failure
        }
        var program = ProgramGenerator.Generate(seed, RunSize.Scale);
        _output.WriteLine(ProgramPrinter.Source(program));
        if (RunSize.Shrinking)
        {
            var failure = BatchRunner.Run(new[] { program }, new CheckStatistics()).FirstOrDefault();
            if (failure is not null)
            {
                // Progress goes to a file too: test output only shows when the test ends.
                var log = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"autodiff-shrink-{seed}.log");
                System.IO.File.WriteAllText(log, failure + "\n");
                var shrunk = Shrinker.Shrink(failure, System.TimeSpan.FromMinutes(30), line =>
                {
                    _output.WriteLine(line);
                    System.IO.File.AppendAllText(log, line + "\n");
                });
                var generated = Harness.GeneratorHarness.Run(ProgramPrinter.Source(shrunk.Program)).Sources.Select(s => s.Text);
                throw new XunitException(
                    $"Shrunk from size {Edits.Size(program)} to {Edits.Size(shrunk.Program)}:\n{shrunk}\n--- generated for it\n{string.Join("\n", generated)}\n\nOriginal failure:\n{failure}");
            }
        }
        Check(new[] { program }, $"seed {seed}");
    }

    private void Check(System.Collections.Generic.IReadOnlyList<RandomProgram> programs, string what, PassOptions? passes = null)
    {
        var clock = Stopwatch.StartNew();
        var statistics = new CheckStatistics();
        var failures = BatchRunner.Run(programs, passes ?? PassOptions.All, statistics);
        _output.WriteLine($"{what}: {programs.Count} programs in {clock.Elapsed.TotalSeconds:F1} s: {statistics}, {failures.Count} failed");
        var known = failures.Where(f => KnownFailures.BySeed.ContainsKey(f.Program.Seed)).ToList();
        foreach (var failure in known)
        {
            _output.WriteLine($"known failure (RegressionTests.{KnownFailures.BySeed[failure.Program.Seed]}):\n{failure}");
        }
        var fixedNow = programs.Where(p => KnownFailures.BySeed.ContainsKey(p.Seed) && known.All(f => f.Program.Seed != p.Seed)).ToList();
        var unexpected = failures.Except(known).Select(f => f.ToString())
            .Concat(fixedNow.Select(p => $"=== random program {p.Seed} passes now: remove it from KnownFailures and un-skip RegressionTests.{KnownFailures.BySeed[p.Seed]}"))
            .ToList();
        if (unexpected.Count > 0)
        {
            throw new XunitException($"{unexpected.Count} of {programs.Count} random programs failed unexpectedly ({what}):\n\n" + string.Join("\n\n", unexpected));
        }
    }
}
