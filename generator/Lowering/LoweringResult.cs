using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Lowering;

/// <summary>
/// What lowering one [Differentiable] method produced: the value-equal model when the method can
/// be differentiated, and the diagnostics (with real source locations) that explain why not.
/// The generator keeps <see cref="Method"/> (or <see cref="StandIn"/>); the analyzer reports <see cref="Diagnostics"/>.
/// </summary>
internal sealed class LoweringResult
{
    public LoweringResult(MethodModel? method, ImmutableArray<Diagnostic> diagnostics, MethodModel? standIn = null)
    {
        Method = method;
        Diagnostics = diagnostics;
        StandIn = standIn;
    }

    public MethodModel? Method { get; }

    /// <summary>
    /// When <see cref="Method"/> is null but the signature could be read: the model whose
    /// members the generator emits as throwing stand-ins (<see cref="MethodModel.FailedWith"/> set).
    /// </summary>
    public MethodModel? StandIn { get; }

    public ImmutableArray<Diagnostic> Diagnostics { get; }
}
