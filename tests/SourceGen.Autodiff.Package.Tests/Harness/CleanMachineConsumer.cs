using System;
using System.Collections.Generic;
using System.IO;

namespace SourceGen.Autodiff.Package.Tests.Harness;

/// <summary>
/// A consumer set up as the README's package route says, on what looks to NuGet like a clean
/// machine: an empty global packages folder (NUGET_PACKAGES), a nuget.config made by
/// `dotnet new nugetconfig` and `dotnet nuget add source`, then `dotnet add package` without
/// --source. To run offline, nuget.org in that config is replaced by a folder holding the one
/// package the consumer needs besides ours, System.Numerics.Tensors, copied from this machine's
/// package cache; everything else restore needs comes with the SDK.
/// </summary>
internal sealed class CleanMachineConsumer : IDisposable
{
    private const string ProjectName = "AutodiffCleanConsumer";
    private const string DependencyId = "system.numerics.tensors";

    private readonly TempDirectory _root = new("sourcegen-autodiff-clean");
    private readonly Dictionary<string, string> _environment;

    private CleanMachineConsumer()
    {
        Directory = _root.Combine(ProjectName);
        PackagesFolder = _root.Combine("empty-nuget-cache");
        DependencyFeed = _root.Combine("dependency-feed");
        System.IO.Directory.CreateDirectory(PackagesFolder);
        System.IO.Directory.CreateDirectory(DependencyFeed);
        _environment = new() { ["NUGET_PACKAGES"] = PackagesFolder };
    }

    public string Directory { get; }

    /// <summary>The global packages folder the consumer restores into; empty at the start.</summary>
    public string PackagesFolder { get; }

    private string DependencyFeed { get; }

    /// <summary>Sets the consumer up; returns the first step that failed, if any.</summary>
    public static (CleanMachineConsumer App, CommandResult? Failure) Create(PackedPackage package, string dependencyVersion)
    {
        var app = new CleanMachineConsumer();
        var cached = Path.Combine(PackedPackage.GlobalPackagesFolder(), DependencyId, dependencyVersion, $"{DependencyId}.{dependencyVersion}.nupkg");
        if (!File.Exists(cached))
        {
            return (app, new CommandResult("(copy the dependency)", -1, $"{cached} is not in this machine's package cache; restore the solution first"));
        }
        File.Copy(cached, Path.Combine(app.DependencyFeed, Path.GetFileName(cached)));

        string[][] steps =
        [
            ["new", "console", "-n", ProjectName, "-o", app.Directory, "--framework", "net10.0"],
            ["new", "nugetconfig", "-o", app.Directory],
            ["nuget", "remove", "source", "nuget", "--configfile", "nuget.config"],
            ["nuget", "add", "source", app.DependencyFeed, "--name", "dependencies", "--configfile", "nuget.config"],
            ["nuget", "add", "source", package.FeedDirectory, "--name", "autodiff-local", "--configfile", "nuget.config"],
            ["add", "package", PackedPackage.Id, "--version", package.Version],
        ];
        foreach (var step in steps)
        {
            var result = DotnetCli.RunWith(app._environment, step[0] == "new" && step[1] == "console" ? app._root.Path : app.Directory, step);
            if (!result.Succeeded) return (app, result);
        }
        return (app, null);
    }

    public void WriteProgram(string source) => File.WriteAllText(Path.Combine(Directory, "Program.cs"), source);

    public CommandResult Build() => DotnetCli.RunWith(_environment, Directory, "build", "--disable-build-servers");

    public CommandResult Run() => DotnetCli.RunWith(_environment, Directory, "run", "--no-build");

    public string NugetConfig => File.ReadAllText(Path.Combine(Directory, "nuget.config"));

    public void Dispose() => _root.Dispose();
}
