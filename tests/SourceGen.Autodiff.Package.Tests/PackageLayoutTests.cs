using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using SourceGen.Autodiff.Package.Tests.Harness;
using Xunit;

namespace SourceGen.Autodiff.Package.Tests;

/// <summary>What is inside the one package: runtime, analyzers, readme, license, symbols, dependency.</summary>
[Collection(PackedPackageCollection.Name)]
[Trait("Category", "Package")]
public sealed class PackageLayoutTests(PackedPackage package)
{
    [Fact]
    public void Runtime_is_the_only_library_and_generator_and_code_fixes_are_analyzers()
    {
        var entries = Entries(package.PackagePath);

        Assert.Equal(
            ["lib/net10.0/SourceGen.Autodiff.dll", "lib/net10.0/SourceGen.Autodiff.xml"],
            entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));

        string[] analyzers = File.Exists(Path.Combine(RepositoryRoot.Path, "codefixes", "SourceGen.Autodiff.CodeFixes.csproj"))
            ? ["analyzers/dotnet/cs/SourceGen.Autodiff.CodeFixes.dll", "analyzers/dotnet/cs/SourceGen.Autodiff.Generator.dll"]
            : ["analyzers/dotnet/cs/SourceGen.Autodiff.Generator.dll"];
        Assert.Equal(analyzers, entries.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));

        Assert.Contains("README.md", entries);
    }

    [Fact]
    public void Nuspec_has_license_readme_version_and_only_the_tensors_dependency()
    {
        var metadata = NuspecMetadata();
        XNamespace ns = metadata.Name.Namespace;

        Assert.Equal(PackedPackage.Id, metadata.Element(ns + "id")?.Value);
        Assert.Equal(package.Version, metadata.Element(ns + "version")?.Value);
        var license = metadata.Element(ns + "license");
        Assert.Equal("expression", license?.Attribute("type")?.Value);
        Assert.Equal("MIT", license?.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")?.Value));

        var groups = metadata.Element(ns + "dependencies")!.Elements(ns + "group").ToArray();
        var group = Assert.Single(groups);
        Assert.Equal("net10.0", group.Attribute("targetFramework")?.Value);
        var dependency = Assert.Single(group.Elements(ns + "dependency"));
        Assert.Equal("System.Numerics.Tensors", dependency.Attribute("id")?.Value);
    }

    [Fact]
    public void Symbol_package_holds_the_runtime_pdb()
    {
        package.RequirePacked();
        Assert.True(File.Exists(package.SymbolPackagePath), $"{package.SymbolPackagePath} missing");
        Assert.Contains("lib/net10.0/SourceGen.Autodiff.pdb", Entries(package.SymbolPackagePath));
    }

    private string[] Entries(string packagePath)
    {
        package.RequirePacked();
        using var archive = ZipFile.OpenRead(packagePath);
        return archive.Entries.Select(e => e.FullName).ToArray();
    }

    private XElement NuspecMetadata()
    {
        package.RequirePacked();
        using var archive = ZipFile.OpenRead(package.PackagePath);
        var nuspec = archive.Entries.Single(e => e.FullName == PackedPackage.Id + ".nuspec");
        using var stream = nuspec.Open();
        var root = XDocument.Load(stream).Root!;
        return root.Element(root.Name.Namespace + "metadata")!;
    }
}
