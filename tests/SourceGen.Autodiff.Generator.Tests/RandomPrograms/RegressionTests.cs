using Xunit;

namespace SourceGen.Autodiff.Generator.Tests.RandomPrograms;

/// <summary>
/// Generator bugs the random programs found, each minimized by <see cref="Shrinker"/> (names say
/// what goes wrong; the comment names the random program it came from). All are fixed and kept as regression tests.
/// </summary>
public sealed class RegressionTests
{
    // Fixed: in the reverse sweep a local array's (or span output's) Length was read from its pooled
    // scratch copy (tape.Scratch rents from ArrayPool, so rValues.Length >= 16): loop bounds and
    // indices using r.Length were wrong.

    /// <summary>Seeds 4020, 5019, 10021: the reverse loop runs rValues.Length times and pops more than was pushed (IndexOutOfRange in TapeReader.Pop).</summary>
    [Fact]
    public void Loop_bound_from_the_Length_of_a_local_array_reassigning_a_parameter()
    {
        RegressionCheck.MatchesFiniteDifferences(nameof(Loop_bound_from_the_Length_of_a_local_array_reassigning_a_parameter), """
            [Differentiable]
            public static double[] F(double c)
            {
                double[] r = new double[3];
                double u = Math.Sqrt(1.0 + c * c);
                for (int i = 0; i < r.Length; i++)
                {
                    c = 1.0;
                }
                return r;
            }
            """, 1.128);
    }

    /// <summary>Seed 6027: r[0] = a is overwritten in the loop, but the adjoint is cleared at rBar[rValues.Length - 1 - i] instead, so a gets the seed.</summary>
    [Fact]
    public void Index_from_the_Length_of_a_local_array_overwriting_an_element_in_a_while_loop()
    {
        RegressionCheck.MatchesFiniteDifferences(nameof(Index_from_the_Length_of_a_local_array_overwriting_an_element_in_a_while_loop), """
            [Differentiable]
            public static double[] F(double a)
            {
                double[] r = new double[1];
                r[0] = a;
                int j = 0;
                while (j < r.Length)
                {
                    int i = j;
                    j += 1;
                    r[r.Length - 1 - i] = 2.0;
                }
                return r;
            }
            """, -0.3492);
    }

    /// <summary>Seed 1042: the adjoint of r[(i + 1) % r.Length] is read at (i + 1) % rValues.Length, so x gets nothing.</summary>
    [Fact]
    public void Modulo_the_Length_of_a_local_array_in_an_index()
    {
        RegressionCheck.MatchesFiniteDifferences(nameof(Modulo_the_Length_of_a_local_array_in_an_index), """
            [Differentiable]
            public static double[] F(double[] x)
            {
                double[] r = new double[2];
                for (int i = 1; i < x.Length; i += 1)
                {
                    r[(i + 1) % r.Length] = x[(i + 1) % x.Length];
                }
                return r;
            }
            """, new[] { -1.2197, 0.1786 });
    }

    /// <summary>Seed 96003 (10,000-program run): r[1] is 0 at the call but 1 when the reverse sweep re-evaluates H's argument; d/db is 2b, the generated gradient 4b.</summary>
    [Fact]
    public void Call_argument_reading_an_element_changed_after_the_call()
    {
        RegressionCheck.MatchesFiniteDifferences(nameof(Call_argument_reading_an_element_changed_after_the_call), """
            [Differentiable]
            public static double H(double q) => q * q;

            [Differentiable]
            public static double[] F(double b)
            {
                double[] r = new double[2];
                r[0] = H(Math.Sqrt(1.0 + r[1] * r[1]) * b);
                for (int i = 0; i < 2; i++)
                {
                    r[i] += 1.0;
                }
                return r;
            }
            """, -1.129);
    }

    /// <summary>Seed 79015 (10,000-program run): the argument r[i] is the element the statement overwrites; the callee's reverse gets the new value.</summary>
    [Fact]
    public void Call_argument_reading_the_element_its_statement_overwrites()
    {
        RegressionCheck.MatchesFiniteDifferences(nameof(Call_argument_reading_the_element_its_statement_overwrites), """
            [Differentiable]
            public static double H(double q, ReadOnlySpan<double> s) => s[1] * q;

            [Differentiable]
            public static double[] F(ReadOnlySpan<double> x, double b)
            {
                double[] r = new double[1];
                for (int i = 0; i < 1; i++)
                {
                    r[i] = b / (2.0 + Math.Tanh(H(r[i], x)));
                }
                return r;
            }
            """, new[] { -1.0127, -0.6318 }, -0.5877);
    }

