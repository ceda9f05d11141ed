using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace SourceGen.Autodiff.Generator.Tests.Diagnostics;

/// <summary>
/// Diagnostics carry real locations and come from an analyzer, so the usual C# controls work:
/// #pragma warning disable, and severities from .editorconfig.
/// </summary>
public sealed class SuppressionTests
{
    private const string FloorSource = """
        using System;
        using SourceGen.Autodiff;

        public static partial class Model
        {
            [Differentiable]
            public static double F(double x) => x + Math.Floor(x);
        }
        """;

    [Fact]
    public async Task Pragma_warning_disable_silences_DIFF009()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync("""
            using System;
            using SourceGen.Autodiff;

            public static partial class Model
            {
                [Differentiable]
            #pragma warning disable DIFF009 // the step is intended
                public static double F(double x) => x + Math.Floor(x);
            #pragma warning restore DIFF009

                [Differentiable]
                public static double G(double x) => x + Math.Round(x);
            }
            """);

        Diagnostic remaining = Assert.Single(diagnostics);
        Assert.Equal(("DIFF009", 12), (remaining.Id, remaining.Location.GetLineSpan().StartLinePosition.Line + 1));
    }

    [Fact]
    public async Task Editorconfig_can_raise_DIFF009_to_an_error()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(FloorSource, """
            root = true

            [*.cs]
            dotnet_diagnostic.DIFF009.severity = error
            """);

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("DIFF009", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.Severity));
    }

    [Fact]
    public async Task Editorconfig_can_turn_DIFF009_off()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(FloorSource, """
            root = true

            [*.cs]
            dotnet_diagnostic.DIFF009.severity = none
            """);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Without_configuration_DIFF009_is_a_warning()
    {
        Diagnostic diagnostic = Assert.Single(await AnalyzerRun.DiagnosticsAsync(FloorSource));
        Assert.Equal(("DIFF009", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
    }
}
