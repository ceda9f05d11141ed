using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace SourceGen.Autodiff.Generator.Tests.Diagnostics;

/// <summary>Messages that say what the code is and what can be done, and no follow-on errors that contradict it.</summary>
public sealed class TruthfulMessageTests
{
    [Fact]
    public Task DIFF003_prints_a_matrix_type_as_written() =>
        AnalyzerRun.AssertSingleAsync("""
            using SourceGen.Autodiff;

            public static partial class Model
            {
                [Differentiable]
                public static double F(double[,] a, double x) => a[0, 0] * x;
            }
            """,
            "DIFF003", 6, 28, "double[,]",
            "Parameter 'a' of 'F' has type 'double[,]', which cannot be differentiated; " + SupportedParameters);

    [Fact]
    public Task DIFF003_on_params_says_to_drop_params() =>
        AnalyzerRun.AssertSingleAsync("""
            using SourceGen.Autodiff;

            public static partial class Model
            {
                [Differentiable]
                public static double F(double x, params double[] w) => w[0] * x;
            }
            """,
            "DIFF003", 6, 45, "double[]",
            "Parameter 'w' of 'F' has type 'params double[]', which cannot be differentiated; 'params' parameters are not supported (the generated methods put the seed and buffers after it); declare 'w' without 'params' and pass an array");

    [Fact]
    public Task DIFF008_on_a_library_method_says_DerivativeOf_not_Differentiable() =>
        AnalyzerRun.AssertSingleAsync("""
            using SourceGen.Autodiff;

            public static partial class Model
            {
                [Differentiable]
                public static double F(double x) => double.BitDecrement(x);
            }
            """,
            "DIFF008", 6, 41, "double.BitDecrement(x)",
            "Cannot differentiate through the call to 'double.BitDecrement': it has no derivative; register a derivative for it on a method of yours with [DerivativeOf(typeof(double), nameof(double.BitDecrement))], or wrap 'x' in Gradient.Stop(...) if no gradient should flow");

    [Fact]
    public async Task Recursion_needs_no_diagnostic_and_an_error_on_a_cycle_is_quoted_by_its_callers()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync("""
            using SourceGen.Autodiff;

            public static partial class Model
            {
                [Differentiable]
                public static double A(double x) => x < 1 ? x : A(x / 2);

                [Differentiable]
                public static double UsesA(double x) => 2 * A(x);

                [Differentiable]
                public static double P(double x) => x < 1 ? x : Q(x / 2);

                [Differentiable]
                public static double Q(double x) => P(x) * System.Math.Round(x, 2);

                [Differentiable]
                public static double UsesP(double x) => 3 * P(x);
            }
            """);

        // A and the call to it are fine; Q's own error is reported on Q, and P (which calls Q) and
        // UsesP (which calls P) each get DIFF016 quoting their callee's first error.
        Assert.Equal(
            new[] { ("DIFF016", 12), ("DIFF006", 15), ("DIFF016", 18) },
            diagnostics.Select(d => (d.Id, d.Location.GetLineSpan().StartLinePosition.Line + 1)));
        Assert.StartsWith("Cannot differentiate through the call to 'Q': 'Q' cannot be differentiated (DIFF006 at line 15", diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Uses_of_a_local_whose_definition_was_reported_are_not_reported_again()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync("""
            using SourceGen.Autodiff;

            public static partial class Model
            {
                static double H(double v) => v * v;
                static double[] Copy(double[] v) => v;

                [Differentiable]
                public static double F(double x)
                {
                    double s = H(x);
                    s += x;
                    s *= 2;
                    return s;
                }

                [Differentiable]
                public static double G(double[] x)
                {
                    double[] h = Copy(x);
                    double sum = 0;
                    for (int i = 0; i < h.Length; i++)
                    {
                        sum += h[i] * x[i];
                    }
                    return sum;
                }
            }
            """);

        Assert.Equal(new[] { ("DIFF008", 11), ("DIFF006", 20) }, diagnostics.Select(d => (d.Id, d.Location.GetLineSpan().StartLinePosition.Line + 1)));
    }

    [Fact]
    public async Task Data_parameters_of_any_type_need_no_diagnostic()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync("""
            using System.Collections.Generic;
            using SourceGen.Autodiff;

            public enum Mode { Plain, Scaled }

            public static partial class Model
            {
                [Differentiable]
                public static double F(double[] w, int[] labels, [NoGradient] double[,] normals, [NoGradient] IReadOnlyList<double> list, Mode mode, string name)
                {
                    double s = 0;
                    for (int i = 0; i < labels.Length; i++)
                    {
                        s += w[labels[i]] * normals[i, 0] * list[i];
                    }
                    return mode == Mode.Scaled ? s * name.Length : s;
                }
            }
            """);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public Task DIFF005_on_a_validation_helper_of_a_double_says_how_to_write_the_check() =>
        AnalyzerRun.AssertSingleAsync("""
            using System;
            using SourceGen.Autodiff;

            public static partial class Model
            {
                [Differentiable]
                public static double F(double[] x, double scale)
                {
                    ArgumentOutOfRangeException.ThrowIfNegative(scale);
                    return x[0] * x[1] * scale;
                }
            }
            """,
            "DIFF005", 9, 9, "ArgumentOutOfRangeException.ThrowIfNegative(scale)",
            "Cannot differentiate through 'ArgumentOutOfRangeException.ThrowIfNegative(scale)': a validation helper is run as written when its arguments are integers, bools, strings or data; check a floating-point value with 'if (...) throw new ...'");

    [Fact]
    public async Task A_throw_guard_needs_no_diagnostic()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync("""
            using System;
            using SourceGen.Autodiff;

            public static partial class Model
            {
                [Differentiable]
                public static double F(double[] x, int n)
                {
                    if (n < 0 || n >= x.Length) throw new ArgumentOutOfRangeException(nameof(n), $"n = {n}, length {x.Length}");
                    return x[n] * x[n];
                }
            }
            """);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Data_passes_on_to_a_differentiable_callee()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync("""
            using SourceGen.Autodiff;

            public static partial class Model
            {
                [Differentiable]
                public static double Score(double[] w, int[] labels, int i) => w[labels[i]];

                [Differentiable]
                public static double F(double[] w, int[] labels)
                {
                    double s = 0;
                    for (int i = 0; i < labels.Length; i++)
                    {
                        s += Score(w, labels, i);
                    }
                    return s;
                }
            }
            """);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task An_overload_without_a_rule_is_named_by_its_arguments()
    {
        var diagnostic = Assert.Single(await AnalyzerRun.DiagnosticsAsync("""
            using System;
            using SourceGen.Autodiff;

            public static partial class Model
            {
                [Differentiable]
                public static double F(double x) => Math.Round(x, 2);
            }
            """));

        Assert.Equal("DIFF006", diagnostic.Id);
        Assert.StartsWith("Cannot differentiate through 'Math.Round(x, 2)': 'Math.Round' with 2 arguments has no derivative rule; supported: ",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    private const string SupportedParameters =
        "supported parameter types are double and float, their arrays, ReadOnlySpan and Span (an output the method writes), Tensor, int, long or bool (inactive), and data of any type the method only reads: mark it [NoGradient] if it holds floating-point values";
}
