using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SourceGen.Autodiff.Generator.Tests.Diagnostics;

/// <summary>
/// Gives a compilation the per-file severities of an .editorconfig, as the command-line
/// compiler does (it turns the analyzer config set into a SyntaxTreeOptionsProvider).
/// </summary>
internal sealed class EditorConfigSeverities : SyntaxTreeOptionsProvider
{
    private readonly SyntaxTree _tree;
    private readonly ImmutableDictionary<string, ReportDiagnostic> _severities;

    private EditorConfigSeverities(SyntaxTree tree, ImmutableDictionary<string, ReportDiagnostic> severities)
    {
        _tree = tree;
        _severities = severities;
    }

    /// <summary>Reads <paramref name="editorConfig"/> as /src/.editorconfig and applies it to <paramref name="tree"/>.</summary>
    public static EditorConfigSeverities Create(string editorConfig, SyntaxTree tree)
    {
        AnalyzerConfig config = AnalyzerConfig.Parse(editorConfig, "/src/.editorconfig");
        AnalyzerConfigSet set = AnalyzerConfigSet.Create(ImmutableArray.Create(config));
        return new EditorConfigSeverities(tree, set.GetOptionsForSourcePath(tree.FilePath).TreeOptions);
    }

    public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

    public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
    {
        severity = default;
        return tree == _tree && _severities.TryGetValue(diagnosticId, out severity);
    }

    public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
    {
        severity = default;
        return false;
    }
}
