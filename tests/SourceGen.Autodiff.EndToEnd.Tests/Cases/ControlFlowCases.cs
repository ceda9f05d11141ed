using SourceGen.Autodiff.EndToEnd.Tests.Corpus;
using SourceGen.Autodiff.EndToEnd.Tests.Harness;

namespace SourceGen.Autodiff.EndToEnd.Tests.Cases;

/// <summary>The <see cref="ControlFlowCorpus"/> methods as <see cref="DiffCase"/>s: branches, then loops.</summary>
public static partial class ControlFlowCases
{
    // Computed on access: partial files' static initializers run in no defined order.
    public static DiffCase[] All => [.. Branches, .. Loops];
}
