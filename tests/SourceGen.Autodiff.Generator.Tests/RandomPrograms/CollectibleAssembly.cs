using System;
using System.Collections.Immutable;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace SourceGen.Autodiff.Generator.Tests.RandomPrograms;

/// <summary>
/// Emits a compilation and, when it has no errors, loads it into a collectible
/// AssemblyLoadContext. Unlike Harness/LoadedAssembly it hands back the errors instead of
/// throwing, so one emit both checks and builds a batch (binding every method twice, once for
/// GetDiagnostics and once for Emit, doubled the time of a batch).
/// </summary>
public sealed class CollectibleAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private CollectibleAssembly(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    /// <summary>The loaded assembly, or null and the errors.</summary>
    public static CollectibleAssembly? TryLoad(Compilation compilation, out ImmutableArray<Diagnostic> errors)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        errors = emitted.Diagnostics.RemoveAll(d => d.Severity != DiagnosticSeverity.Error);
        if (!emitted.Success)
        {
            return null;
        }
        image.Position = 0;
        var context = new AssemblyLoadContext("RandomPrograms-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return new CollectibleAssembly(context, context.LoadFromStream(image));
    }

    public void Dispose() => _context.Unload();
}
