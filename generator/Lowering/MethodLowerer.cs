using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SourceGen.Autodiff.Generator.Lowering;

/// <summary>Entry point of lowering: Roslyn syntax and symbols of one method to the model.</summary>
internal static class MethodLowerer
{
    public static LoweringResult Lower(IMethodSymbol method, MethodDeclarationSyntax syntax, SemanticModel semanticModel, CancellationToken cancellationToken)
        => new(null, ImmutableArray<Diagnostic>.Empty);
}
