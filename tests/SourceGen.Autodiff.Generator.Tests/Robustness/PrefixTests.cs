using Xunit;
using Xunit.Abstractions;

namespace SourceGen.Autodiff.Generator.Tests.Robustness;

/// <summary>
/// Issue 4, "never breaks while you type": every line prefix of every test and sample source (large
/// files one [Differentiable] method at a time, see <see cref="SourceUnits"/>; evenly spaced
/// prefixes unless the <see cref="LongTests"/> switch is on), and every token prefix of three small
/// ones, through the generator and the analyzer.
/// </summary>
public sealed class PrefixTests
{
    private readonly ITestOutputHelper _output;

    public PrefixTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [MemberData(nameof(SourceCorpus.Names), MemberType = typeof(SourceCorpus))]
    public void Every_line_prefix_runs_without_exception_within_the_time_bound(string source)
    {
        foreach (var unit in SourceCorpus.UnitsOf(source))
        {
            var outcome = TypingSession.Type(unit.Label, TypingSession.LinePrefixes(unit.Text, unit.PrefixStride), unit.Options);

            _output.WriteLine($"{unit.Label}: {outcome.Summary()}");
            Assert.True(outcome.Failures.Count == 0, outcome.Report());
        }
    }

    [Theory]
    [InlineData("TensorZerosResult")]
    [InlineData("ContractLoss")]
    [InlineData("TensorSum")]
    public void Every_token_prefix_runs_without_exception_within_the_time_bound(string caseName)
    {
        var source = "case:" + caseName;
        var outcome = TypingSession.Type(source, TypingSession.TokenPrefixes(SourceCorpus.Read(source)));

        _output.WriteLine(outcome.Summary());
        Assert.True(outcome.Failures.Count == 0, outcome.Report());
    }
}
