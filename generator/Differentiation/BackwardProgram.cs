using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Differentiation;

/// <summary>
/// The differentiated method, ready to print: the forward sweep (the original body, with
/// values the reverse sweep reuses given names), the reverse sweep, and which forward values
/// the reverse sweep reads (a pullback object keeps exactly those).
/// </summary>
internal sealed record BackwardProgram(
    MethodModel Method,
    EquatableArray<Statement> Forward,
    EquatableArray<BackwardStatement> Reverse,
    EquatableArray<string> CapturedValues,
    string? ResultName)
{
    /// <summary>Methods with branches or loops: the forward sweep records on a tape that the reverse sweep reads.</summary>
    public bool UsesTape { get; init; }

    /// <summary>The sweeps push, pop or take scratch buffers: a tape is rented (a method whose loops all run backwards from their bounds needs none).</summary>
    public bool NeedsTape { get; init; }

    /// <summary>With a tape: every scalar local of the forward sweep, declared before it (the reverse sweep reads them too).</summary>
    public EquatableArray<LocalVariable> ForwardLocals { get; init; } = EquatableArray<LocalVariable>.Empty;

    /// <summary>With a tape: the forward sweep returns from inside branches or loops (jumps to the reverse sweep).</summary>
    public bool HasEarlyReturn { get; init; }

    /// <summary>
    /// The Backward method's program with a loop fused (its iterations reversed as they run), where
    /// the loop allows it; the pullback and the taped entry points always use this program.
    /// </summary>
    public BackwardProgram? FusedBackward { get; init; }

    /// <summary>Records go to the Backward method's own spans, not the tape object (<see cref="LocalRecords"/>).</summary>
    public bool LocalRecords { get; init; }

    /// <summary>The forward sweep carries the derivatives of the scalar inputs as tangents (<see cref="TangentMode"/>).</summary>
    public bool Tangents { get; init; }
}
