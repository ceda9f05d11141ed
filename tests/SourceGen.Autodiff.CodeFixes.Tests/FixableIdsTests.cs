using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CodeFixes;
using SourceGen.Autodiff.CodeFixes.Tests.Harness;
using Xunit;

namespace SourceGen.Autodiff.CodeFixes.Tests;

/// <summary>The code fixes name real diagnostics (their IDs are plain strings in this assembly).</summary>
public sealed class FixableIdsTests
{
    private static readonly CodeFixProvider[] Providers =
    [
        new MakeTypesPartialCodeFix(),
        new MakeMethodStaticCodeFix(),
        new StopGradientCodeFix(),
        new GradientToBackwardCodeFix(),
    ];

    [Fact]
    public void Every_fixable_id_is_in_the_catalog_with_the_expected_title()
    {
        var expectedTitles = new Dictionary<string, string>
        {
            ["DIFF001"] = "Type containing a [Differentiable] method must be partial",
            ["DIFF002"] = "[Differentiable] method must be static",
            ["DIFF008"] = "Called method has no derivative",
            ["DIFF009"] = "Function has a zero derivative",
        };

        foreach (string id in Providers.SelectMany(p => p.FixableDiagnosticIds).Where(id => id != "DIFF007"))
        {
            Assert.Equal(expectedTitles[id], Catalog.Descriptor(id).Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Each_diagnostic_with_a_fix_has_exactly_one_provider_and_every_provider_fixes_all()
    {
        var ids = Providers.SelectMany(p => p.FixableDiagnosticIds).ToList();
        Assert.Equal(["DIFF001", "DIFF002", "DIFF007", "DIFF008", "DIFF009"], ids.Order());
        Assert.All(Providers, p => Assert.NotNull(p.GetFixAllProvider()));
    }
}
