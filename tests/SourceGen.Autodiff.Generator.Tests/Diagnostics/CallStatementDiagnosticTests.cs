using System.Threading.Tasks;
using Xunit;

namespace SourceGen.Autodiff.Generator.Tests.Diagnostics;

/// <summary>What is still refused when a [Differentiable] helper writing a Span output is called as a statement.</summary>
public sealed class CallStatementDiagnosticTests
{
    private const string Rotate = """
            [Differentiable]
            public static void Rotate(ReadOnlySpan<double> r, ReadOnlySpan<double> p, Span<double> result)
            {
                result[0] = r[0] * p[0] - r[1] * p[1];
                result[1] = r[1] * p[0] + r[0] * p[1];
            }
        """;

    /// <summary>A file with Rotate and then <paramref name="caller"/> in one class (Rotate ends on line 13).</summary>
    private static string WithRotate(string caller) => $$"""
        using System;
        using SourceGen.Autodiff;

        public static partial class Model
        {
        {{Rotate}}

        {{caller}}
        }
        """;

    [Fact]
    public Task An_output_that_is_also_an_input_of_the_call_is_refused() =>
        AnalyzerRun.AssertSingleAsync(WithRotate("""
                [Differentiable]
                public static double Twice(double[] r, double[] p)
                {
                    var q = new double[2];
                    Rotate(r, p, q);
                    Rotate(r, q, q);
                    return q[0];
                }
            """),
            "DIFF006", 18, 9, "Rotate(r, q, q)",
            "Cannot differentiate through 'Rotate(r, q, q)': 'Rotate' would write its output 'result' into an array it also reads as an input; pass a different array as 'result'");

    [Fact]
    public Task Writing_into_an_input_of_the_caller_is_refused() =>
        AnalyzerRun.AssertSingleAsync(WithRotate("""
                [Differentiable]
                public static double IntoInput(double[] r, double[] p)
                {
                    Rotate(r, r, p);
                    return p[0];
                }
            """),
            "DIFF006", 16, 22, "p",
            "Cannot differentiate through 'p': 'p' is an input of this method: a [Differentiable] method cannot write into it; pass a local 'new double[n]' as 'result'");

    [Fact]
    public Task An_array_result_bound_inside_a_loop_is_refused() =>
        AnalyzerRun.AssertSingleAsync("""
            using System;
            using SourceGen.Autodiff;

            public static partial class Model
            {
                [Differentiable]
                public static double[] Scaled(ReadOnlySpan<double> z, double s)
                {
                    var y = new double[2];
                    y[0] = s * z[0];
                    y[1] = s * z[1];
                    return y;
                }

                [Differentiable]
                public static double Sum(ReadOnlySpan<double> z)
                {
                    double total = 0;
                    for (int k = 0; k < 3; k++)
                    {
                        var y = Scaled(z, k);
                        total += y[0] * y[1];
                    }
                    return total;
                }
            }
            """,
            "DIFF006", 21, 17, "y = Scaled(z, k)",
            "Cannot differentiate through 'y = Scaled(z, k)': an array returned by 'Scaled' becomes a local only at the top of the method, outside branches and loops; call it there");

    [Fact]
    public Task A_tuple_result_with_a_non_double_element_is_refused() =>
        AnalyzerRun.AssertSingleAsync("""
            using SourceGen.Autodiff;

            public static partial class Model
            {
                [Differentiable]
                public static (double Value, int Steps) Solve(double x) => (x * x, 3);
            }
            """,
            "DIFF004", 6, 19, "(double Value, int Steps)",
            "'Solve' returns '(double Value, int Steps)', which cannot be differentiated; supported results are double, float, double[], float[], Tensor, a tuple of doubles, or void with a Span<double> or Span<float> output parameter");
}
