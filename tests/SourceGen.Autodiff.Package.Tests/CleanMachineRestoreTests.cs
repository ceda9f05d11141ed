using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using SourceGen.Autodiff.Package.Tests.Harness;
using Xunit;

namespace SourceGen.Autodiff.Package.Tests;

/// <summary>
/// The README's package route on a clean machine: the feed persisted in a nuget.config, restored
/// into an empty package cache, builds and runs.
/// </summary>
[Collection(PackedPackageCollection.Name)]
[Trait("Category", "Package")]
public sealed class CleanMachineRestoreTests(PackedPackage package)
{
    /// <summary>The version of the package's one dependency, as Directory.Packages.props pins it.</summary>
    private static string TensorsVersion =>
        XDocument.Load(Path.Combine(RepositoryRoot.Path, "Directory.Packages.props"))
            .Descendants("PackageVersion")
            .Single(e => (string?)e.Attribute("Include") == "System.Numerics.Tensors")
            .Attribute("Version")!.Value;

    [Fact]
    public void A_consumer_with_the_feed_in_its_nuget_config_restores_into_an_empty_cache_and_runs()
    {
        package.RequirePacked();
        var (app, failure) = CleanMachineConsumer.Create(package, TensorsVersion);
        using var _ = app;
        Assert.True(failure is null, failure?.Describe());

        // The feed is recorded, so restores after this one find it too.
        Assert.Contains(package.FeedDirectory, app.NugetConfig, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(app.PackagesFolder, PackedPackage.Id.ToLowerInvariant(), package.Version.ToLowerInvariant())),
            $"{PackedPackage.Id} {package.Version} was not restored into the empty cache {app.PackagesFolder}");

        app.WriteProgram(ConsumerProgram.Working);
        var build = app.Build();
        Assert.True(build.Succeeded, build.Describe());
        var run = app.Run();
        Assert.True(run.Succeeded, run.Describe());
        Assert.Contains("wGrad -7 -10.5", run.Output, StringComparison.Ordinal);
        Assert.Contains("xGrad tensor([[ 6., 26., 14.]])", run.Output, StringComparison.Ordinal);
    }
}
