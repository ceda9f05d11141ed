using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SourceGen.Autodiff.Generator.Lowering;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Analyzers;

/// <summary>
/// The names of the members the generator adds for one [Differentiable] method, read from the
/// contract the emitters use (<see cref="GeneratedMembers"/>) on the method's signature as the
/// generator reads it. A method whose signature cannot be differentiated gets no members.
/// </summary>
internal static class GeneratedMemberNames
{
    public static IEnumerable<string> For(IMethodSymbol method, MethodDeclarationSyntax syntax)
    {
        var signature = SignatureReader.Read(method, syntax, new List<Diagnostic>());
        return signature is null
            ? Enumerable.Empty<string>()
            : GeneratedMembers.Of(method.Name, signature.Parameters, signature.Result).All;
    }
}
