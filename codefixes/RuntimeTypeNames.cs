using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SourceGen.Autodiff.CodeFixes;

/// <summary>
/// How fixed code names a runtime type (Gradient, Seed, Tensor) at a position: by its simple
/// name when that already means the runtime type or means nothing yet (then the file gets
/// 'using SourceGen.Autodiff;'), and fully qualified when the simple name means something else.
/// Decided here, explicitly, so the fixed text is the same in every host.
/// </summary>
internal sealed class RuntimeTypeNames
{
    private readonly SemanticModel _model;
    private readonly int _position;

    public RuntimeTypeNames(SemanticModel model, int position)
    {
        _model = model;
        _position = position;
    }

    /// <summary>True once a simple name was handed out that needs the using directive.</summary>
    public bool NeedsUsing { get; private set; }

    /// <summary>The expression naming <c>SourceGen.Autodiff.{simpleName}</c>, as text.</summary>
    public string Name(string simpleName)
    {
        var visible = _model.LookupNamespacesAndTypes(_position, name: simpleName);
        if (visible.IsEmpty)
        {
            NeedsUsing = true;
            return simpleName;
        }

        bool isRuntimeType = visible.Length == 1 && visible[0].ToDisplayString() == AutodiffNames.Namespace + "." + simpleName;
        return isRuntimeType ? simpleName : "global::" + AutodiffNames.Namespace + "." + simpleName;
    }

    /// <summary>Parses <c>Name(simpleName).member</c>.</summary>
    public ExpressionSyntax Member(string simpleName, string member) =>
        SyntaxFactory.ParseExpression(Name(simpleName) + "." + member);

    /// <summary>Adds 'using SourceGen.Autodiff;' to the file when <see cref="NeedsUsing"/>.</summary>
    public SyntaxNode AddUsingIfNeeded(SyntaxNode root) =>
        NeedsUsing && root is CompilationUnitSyntax unit ? UsingDirectiveInsertion.Add(unit, AutodiffNames.Namespace) : root;

    public static bool IsNamespaceImported(CompilationUnitSyntax unit, string name) =>
        unit.Usings.Any(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == name);
}