    /// <summary>
    /// Seed 43033 (10,000-program run): u0 and u5 are saved on the tape before the loop that
    /// overwrites them (push u0, push u5), but the reverse sweep pops u0 first, so u0 and u5 swap
    /// and the gradient of Pow(1 + u0², 1.5) is taken at u5.
    /// </summary>
    [Fact]
    public void Two_values_saved_before_a_loop_are_restored_in_the_order_they_were_saved()
    {
        RegressionCheck.MatchesFiniteDifferences(nameof(Two_values_saved_before_a_loop_are_restored_in_the_order_they_were_saved), """
            [Differentiable]
            public static double F(double a, double[] x)
            {
                double u0 = a;
                double u5 = Math.Pow(1.0 + u0 * u0, 1.5);
                foreach (double v in x)
                {
                    u0 += v;
                    u5 += 1.0;
                }
                return u5 * a;
            }
            """, -0.9357, new[] { -0.6489 });
    }

    /// <summary>
    /// Seed 16005 (10,000-program run): FPullbackResult.Backward recomputes the loop local u3
    /// (u3 = u2;) but declares only u2, so the generated code does not compile (CS0103). The
    /// method's result does not depend on its inputs (DIFF012 warning), but a warning must not
    /// come with generated code that breaks the build.
    /// </summary>
    [Fact]
    public void Pullback_recomputing_a_loop_local_that_only_decides_a_branch_compiles()
    {
        RegressionCheck.MatchesFiniteDifferences(nameof(Pullback_recomputing_a_loop_local_that_only_decides_a_branch_compiles), """
            [Differentiable]
            public static void F(Span<double> y, ReadOnlySpan<double> x, ReadOnlySpan<double> w)
            {
                for (int i = 0; i < x.Length; i++)
                {
                    double u2 = 0.75;
                    double u3 = u2;
                    double u7;
                    u7 = i > u3 ? 1.0 : Math.Floor(w[i] + 0.5);
                }
            }
            """, new double[1], new[] { 0.5, -0.3 }, new[] { 0.2, 0.9 });
    }

    /// <summary>Seed 10015: the same bug with a result that depends on a: Math.Pow(a, 3) decides the ?: and is recomputed as 'pow' in FPullbackResult.Backward, undeclared (CS0103).</summary>
    [Fact]
    public void Pullback_recomputing_a_call_that_only_decides_a_branch_compiles()
    {
        RegressionCheck.MatchesFiniteDifferences(nameof(Pullback_recomputing_a_call_that_only_decides_a_branch_compiles), """
            [Differentiable]
            public static void F(Span<double> y, double a)
            {
                for (int i = 0; i < y.Length; i++)
                {
                    y[y.Length - 1 - i] = Math.Pow(a, 3) > y[(i + 1) % y.Length] ? (double)i : Math.Floor(a + 0.5);
                }
            }
            """, new double[2], 0.3);
    }

    /// <summary>
    /// Seed 2049: a span output passed whole to a callee and then overwritten; the callee's reverse
    /// reads the span as it is at the end (y[0] = H's result) instead of as it was at the call
    /// (y[0] = 0), so dF/da is 1 + y[0] instead of 1.
    /// </summary>
    [Fact]
    public void Span_passed_whole_to_a_call_and_overwritten_after_it()
    {
        RegressionCheck.MatchesFiniteDifferences(nameof(Span_passed_whole_to_a_call_and_overwritten_after_it), """
            [Differentiable]
            public static double H(ReadOnlySpan<double> s, double q)
            {
                double u = q;
                q *= s[0];
                return q + u;
            }

            [Differentiable]
            public static void F(Span<double> y, double a)
            {
                y[0] = H(y, a);
            }
            """, new double[1], 0.9235);
    }

    /// <summary>
    /// Found next to seed 2049: a span output holding active values (y[0] = a²) passed whole to a
    /// callee; the callee's gradient for it goes into a scratch buffer that is dropped, so
    /// d(y[1])/da misses the path through y[0] (gets a² + 1 instead of 3a² + 1).
    /// </summary>
    [Fact]
    public void Span_output_holding_active_values_passed_whole_to_a_call()
    {
        RegressionCheck.MatchesFiniteDifferences(nameof(Span_output_holding_active_values_passed_whole_to_a_call), """
            [Differentiable]
            public static double H(ReadOnlySpan<double> s, double q) => q * s[0] + q;

            [Differentiable]
            public static void F(Span<double> y, double a)
            {
                y[0] = a * a;
                y[1] = H(y, a);
            }
            """, new double[2], 0.7);
    }

