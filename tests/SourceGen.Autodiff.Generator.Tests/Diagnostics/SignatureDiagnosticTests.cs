using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace SourceGen.Autodiff.Generator.Tests.Diagnostics;

/// <summary>Diagnostics about a [Differentiable] method's declaration: DIFF001-004, DIFF015.</summary>
public sealed class SignatureDiagnosticTests
{
    [Fact]
    public Task DIFF001_at_the_identifier_of_a_containing_type_that_is_not_partial() =>
        AnalyzerRun.AssertSingleAsync("""
            using SourceGen.Autodiff;

            public static class Model
            {
                [Differentiable]
                public static double Square(double x) => x * x;
            }
            """,
            "DIFF001", 3, 21, "Model",
            "Type 'Model' must be declared partial: the generator adds the derivatives of 'Square' to it");

    [Fact]
    public async Task DIFF001_once_for_each_enclosing_type_that_is_not_partial()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync("""
            using SourceGen.Autodiff;

            public class Outer
            {
                public partial class Middle
                {
                    public static class Inner
                    {
                        [Differentiable]
                        public static double Square(double x) => x * x;
                    }
                }
            }
            """);

        Assert.Collection(
            diagnostics,
            d => Assert.Equal(("DIFF001", 3, "Type 'Outer' must be declared partial: the generator adds the derivatives of 'Square' to it"), Describe(d)),
            d => Assert.Equal(("DIFF001", 7, "Type 'Inner' must be declared partial: the generator adds the derivatives of 'Square' to it"), Describe(d)));
    }

    [Fact]
    public Task DIFF002_at_the_identifier_of_an_instance_method() =>
        AnalyzerRun.AssertSingleAsync("""
            using SourceGen.Autodiff;

            public partial class Model
            {
                [Differentiable]
                public double Square(double x) => x * x;
            }
            """,
            "DIFF002", 6, 19, "Square",
            "[Differentiable] method 'Square' must be static: its derivatives are static methods that take every input as a parameter");

    [Fact]
    public Task DIFF003_at_the_type_of_the_parameter() =>
        AnalyzerRun.AssertSingleAsync("""
            using SourceGen.Autodiff;

            public static partial class Model
            {
                [Differentiable]
                public static double F(double x, object s) => x;
            }
            """,
            "DIFF003", 6, 38, "object",
            "Parameter 's' of 'F' has type 'object', which cannot be differentiated; supported parameter types are double and float, their arrays, ReadOnlySpan and Span (an output the method writes), Tensor, int, long or bool (inactive), and data of any type the method only reads: mark it [NoGradient] if it holds floating-point values");

    [Fact]
    public Task DIFF004_at_the_return_type() =>
        AnalyzerRun.AssertSingleAsync("""
            using SourceGen.Autodiff;

            public static partial class Model
            {
                [Differentiable]
                public static decimal F(double x) => (decimal)x;
            }
            """,
            "DIFF004", 6, 19, "decimal",
            "'F' returns 'decimal', which cannot be differentiated; supported results are double, float, double[], float[], Tensor, a tuple of doubles, or void with a Span<double> or Span<float> output parameter");

    [Fact]
    public Task DIFF015_at_the_identifier_of_a_method_without_a_body() =>
        AnalyzerRun.AssertSingleAsync("""
            using SourceGen.Autodiff;

            public static partial class Model
            {
                [Differentiable]
                public static extern double F(double x);
            }
            """,
            "DIFF015", 6, 33, "F",
            "Cannot differentiate 'F': it has no body to differentiate");

    [Fact]
    public async Task DIFF014_at_the_identifier_of_a_derivative_with_the_wrong_signature()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync("""
            using System;
            using SourceGen.Autodiff;

            public static partial class Model
            {
                public static double Softplus(double v) => Math.Log(1 + Math.Exp(v));

                [DerivativeOf(typeof(Model), nameof(Softplus))]
                public static string SoftplusDerivative(int v) => "";
            }
            """);

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("DIFF014", 9), (diagnostic.Id, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1));
        Assert.StartsWith("'SoftplusDerivative' does not have the signature of a derivative of its original; expected: ",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    internal static (string Id, int Line, string Message) Describe(Diagnostic diagnostic) =>
        (diagnostic.Id, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
}
