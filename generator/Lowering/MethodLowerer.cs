using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SourceGen.Autodiff.Generator.Diagnostics;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Lowering;

/// <summary>
/// Entry point of lowering, shared by the generator and the analyzer: Roslyn syntax and symbols
/// of one [Differentiable] method to its value-equal model, or diagnostics saying why not.
/// </summary>
internal static class MethodLowerer
{
    public static LoweringResult Lower(IMethodSymbol method, MethodDeclarationSyntax syntax, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var diagnostics = new List<Diagnostic>();
        // Code so broken that the method has no real type (<invalid-global-code>) is left to the compiler.
        if (method.ContainingType is null || method.ContainingType.IsImplicitlyDeclared || method.ContainingType.IsScriptClass)
        {
            return new LoweringResult(null, ImmutableArray<Diagnostic>.Empty);
        }
        // Code that does not compile yet (while the user types) gets the compiler's errors only:
        // our diagnostics would describe a method the user has not finished writing. Its members
        // stay (as stand-ins) so that its callers do not light up meanwhile.
        foreach (var diagnostic in semanticModel.GetDiagnostics(syntax.Span, cancellationToken))
        {
            if (diagnostic.Severity == DiagnosticSeverity.Error)
            {
                return new LoweringResult(null, ImmutableArray<Diagnostic>.Empty, StandIn(method, SignatureReader.Read(method, syntax, new List<Diagnostic>()), ""));
            }
        }
        // Overloads would get the same generated names; the analyzer reports DIFF013 for them.
        var overloads = method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>()
            .Count(m => m.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KnownTypes.DifferentiableAttribute));
        if (overloads > 1)
        {
            return new LoweringResult(null, ImmutableArray<Diagnostic>.Empty);
        }
        var signature = SignatureReader.Read(method, syntax, diagnostics);
        if (signature is null)
        {
            return new LoweringResult(null, diagnostics.ToImmutableArray());
        }
        var body = BodyLowerer.Lower(method, syntax, semanticModel, signature.Parameters, diagnostics, cancellationToken, out var resultIsVaried);
        if (body is null)
        {
            var firstError = diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error)?.Id ?? "";
            return new LoweringResult(null, diagnostics.ToImmutableArray(), StandIn(method, signature, firstError));
        }
        var model = new MethodModel(signature.Namespace, signature.ContainingTypes, method.Name, signature.Accessibility, signature.Parameters, signature.Result, body);
        if (body.HasControlFlow)
        {
            // Loops carry values backwards through the text: decide on the fixed point, not on one pass.
            resultIsVaried = Differentiation.FlowActivity.ResultIsVaried(model);
        }
        if (!resultIsVaried)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.ResultIndependentOfParameters, syntax.Identifier.GetLocation(), method.Name));
        }
        return new LoweringResult(model, diagnostics.ToImmutableArray());
    }

    /// <summary>The model of a method whose body cannot be differentiated: its signature, an empty body, and why.</summary>
    private static MethodModel? StandIn(IMethodSymbol method, SignatureReader.Signature? signature, string failedWith)
    {
        if (signature is null)
        {
            return null;
        }
        var body = new IR.MethodBody(EquatableArray<IR.Statement>.Empty, EquatableArray<string>.Empty, EquatableArray<IR.LocalVariable>.Empty, false);
        return new MethodModel(signature.Namespace, signature.ContainingTypes, method.Name, signature.Accessibility, signature.Parameters, signature.Result, body)
        {
            FailedWith = failedWith,
        };
    }
}
