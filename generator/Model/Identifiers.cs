using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace SourceGen.Autodiff.Generator.Model;

/// <summary>
/// C# identifiers in generated code: keywords get their '@', names derived from a user's name
/// drop it (@double's buffer is doubleGrad), and the names the generated code itself declares
/// are kept away from the user's parameters.
/// </summary>
internal static class Identifiers
{
    /// <summary>Names every generated method or pullback declares itself, whatever the method.</summary>
    public static readonly IReadOnlyList<string> Generated = new[] { "seed", "tape", "reader", "tapeValues", "tapeCount", "tapeDecisions", "tapeDecisionCount", "Value", "Backward", "outputLength" };

    /// <summary>Suffixes of names derived from a parameter's name (its gradient buffer, its span in elementwise loops).</summary>
    public static readonly IReadOnlyList<string> DerivedSuffixes = new[] { "Grad", "Values" };

    public static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    public static string Unescape(string name) => name.TrimStart('@');

    /// <summary>A name derived from a (possibly escaped) name: <c>@double</c> + Grad is <c>doubleGrad</c>.</summary>
    public static string Derive(string name, string suffix) => Escape(Unescape(name) + suffix);

    /// <summary>Whether a user's name would collide with a generated name in a method with these parameters.</summary>
    public static bool IsReserved(string name, IEnumerable<string> parameterNames) =>
        Generated.Contains(name) || parameterNames.Any(p => DerivedSuffixes.Any(s => Derive(p, s) == name));
}
