using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using SourceGen.Autodiff.Generator.Analyzers;
using SourceGen.Autodiff.Generator.Diagnostics;
using Xunit;

namespace SourceGen.Autodiff.Generator.Tests.Diagnostics;

/// <summary>The catalog, the analyzer, the release tracking files and the docs agree.</summary>
public sealed class CatalogTests
{
    private static readonly IReadOnlyList<DiagnosticDescriptor> Catalog = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToList();

    [Fact]
    public void Ids_run_from_DIFF001_without_gaps_but_retired_ones()
    {
        Assert.Equal(
            Enumerable.Range(1, Catalog.Count + Retired.Length).Select(i => $"DIFF{i:000}").Except(Retired),
            Catalog.Select(d => d.Id));
    }

    /// <summary>IDs no longer reported (never reused): DIFF010, recursion, differentiated since it was retired.</summary>
    private static readonly string[] Retired = ["DIFF010"];

    [Fact]
    public void A_retired_id_keeps_its_page_saying_so()
    {
        foreach (var id in Retired)
        {
            Assert.Contains("Retired", File.ReadAllText(RepositoryFile($"docs/diagnostics/{id}.md")));
        }
    }

    [Fact]
    public void The_analyzer_supports_every_diagnostic_but_the_compiler_reported_DIFF007()
    {
        var supported = new DifferentiableAnalyzer().SupportedDiagnostics.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal);
        Assert.Equal(Catalog.Select(d => d.Id).Where(id => id != "DIFF007"), supported);
    }

    [Fact]
    public void Every_diagnostic_links_to_its_docs_page_and_the_page_exists()
    {
        foreach (DiagnosticDescriptor descriptor in Catalog)
        {
            // The link is the page's path from the repository root, so it resolves in a clone.
            Assert.Equal($"docs/diagnostics/{descriptor.Id}.md", descriptor.HelpLinkUri);
            Assert.True(File.Exists(RepositoryFile(descriptor.HelpLinkUri)), $"{descriptor.HelpLinkUri} is missing");
        }
    }

    [Fact]
    public void Every_docs_page_names_its_id_title_and_severity()
    {
        foreach (DiagnosticDescriptor descriptor in Catalog)
        {
            string page = File.ReadAllText(RepositoryFile("docs", "diagnostics", descriptor.Id + ".md"));
            Assert.StartsWith($"# {descriptor.Id}: {descriptor.Title}", page, StringComparison.Ordinal);
            Assert.Contains($"**Severity:** {descriptor.DefaultSeverity}", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Unshipped_release_notes_list_every_diagnostic_with_its_category_and_severity()
    {
        string[] lines = File.ReadAllLines(RepositoryFile("generator", "Diagnostics", "AnalyzerReleases.Unshipped.md"));
        foreach (DiagnosticDescriptor descriptor in Catalog)
        {
            string row = Assert.Single(lines, l => l.StartsWith(descriptor.Id + " ", StringComparison.Ordinal));
            string[] cells = row.Split('|').Select(c => c.Trim()).ToArray();
            Assert.Equal((descriptor.Category, descriptor.DefaultSeverity.ToString()), (cells[1], cells[2]));
        }
    }

    [Fact]
    public void Messages_are_one_sentence_without_a_final_period_like_the_compiler_s()
    {
        foreach (DiagnosticDescriptor descriptor in Catalog)
        {
            string message = descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.False(message.EndsWith('.'), descriptor.Id);
            Assert.True(descriptor.IsEnabledByDefault, descriptor.Id);
        }
    }

    private static string RepositoryFile(params string[] parts)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SourceGen.sln")))
            {
                return Path.Combine([directory.FullName, .. parts]);
            }
        }

        throw new InvalidOperationException("SourceGen.sln not found above " + AppContext.BaseDirectory);
    }
}
