using Xunit;

namespace SourceGen.Autodiff.Package.Tests.Harness;

/// <summary>Every test of this project shares one pack (the slow step), and runs one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PackedPackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "Packed package";
}
