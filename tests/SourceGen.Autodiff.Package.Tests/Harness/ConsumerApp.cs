using System;
using System.IO;
using System.Security;

namespace SourceGen.Autodiff.Package.Tests.Harness;

/// <summary>
/// A fresh console project in a temporary folder that uses the packed package the way a user
/// would: `dotnet new console`, a nuget.config naming the local folder feed (the machine's
/// default sources stay, so System.Numerics.Tensors restores), `dotnet add package`.
/// </summary>
internal sealed class ConsumerApp : IDisposable
{
    private const string ProjectName = "AutodiffConsumer";

    private readonly TempDirectory _root = new("sourcegen-autodiff-consumer");

    private ConsumerApp() => Directory = _root.Combine(ProjectName);

    public string Directory { get; }

    public string ProgramPath => Path.Combine(Directory, "Program.cs");

    /// <summary>Creates the project and adds the package; returns the first step that failed, if any.</summary>
    public static (ConsumerApp App, CommandResult? Failure) Create(PackedPackage package)
    {
        var app = new ConsumerApp();
        var created = DotnetCli.Run(app._root.Path, "new", "console", "-n", ProjectName, "-o", app.Directory, "--framework", "net10.0");
        if (!created.Succeeded) return (app, created);

        File.WriteAllText(Path.Combine(app.Directory, "nuget.config"), NugetConfig(package.FeedDirectory));
        var added = DotnetCli.Run(app.Directory,
            "add", "package", PackedPackage.Id, "--version", package.Version, "--source", package.FeedDirectory);
        return (app, added.Succeeded ? null : added);
    }

    public void WriteProgram(string source) => File.WriteAllText(ProgramPath, source);

    /// <summary>Builds with the generated files written to disk, so a test can look at them.</summary>
    public CommandResult Build() =>
        DotnetCli.Run(Directory, "build", "--disable-build-servers", "-p:EmitCompilerGeneratedFiles=true");

    public CommandResult Run() => DotnetCli.Run(Directory, "run", "--no-build");

    /// <summary>The generated source files the build wrote under obj/ (EmitCompilerGeneratedFiles).</summary>
    public string[] GeneratedFiles()
    {
        var obj = Path.Combine(Directory, "obj");
        return System.IO.Directory.Exists(obj)
            ? System.IO.Directory.GetFiles(obj, "*.g.cs", SearchOption.AllDirectories)
            : [];
    }

    public void Dispose() => _root.Dispose();

    private static string NugetConfig(string feed) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="sourcegen-autodiff-local" value="{SecurityElement.Escape(feed)}" />
          </packageSources>
        </configuration>
        """;
}
