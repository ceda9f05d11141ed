using System;

namespace SourceGen.Autodiff.Generator.Tests;

/// <summary>
/// The one switch for the long suites: <c>AUTODIFF_LONG_TESTS=1</c> (CI sets it in <c>.ci/run</c>)
/// checks 10,000 random programs instead of 100, every line prefix of every source unit instead of
/// at most <see cref="Robustness.SourceUnits.DefaultPrefixesPerUnit"/> evenly spaced ones, and three
/// batches of mutations instead of one. The random programs dominate a long run: 500 took about
/// 30 s on two idle cores, so 10,000 take about 10 minutes. <c>AUTODIFF_RANDOM_PROGRAMS=n</c> still
/// overrides the number of random programs either way.
/// </summary>
public static class LongTests
{
    public const string Variable = "AUTODIFF_LONG_TESTS";

    public static bool Enabled => Environment.GetEnvironmentVariable(Variable) == "1";
}
