using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SourceGen.Autodiff.Generator.Diagnostics;

namespace SourceGen.Autodiff.Generator.Analyzers;

/// <summary>
/// DIFF013: a member the generator would add for a [Differentiable] method already exists in
/// the type because the user declared it, or because another [Differentiable] method of the same
/// name gets it too. Members from this generator's own output are not collisions (they are what
/// the generator added); whatever other generators produced is.
/// </summary>
internal static class GeneratedNameCollisions
{
    /// <summary>
    /// Generated trees live under "{assembly}/{generator type}/{hint name}" (Roslyn's convention,
    /// the same in the IDE and on the command line), so this segment identifies our output.
    /// </summary>
    private static readonly string OwnOutputFolder = typeof(DifferentiableGenerator).FullName!;

    public static IEnumerable<Diagnostic> Find(IMethodSymbol method, MethodDeclarationSyntax syntax, INamedTypeSymbol differentiableAttribute, CancellationToken cancellationToken)
    {
        INamedTypeSymbol type = method.ContainingType;
        foreach (string name in GeneratedMemberNames.For(method, syntax))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (ISymbol member in type.GetMembers(name))
            {
                if (IsDeclaredByUser(member))
                {
                    yield return Collision(name, method, syntax);
                    break;
                }
            }
        }

        // Two [Differentiable] overloads of one name would both get the nested class
        // MPullbackResult (and the same generated file), whatever their parameters.
        if (HasDifferentiableOverload(method, differentiableAttribute))
        {
            yield return Collision(Model.GeneratedMembers.PullbackResultName(method.Name), method, syntax);
        }
    }

    private static Diagnostic Collision(string name, IMethodSymbol method, MethodDeclarationSyntax syntax) =>
        Diagnostic.Create(DiagnosticDescriptors.GeneratedNameCollision, syntax.Identifier.GetLocation(), name, method.ContainingType.Name, method.Name);

    private static bool HasDifferentiableOverload(IMethodSymbol method, INamedTypeSymbol differentiableAttribute)
    {
        foreach (ISymbol member in method.ContainingType.GetMembers(method.Name))
        {
            if (member is IMethodSymbol other
                && !SymbolEqualityComparer.Default.Equals(other.OriginalDefinition, method.OriginalDefinition)
                && !SymbolEqualityComparer.Default.Equals(other.PartialImplementationPart, method)
                && !SymbolEqualityComparer.Default.Equals(other.PartialDefinitionPart, method)
                && DifferentiableAttributeLookup.Has(other, differentiableAttribute))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDeclaredByUser(ISymbol member)
    {
        if (member.IsImplicitlyDeclared)
        {
            return false;
        }

        foreach (SyntaxReference reference in member.DeclaringSyntaxReferences)
        {
            if (!IsOwnGeneratedTree(reference.SyntaxTree))
            {
                return true;
            }
        }

        // Metadata-only members (from a base class) have no declarations and are not in this type.
        return false;
    }

    private static bool IsOwnGeneratedTree(SyntaxTree tree)
    {
        string path = tree.FilePath.Replace('\\', '/');
        return path.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase)
            && path.IndexOf("/" + OwnOutputFolder + "/", StringComparison.Ordinal) >= 0;
    }
}
