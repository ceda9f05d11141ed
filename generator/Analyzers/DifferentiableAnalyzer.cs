using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SourceGen.Autodiff.Generator.Diagnostics;
using SourceGen.Autodiff.Generator.Lowering;

namespace SourceGen.Autodiff.Generator.Analyzers;

/// <summary>
/// Reports why a [Differentiable] method cannot be differentiated. The generator itself reports
/// nothing (editors do not show generator diagnostics, and a cached model could be stale); this
/// analyzer runs the same lowering on the current compilation, so its diagnostics always match
/// what the user sees, carry real locations, and honour #pragma and .editorconfig.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DifferentiableAnalyzer : DiagnosticAnalyzer
{
    private const string DifferentiableAttributeName = "SourceGen.Autodiff.DifferentiableAttribute";

    /// <summary>
    /// Every descriptor of the catalog except DIFF007, which the C# compiler reports itself
    /// through the [Obsolete(DiagnosticId = "DIFF007")] the generator puts on a non-scalar MGradient.
    /// </summary>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ContainingTypeNotPartial,
        DiagnosticDescriptors.MethodNotStatic,
        DiagnosticDescriptors.UnsupportedParameterType,
        DiagnosticDescriptors.UnsupportedReturnType,
        DiagnosticDescriptors.UnsupportedStatement,
        DiagnosticDescriptors.UnsupportedExpression,
        DiagnosticDescriptors.CallWithoutDerivative,
        DiagnosticDescriptors.ZeroDerivative,
        DiagnosticDescriptors.WriteToInput,
        DiagnosticDescriptors.ResultIndependentOfParameters,
        DiagnosticDescriptors.GeneratedNameCollision,
        DiagnosticDescriptors.DerivativeSignatureMismatch,
        DiagnosticDescriptors.UnsupportedMethodShape,
        DiagnosticDescriptors.CalleeNotDifferentiable);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        // Without the runtime reference there is no [Differentiable] method to look at.
        if (context.Compilation.GetTypeByMetadataName(DifferentiableAttributeName) is not { } attribute)
        {
            return;
        }

        var reporter = new FilteredReporter(SupportedDiagnostics, context.Compilation);
        context.RegisterSyntaxNodeAction(
            nodeContext => AnalyzeMethod(nodeContext, attribute, reporter),
            SyntaxKind.MethodDeclaration);
    }

    private static void AnalyzeMethod(SyntaxNodeAnalysisContext context, INamedTypeSymbol attribute, FilteredReporter reporter)
    {
        var syntax = (MethodDeclarationSyntax)context.Node;
        if (syntax.AttributeLists.Count == 0
            || context.SemanticModel.GetDeclaredSymbol(syntax, context.CancellationToken) is not { } method)
        {
            return;
        }
        CheckUserDerivative(context, method, syntax, reporter);
        if (!DifferentiableAttributeLookup.IsAppliedOn(method, syntax, attribute))
        {
            return;
        }

        LoweringResult lowered = MethodLowerer.Lower(method, syntax, context.SemanticModel, context.CancellationToken);
        foreach (Diagnostic diagnostic in lowered.Diagnostics)
        {
            reporter.Report(context, diagnostic);
        }

        foreach (Diagnostic diagnostic in GeneratedNameCollisions.Find(method, syntax, attribute, context.CancellationToken))
        {
            reporter.Report(context, diagnostic);
        }
    }

    /// <summary>DIFF014: a [DerivativeOf] method must name an existing method and have its VJP signature.</summary>
    private static void CheckUserDerivative(SyntaxNodeAnalysisContext context, IMethodSymbol method, MethodDeclarationSyntax syntax, FilteredReporter reporter)
    {
        var registered = false;
        foreach (var a in method.GetAttributes())
        {
            registered |= a.AttributeClass?.ToDisplayString() == UserDerivatives.AttributeName;
        }
        if (registered && UserDerivatives.Resolve(method, out _) is { } problem)
        {
            reporter.Report(context, Diagnostic.Create(DiagnosticDescriptors.DerivativeSignatureMismatch, syntax.Identifier.GetLocation(), method.Name, problem));
        }
    }
}
