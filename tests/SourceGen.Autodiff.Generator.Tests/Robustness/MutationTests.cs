using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace SourceGen.Autodiff.Generator.Tests.Robustness;

/// <summary>
/// Issue 4: randomly mutated sources (seeded, so a failure names the seed that reproduces it)
/// through the generator and the analyzer, each with a fresh driver.
/// </summary>
public sealed class MutationTests
{
    /// <summary>Three batches with the <see cref="LongTests"/> switch, one without.</summary>
    public static int Batches => LongTests.Enabled ? 3 : 1;
    public const int PerBatch = 100;
    private const int BaseSeed = 20_260_401;

    private readonly ITestOutputHelper _output;

    public MutationTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<int> BatchNumbers() => new(Enumerable.Range(0, Batches));

    [Theory]
    [MemberData(nameof(BatchNumbers))]
    public void Mutated_sources_run_without_exception_within_the_time_bound(int batch)
    {
        var corpus = SourceCorpus.AllUnits();
        // One set of parse options for all: every feature switch any unit tests is on.
        var options = SourceUnits.OptionsFor(string.Join("\n", corpus.Select(unit => unit.Text)));
        var outcome = TypingSession.Type("mutation", Mutations(corpus, batch), options, incremental: false);

        _output.WriteLine($"Mutations of {corpus.Count} source units, seeds {BaseSeed + batch * PerBatch}..{BaseSeed + (batch + 1) * PerBatch - 1}: {outcome.Summary()}");
        Assert.True(outcome.Failures.Count == 0, outcome.Report());
    }

    /// <summary>The batch's mutations, each of a unit drawn at random.</summary>
    private static IEnumerable<(string Label, string Text)> Mutations(IReadOnlyList<SourceUnits.Unit> corpus, int batch)
    {
        for (var i = 0; i < PerBatch; i++)
        {
            var seed = BaseSeed + batch * PerBatch + i;
            var random = new Random(seed);
            var unit = corpus[random.Next(corpus.Count)];
            var mutation = Mutator.Mutate(unit.Text, random);
            yield return ($"seed {seed}: {unit.Label} with {string.Join("; ", mutation.Edits)}", mutation.Text);
        }
    }
}
