using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SourceGen.Autodiff.Generator.Differentiation;
using SourceGen.Autodiff.Generator.Emission;
using SourceGen.Autodiff.Generator.Lowering;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator;

/// <summary>
/// The incremental pipeline, and nothing else: [Differentiable] methods are lowered to
/// value-equal models (cached while unchanged), differentiated, and printed one file each.
/// Methods that cannot be differentiated are skipped silently here: the analyzer reports why.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class DifferentiableGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline's steps, for incrementality tests.</summary>
    public static class TrackingNames
    {
        public const string Methods = nameof(Methods);
        public const string Differentiable = nameof(Differentiable);
        public const string Sources = nameof(Sources);
    }

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var methods = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypes.DifferentiableAttribute,
                predicate: static (node, _) => node is MethodDeclarationSyntax,
                transform: static (ctx, ct) => ctx.TargetSymbol is IMethodSymbol symbol
                    ? MethodLowerer.Lower(symbol, (MethodDeclarationSyntax)ctx.TargetNode, ctx.SemanticModel, ct).Method
                    : null)
            .WithTrackingName(TrackingNames.Methods);

        var differentiable = methods
            .Where(static m => m is not null)
            .Select(static (m, _) => m!)
            .WithTrackingName(TrackingNames.Differentiable);

        var sources = differentiable
            .Select(static (method, _) => new GeneratedSource(method.HintName, SourceEmitter.Emit(method.Body.HasControlFlow ? FlowReverseMode.Differentiate(method) : ReverseMode.Differentiate(method))))
            .WithTrackingName(TrackingNames.Sources);

        context.RegisterSourceOutput(sources, static (spc, source) => spc.AddSource(source.HintName, source.Text));
    }
}
