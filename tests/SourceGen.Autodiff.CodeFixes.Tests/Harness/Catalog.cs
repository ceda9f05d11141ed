using System.Linq;
using Microsoft.CodeAnalysis;
using SourceGen.Autodiff.Generator.Analyzers;

namespace SourceGen.Autodiff.CodeFixes.Tests.Harness;

/// <summary>The analyzer's descriptors, by ID, to create the diagnostics a fix is given.</summary>
public static class Catalog
{
    public static DiagnosticDescriptor Descriptor(string id) =>
        new DifferentiableAnalyzer().SupportedDiagnostics.Single(d => d.Id == id);
}
