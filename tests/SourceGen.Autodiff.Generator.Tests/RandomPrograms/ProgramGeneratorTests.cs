using System.Collections.Generic;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace SourceGen.Autodiff.Generator.Tests.RandomPrograms;

/// <summary>The random programs themselves (no compilation): valid scopes, reproducible, and covering the subset.</summary>
public sealed class ProgramGeneratorTests
{
    private readonly ITestOutputHelper _output;

    public ProgramGeneratorTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void A_seed_always_gives_the_same_program()
    {
        foreach (var seed in new[] { 1000, 5017, 123456 })
        {
            Assert.Equal(ProgramPrinter.Source(ProgramGenerator.Generate(seed)), ProgramPrinter.Source(ProgramGenerator.Generate(seed)));
        }
    }

    /// <summary>How many programs the coverage check draws: the first 500 seeds of every long or default run.</summary>
    private const int CoverageSample = 500;

    [Fact]
    public void Every_program_of_a_run_uses_only_names_in_scope()
    {
        foreach (var program in RunPrograms(CoverageSample))
        {
            Assert.True(ScopeCheck.IsValid(program), ProgramPrinter.Source(program));
        }
    }

    [Fact]
    public void A_run_covers_every_construct_of_the_subset_many_times()
    {
        var counts = CountConstructs(CoverageSample);
        foreach (var (construct, count) in counts.OrderBy(c => c.Key))
        {
            _output.WriteLine($"{count,5}  {construct}");
        }
        var expected = new[]
        {
            "if", "if/else", "else if", "for", "while", "do", "foreach", "nested loop", "break", "continue",
            "early return in loop", "loop exit on a double comparison", "?:", "&&", "||", "!", "local array", "arrays swapped", "arrays swapped in a loop",
            "assign = in loop", "assign += in loop", "assign *= in loop", "assign /= in loop", "element = in loop", "element += in loop",
            "result Scalar", "result Array", "result SpanOutput", "result Tensor", "local tensor",
            "parameter Tensor rank 1", "parameter Tensor rank 2", "parameter Array", "parameter ReadOnlySpan", "parameter Int",
            "parameter ReadOnlySpan [NoGradient]", "parameter Real [NoGradient]", "call", "call with an array argument", "Math Abs", "Math Max", "Math Clamp", "Math Floor", "Math Stop", "unary -", "operator /",
            "int as double", "local assigned on every branch", "++ or -- on a double", "expression-bodied helper",
            "ref to a variable", "ref to an element", "ref readonly to an element", "index moved after a ref to its element", "update through a ref",
            "assignment used as a value", "compound assignment used as a value", "assignment chain", "++ or -- in an index",
            "++ or -- used as a value", "assignment in an if condition", "++ or -- in the index of an element written",
        };
        Assert.All(expected, construct => Assert.True(counts.GetValueOrDefault(construct) >= 10, $"'{construct}' appears in {counts.GetValueOrDefault(construct)} programs"));

        // The default run (without AUTODIFF_LONG_TESTS) checks fewer programs: still every construct.
        var defaultCounts = CountConstructs(RunSize.DefaultCount);
        Assert.All(counts.Keys, construct => Assert.True(defaultCounts.GetValueOrDefault(construct) >= 1,
            $"'{construct}' appears in none of the {RunSize.DefaultCount} programs of a default run"));
    }

    private static Dictionary<string, int> CountConstructs(int programs) =>
        RunPrograms(programs).SelectMany(Coverage.Of).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>The first <paramref name="count"/> programs of a run (the same seeds in every run).</summary>
    private static IEnumerable<RandomProgram> RunPrograms(int count) =>
        Enumerable.Range(0, count).Select(i => ProgramGenerator.Generate(RunSize.SeedOf(i / RunSize.BatchSize, i % RunSize.BatchSize)));
}
