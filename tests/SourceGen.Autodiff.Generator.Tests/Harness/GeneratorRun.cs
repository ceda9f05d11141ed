using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SourceGen.Autodiff.Generator.Tests.Harness;

/// <summary>What one run of the generator produced, and the compilation it left behind.</summary>
public sealed record GeneratorRun(
    Compilation InputCompilation,
    GeneratorDriver Driver,
    GeneratorDriverRunResult Result,
    Compilation OutputCompilation,
    ImmutableArray<Diagnostic> DriverDiagnostics)
{
    /// <summary>Generated sources by hint name, in the order the generator added them.</summary>
    public ImmutableArray<(string HintName, string Text)> Sources =>
        Result.Results.SelectMany(r => r.GeneratedSources).Select(s => (s.HintName, s.SourceText.ToString())).ToImmutableArray();

    /// <summary>Exceptions thrown by generators (each also surfaces as a CS8785 warning).</summary>
    public ImmutableArray<Exception> Exceptions =>
        Result.Results.Select(r => r.Exception).OfType<Exception>().ToImmutableArray();

    /// <summary>Diagnostics reported by the generator or by the driver about it (CS8785 for a crash).</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics =>
        Result.Diagnostics.Concat(DriverDiagnostics).Distinct().ToImmutableArray();

    /// <summary>Errors and warnings of the compilation with the generated sources added.</summary>
    public ImmutableArray<Diagnostic> OutputProblems =>
        OutputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();

    /// <summary>Every generated file, each after a line naming it when there are several.</summary>
    public string AllSources() =>
        Sources.Length == 1 ? Sources[0].Text : string.Concat(Sources.Select(s => $"// ===== {s.HintName} =====\n{s.Text}"));

    /// <summary>Exceptions and diagnostics, for failure messages.</summary>
    public string Describe() =>
        string.Join("\n", Exceptions.Select(e => "exception: " + e)
            .Concat(GeneratorDiagnostics.Select(d => "generator: " + d))
            .Concat(OutputProblems.Select(d => "output: " + d)));
}
