using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace SourceGen.Autodiff.Generator.Tests.Harness;

/// <summary>
/// A compilation emitted to memory and loaded into a collectible AssemblyLoadContext, so tests
/// can call generated methods by reflection and the assembly is unloaded afterwards. The
/// runtime (SourceGen.Autodiff) resolves to the test's own copy, so Tensor values cross freely.
/// </summary>
public sealed class LoadedAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private LoadedAssembly(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    public static LoadedAssembly Load(Compilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);
            throw new InvalidOperationException("Emit failed:\n" + string.Join("\n", errors));
        }
        image.Position = 0;
        var context = new AssemblyLoadContext("GeneratorTest-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return new LoadedAssembly(context, context.LoadFromStream(image));
    }

    public Type GetType(string fullName) =>
        Assembly.GetType(fullName, throwOnError: true)!;

    public void Dispose() => _context.Unload();
}
