using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SourceGen.Autodiff.Generator.Analyzers;

/// <summary>
/// Reports a diagnostic only when Roslyn would accept it: an ID the analyzer declares and a
/// location inside the analysed compilation. Roslyn throws (AD0001) on anything else, and an
/// analyzer crash would hide every other diagnostic of the method.
/// </summary>
internal sealed class FilteredReporter
{
    private readonly HashSet<string> _supportedIds = new();
    private readonly Compilation _compilation;

    public FilteredReporter(ImmutableArray<DiagnosticDescriptor> supported, Compilation compilation)
    {
        foreach (DiagnosticDescriptor descriptor in supported)
        {
            _supportedIds.Add(descriptor.Id);
        }

        _compilation = compilation;
    }

    public void Report(SyntaxNodeAnalysisContext context, Diagnostic diagnostic)
    {
        if (!_supportedIds.Contains(diagnostic.Id))
        {
            return;
        }

        if (diagnostic.Location.SourceTree is { } tree && !_compilation.ContainsSyntaxTree(tree))
        {
            return;
        }

        context.ReportDiagnostic(diagnostic);
    }
}
