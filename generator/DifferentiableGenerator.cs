using System.Linq;
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
/// Methods that cannot be differentiated get stand-in members that throw, silently here: the
/// analyzer reports why, and call sites still compile so its errors are the only ones.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class DifferentiableGenerator : IIncrementalGenerator
{
    private readonly PassOptions _passes;

    public DifferentiableGenerator()
        : this(PassOptions.All)
    {
    }

    /// <summary>For tests only: the generator with some optimization passes switched off.</summary>
    internal DifferentiableGenerator(PassOptions passes) => _passes = passes;

    /// <summary>Tracking names of the pipeline's steps, for incrementality tests.</summary>
    public static class TrackingNames
    {
        public const string Methods = nameof(Methods);
        public const string Differentiable = nameof(Differentiable);
        public const string HintNames = nameof(HintNames);
        public const string Sources = nameof(Sources);
    }

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var methods = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypes.DifferentiableAttribute,
                predicate: static (node, _) => node is MethodDeclarationSyntax,
                transform: static (ctx, ct) => ctx.TargetSymbol is IMethodSymbol symbol
                    ? MethodLowerer.Lower(symbol, (MethodDeclarationSyntax)ctx.TargetNode, ctx.SemanticModel, ct) is var lowered ? lowered.Method ?? lowered.StandIn : null
                    : null)
            .WithTrackingName(TrackingNames.Methods);

        var differentiable = methods
            .Where(static m => m is not null)
            .Select(static (m, _) => m!)
            .WithTrackingName(TrackingNames.Differentiable);

        // Hint names are compared ignoring case (F and f would clash): those that clash get a suffix.
        var clashingHintNames = differentiable
            .Select(static (method, _) => method.HintName)
            .Collect()
            .Select(static (names, _) => names.GroupBy(n => n, System.StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).SelectMany(g => g).Distinct().OrderBy(n => n, System.StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.HintNames);

        var passes = _passes;
        var sources = differentiable
            .Combine(clashingHintNames)
            .Select((pair, _) => new GeneratedSource(UniqueHintName(pair.Left.HintName, pair.Right), Emit(pair.Left, passes)))
            .WithTrackingName(TrackingNames.Sources);

        context.RegisterSourceOutput(sources, static (spc, source) => spc.AddSource(source.HintName, source.Text));
    }

    private static string Emit(MethodModel method, PassOptions passes) =>
        method.FailedWith is not null ? StandInEmitter.Emit(method)
        : SourceEmitter.Emit(DifferentiationPipeline.Differentiate(method, passes));

    /// <summary>A clashing name gets the positions of its upper-case letters, which differ between names equal ignoring case.</summary>
    private static string UniqueHintName(string hintName, EquatableArray<string> clashing)
    {
        if (!clashing.Contains(hintName))
        {
            return hintName;
        }
        var upper = string.Join("-", hintName.Select((c, i) => (c, i)).Where(p => char.IsUpper(p.c)).Select(p => p.i));
        return hintName.Substring(0, hintName.Length - ".g.cs".Length) + ".U" + (upper.Length == 0 ? "none" : upper) + ".g.cs";
    }
}
