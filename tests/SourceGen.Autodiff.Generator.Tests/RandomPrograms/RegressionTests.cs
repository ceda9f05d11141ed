using Xunit;

namespace SourceGen.Autodiff.Generator.Tests.RandomPrograms;

/// <summary>
/// Generator bugs the random programs found, each minimized by <see cref="Shrinker"/> (names say
/// what goes wrong; the comment names the random program it came from). All are fixed and kept as regression tests.
/// </summary>
public sealed class RegressionTests
{
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

    /// <summary>Found while generating span-output programs: `return;` in a void method is DIFF005 ("an early 'return'"), although early returns are in the subset.</summary>
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
}
