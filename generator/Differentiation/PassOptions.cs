using System.Collections.Generic;

namespace SourceGen.Autodiff.Generator.Differentiation;

/// <summary>
/// Which optimization passes of <see cref="DifferentiationPipeline"/> run. All are on in the
/// generator users get; tests switch one off (through the generator's internal constructor) to
/// check that the code without it is still exact and that the pass changes what it should.
/// Nothing in user code can reach these switches.
/// </summary>
internal sealed record PassOptions(
    bool FusedSums = true,
    bool LoopFusion = true,
    bool Tangents = true,
    bool TidyAdjoints = true,
    bool InPlaceSelfUpdates = true,
    bool LocalRecords = true,
    bool RecomputeScratch = true,
    bool InvariantAccumulators = true)
{
    public static readonly PassOptions All = new();

    /// <summary>Each pass switched off alone, by name (for tests).</summary>
    public static IReadOnlyList<(string Pass, PassOptions Options)> EachOff { get; } = new[]
    {
        (nameof(FusedSums), All with { FusedSums = false }),
        (nameof(LoopFusion), All with { LoopFusion = false }),
        (nameof(Tangents), All with { Tangents = false }),
        (nameof(TidyAdjoints), All with { TidyAdjoints = false }),
        (nameof(InPlaceSelfUpdates), All with { InPlaceSelfUpdates = false }),
        (nameof(LocalRecords), All with { LocalRecords = false }),
        (nameof(RecomputeScratch), All with { RecomputeScratch = false }),
        (nameof(InvariantAccumulators), All with { InvariantAccumulators = false }),
    };
}
