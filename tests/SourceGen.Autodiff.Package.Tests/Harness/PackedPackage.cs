using System;
using System.Globalization;
using System.IO;
using Xunit;

namespace SourceGen.Autodiff.Package.Tests.Harness;

/// <summary>
/// The SourceGen.Autodiff package, packed once per test run into a temporary folder feed.
/// The version is unique (0.1.0-test.&lt;UTC timestamp&gt;), so NuGet's global packages folder can
/// never serve a stale copy from an earlier run; that one cached copy is removed on dispose.
/// The build goes to a temporary artifacts folder (UseArtifactsOutput), away from the
/// repository's bin/ and obj/ folders that the solution build and other tests use.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    public const string Id = "SourceGen.Autodiff";

    private readonly TempDirectory _root = new("sourcegen-autodiff-pack");

    public PackedPackage()
    {
        Version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        FeedDirectory = _root.Combine("feed");
        PackResult = DotnetCli.Run(
            RepositoryRoot.Path,
            "pack", RepositoryRoot.RuntimeProject,
            "-c", "Release",
            "-o", FeedDirectory,
            "--disable-build-servers",
            $"-p:PackageVersion={Version}",
            "-p:UseArtifactsOutput=true",
            $"-p:ArtifactsPath={_root.Combine("artifacts")}");
    }

    public string Version { get; }

    public string FeedDirectory { get; }

    internal CommandResult PackResult { get; }

    public string PackagePath => Path.Combine(FeedDirectory, $"{Id}.{Version}.nupkg");

    public string SymbolPackagePath => Path.Combine(FeedDirectory, $"{Id}.{Version}.snupkg");

    /// <summary>Fails the calling test with the pack output unless the package was produced.</summary>
    public void RequirePacked()
    {
        Assert.True(PackResult.Succeeded, PackResult.Describe());
        Assert.True(File.Exists(PackagePath), $"{PackagePath} missing after pack:\n{PackResult.Output}");
    }

    public void Dispose()
    {
        _root.Dispose();
        TempDirectory.DeleteQuietly(Path.Combine(GlobalPackagesFolder(), Id.ToLowerInvariant(), Version.ToLowerInvariant()));
    }

    /// <summary>The NuGet global packages folder these tests run with (NUGET_PACKAGES, else ~/.nuget/packages).</summary>
    internal static string GlobalPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
