using Microsoft.CodeAnalysis;

namespace SourceGen.Autodiff.Generator;

/// <summary>The incremental pipeline: [Differentiable] methods to generated backward methods.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class DifferentiableGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
    }
}
