using System.Threading.Tasks;
using Xunit;

namespace SourceGen.Autodiff.Generator.Tests.Diagnostics;

/// <summary>Diagnostics about what a [Differentiable] method's body does: DIFF005, 006, 008-012.</summary>
public sealed class BodyDiagnosticTests
{
    [Fact]
    public Task DIFF005_at_the_keyword_of_an_unsupported_statement() =>
        AnalyzerRun.AssertSingleAsync("""
            using SourceGen.Autodiff;

            public static partial class Model
            {
                [Differentiable]
                public static double F(double x)
                {
                    try
                    {
                        return x;
                    }
                    finally
                    {
                    }
                }
            }
            """,
            "DIFF005", 8, 9, "try",
            "Cannot differentiate through a 'try' statement: exception handling cannot be differentiated; validate inputs before calling the method");

    [Fact]
    public Task DIFF006_at_the_unsupported_expression() =>
        AnalyzerRun.AssertSingleAsync("""
            using SourceGen.Autodiff;

            public static partial class Model
            {
                [Differentiable]
                public static double F(double x) => x * x.ToString().Length;
            }
            """,
            "DIFF006", 6, 45, "x.ToString().Length",
            "Cannot differentiate through 'x.ToString().Length': 'Length' is supported on parameters and locals that are arrays, spans or tensors");

    [Fact]
    public Task DIFF008_at_a_call_to_a_method_without_derivative() =>
        AnalyzerRun.AssertSingleAsync("""
            using System;
            using SourceGen.Autodiff;

            public static partial class Model
            {
                static double Softplus(double v) => Math.Log(1 + Math.Exp(v));

                [Differentiable]
                public static double F(double x) => 2 * Softplus(x);
            }
            """,
            "DIFF008", 9, 45, "Softplus(x)",
            "Cannot differentiate through the call to 'Model.Softplus': it has no derivative; mark it [Differentiable] or register a derivative with [DerivativeOf], or wrap 'x' in Gradient.Stop(...) if no gradient should flow");

    private const string SupportedMath =
        "supported: Sin(x), Cos(x), Tan(x), Asin(x), Acos(x), Atan(x), Atan2(y, x), Sinh(x), Cosh(x), Tanh(x), "
        + "Exp(x), Log(x), Log(x, b), Log10(x), Log2(x), Exp2(x), Exp10(x), ExpM1(x), LogP1(x), Sqrt(x), Cbrt(x), Pow(x, y), Hypot(x, y), FusedMultiplyAdd(x, y, z), "
        + "Abs(x), Max(x, y), Min(x, y), Clamp(x, min, max), Floor(x), Ceiling(x), Round(x), Truncate(x), Sign(x)";

    /// <summary>An overload the table lacks is named by its arity; a function it lacks by its name.</summary>
    [Theory]
    [InlineData("Math.Round(x, 2)", "'Math.Round' with 2 arguments")]
    [InlineData("Math.ScaleB(x, 2)", "'Math.ScaleB'")]
    public Task DIFF006_at_a_Math_call_the_table_does_not_have(string call, string named) =>
        AnalyzerRun.AssertSingleAsync($$"""
            using System;
            using SourceGen.Autodiff;

            public static partial class Model
            {
                [Differentiable]
                public static double F(double x) => x * {{call}};
            }
            """,
            "DIFF006", 7, 45, call,
            $"Cannot differentiate through '{call}': {named} has no derivative rule; " + SupportedMath);

    [Fact]
    public async Task Other_statics_of_double_stay_ordinary_calls_on_data()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync("""
            using System;
            using SourceGen.Autodiff;

            public static partial class Model
            {
                [Differentiable]
                public static double F(double x, [NoGradient] double d) => x * double.Round(d, 2) + (double.IsNaN(d) ? 0 : x);
            }
            """);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task DIFF008_not_reported_when_the_argument_is_stopped()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync("""
            using System;
            using SourceGen.Autodiff;

            public static partial class Model
            {
                static double Softplus(double v) => Math.Log(1 + Math.Exp(v));

                [Differentiable]
                public static double F(double x) => x * Softplus(Gradient.Stop(x));
            }
            """);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task DIFF009_warning_at_a_zero_derivative_call_on_an_active_value()
    {
        var diagnostic = await AnalyzerRun.AssertSingleAsync("""
            using System;
            using SourceGen.Autodiff;

            public static partial class Model
            {
                [Differentiable]
                public static double F(double x) => x + Math.Floor(x);
            }
            """,
            "DIFF009", 7, 45, "Math.Floor(x)",
            "'Math.Floor' has a zero derivative almost everywhere: no gradient flows through it; wrap its argument in Gradient.Stop(...) to say this is intended");

        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Fact]
    public async Task DIFF009_not_reported_when_the_argument_is_stopped()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync("""
            using System;
            using SourceGen.Autodiff;

            public static partial class Model
            {
                [Differentiable]
                public static double F(double x) => x + Math.Floor(Gradient.Stop(x));
            }
            """);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public Task DIFF011_at_the_write_into_an_input_array() =>
        AnalyzerRun.AssertSingleAsync("""
            using SourceGen.Autodiff;

            public static partial class Model
            {
                [Differentiable]
                public static double F(double[] x)
                {
                    x[0] = 2;
                    return x[0] * x[1];
                }
            }
            """,
            "DIFF011", 8, 9, "x[0]",
            "Cannot differentiate a write into input parameter 'x': inputs are read-only in a [Differentiable] method; copy it into a local array or write into a Span<double> output parameter");

    [Fact]
    public async Task DIFF012_warning_when_the_result_ignores_every_differentiable_parameter()
    {
        var diagnostic = await AnalyzerRun.AssertSingleAsync("""
            using SourceGen.Autodiff;

            public static partial class Model
            {
                [Differentiable]
                public static double F(double x, [NoGradient] double scale) => 2 * scale;
            }
            """,
            "DIFF012", 6, 26, "F",
            "The result of 'F' does not depend on any differentiable parameter: its gradient is always zero; use a parameter in the result or remove [Differentiable]");

        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, diagnostic.Severity);
    }
}