    /// <summary>Found while generating span-output programs: `return;` in a void method was DIFF005 ("an early 'return'"), although early returns are in the subset (fixed).</summary>
    [Fact]
    public void Early_return_from_a_void_method_with_a_span_output()
    {
        RegressionCheck.MatchesFiniteDifferences(nameof(Early_return_from_a_void_method_with_a_span_output), """
            [Differentiable]
            public static void F(double a, Span<double> y)
            {
                y[0] = a * a;
                if (a > 0)
                {
                    return;
                }
                y[1] = Math.Sin(a);
            }
            """, 0.7, new double[2]);
    }

    /// <summary>
    /// Seed 1017: the fused loop's records went to the method's own spans, so no tape was rented,
    /// but the adjoint buffer of a local array, hoisted before the fused loop, takes a scratch
    /// buffer from the tape (NullReferenceException in FBackward).
    /// </summary>
    [Fact]
    public void Fused_loop_with_local_records_and_a_local_array_adjoint()
    {
        RegressionCheck.MatchesFiniteDifferences(nameof(Fused_loop_with_local_records_and_a_local_array_adjoint), """
            [Differentiable]
            public static double F(double[] x)
            {
                double[] p = new double[x.Length];
                for (int i = 0; i < x.Length; i++)
                {
                    p[i] = x[i] * x[i];
                }
                double s = 0;
                for (int i = 0; i < x.Length; i++)
                {
                    double t = p[i];
                    for (int j = 0; j < 2; j++)
                    {
                        t = Math.Sin(t);
                    }
                    s += t;
                }
                return s;
            }
            """, new[] { 0.3, -0.8, 1.1 });
    }

    /// <summary>
    /// Seeds 46008, 60028: the outer loop reserved room for its own records only, then the nested
    /// loop's records filled it and the outer loop's unchecked pushes ran past the end
    /// (IndexOutOfRangeException). Now a loop whose nested loops record values keeps its checks.
    /// </summary>
    [Fact]
    public void Outer_loop_records_after_a_nested_loop_that_records()
    {
        RegressionCheck.MatchesFiniteDifferences(nameof(Outer_loop_records_after_a_nested_loop_that_records), """
            [Differentiable]
            public static double F(double a, double[] w)
            {
                for (int i0 = 0; i0 < w.Length; i0++)
                {
                    double u2;
                    foreach (double v7 in w)
                    {
                        a = 2.0;
                    }
                    a = Math.Asin(0.9 * Math.Tanh(a));
                    u2 = Math.Cos(a);
                    a = Math.Acos(0.9 * Math.Tanh(Math.Log10(1.0 + u2 * u2)));
                }
                return a;
            }
            """, 0.4, new[] { 0.3, -0.2, 0.5, 0.1, -0.4, 0.2, 0.6, -0.1, 0.25 });
    }

    /// <summary>
    /// Seed 181019 (10,000-program run of 2026-12-08): t0[0] is read, then overwritten in a while loop
    /// that may run no iteration, then overwritten again after it. The record analysis took the
    /// loop's restore as one that always runs, dropped the record of the store after the loop,
    /// and the read got 1 instead of 0 when the loop did not run (gradient 0.4 instead of 1/1.5).
    /// </summary>
    [Fact]
    public void Element_overwritten_after_a_loop_that_may_not_run_is_still_restored()
    {
        // As the shrinker left it; at w[0] = -1.1993 the loop runs no iteration, at 0.3 it runs twice.
        const string method = """
            [Differentiable]
            public static double F(ReadOnlySpan<double> w)
            {
                double[] t0 = new double[3];
                ref double z2 = ref t0[1];
                double u3 = w[0];
                z2 = u3;
                double u4 = u3 = Math.Exp(Math.Tanh(1.0)) - t0[1];
                double u5 = u3;
                double u8;
                u8 = z2 / (1.5 + t0[0] * t0[0]);
                int j11 = 0;
                while ((j11 < 2) && (Math.Log2(1.5 + Math.Cos(u5)) >= -0.4))
                {
                    j11++;
                    t0[0] = 1.0;
                }
                t0[0] = 1.0;
                return u8;
            }
            """;
        RegressionCheck.MatchesFiniteDifferences(nameof(Element_overwritten_after_a_loop_that_may_not_run_is_still_restored), method, new[] { -1.1993 });
        RegressionCheck.MatchesFiniteDifferences(nameof(Element_overwritten_after_a_loop_that_may_not_run_is_still_restored) + "Runs", method, new[] { 0.3 });
    }
}
