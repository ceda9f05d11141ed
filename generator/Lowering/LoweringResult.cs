using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Lowering;

/// <summary>
/// What lowering one [Differentiable] method produced: the value-equal model when the method can
/// be differentiated, and the diagnostics (with real source locations) that explain why not.
/// The generator keeps only <see cref="Method"/>; the analyzer reports <see cref="Diagnostics"/>.
/// </summary>
internal sealed class LoweringResult
{
    public LoweringResult(MethodModel? method, ImmutableArray<Diagnostic> diagnostics)
    {
        Method = method;
        Diagnostics = diagnostics;
    }

    public MethodModel? Method { get; }

    public ImmutableArray<Diagnostic> Diagnostics { get; }
}
