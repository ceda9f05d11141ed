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
    public const int Batches = 3;
    public const int PerBatch = 100;
    private const int BaseSeed = 20_260_401;

    private readonly ITestOutputHelper _output;

    public MutationTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<int> BatchNumbers() => new(Enumerable.Range(0, Batches));

    [Theory]
    [MemberData(nameof(BatchNumbers))]
    public void Mutated_sources_run_without_exception_within_the_time_bound(int batch)
    {
        var corpus = SourceCorpus.All();
        var mutations = new List<(string Label, string Text)>();
        for (var i = 0; i < PerBatch; i++)
        {
            var seed = BaseSeed + batch * PerBatch + i;
            var random = new Random(seed);
            var (name, text) = corpus[random.Next(corpus.Count)];
            var mutation = Mutator.Mutate(text, random);
            mutations.Add(($"seed {seed}: {name} with {string.Join("; ", mutation.Edits)}", mutation.Text));
        }

        var outcome = TypingSession.Type("mutation", mutations, incremental: false);

        _output.WriteLine($"Mutations of {corpus.Count} sources, seeds {BaseSeed + batch * PerBatch}..{BaseSeed + (batch + 1) * PerBatch - 1}: {outcome.Summary()}");
        Assert.True(outcome.Failures.Count == 0, outcome.Report());
    }
}
