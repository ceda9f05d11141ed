using System.Threading.Tasks;
using Xunit;

namespace SourceGen.Autodiff.Generator.Tests.Diagnostics;

/// <summary>
/// Local arrays as references: what stays refused because one storage per variable would not
/// compute what the shared references compute (DIFF006 at the construct, saying what to do).
/// </summary>
public sealed class ArrayDiagnosticTests
{
    /// <summary>The members in a partial class Model with the usings every test needs: the first member is on line 6.</summary>
    private static string Model(string members) => "using System;\nusing SourceGen.Autodiff;\n\npublic static partial class Model\n{\n" + members + "\n}\n";

    [Fact]
    public Task An_assigned_array_used_again_while_shared_is_refused() =>
        AnalyzerRun.AssertSingleAsync(Model("""
                    [Differentiable]
                    public static double F(double[] x, int steps)
                    {
                        var h = new double[x.Length];
                        var next = new double[x.Length];
                        for (int i = 0; i < x.Length; i++) h[i] = x[i];
                        for (int s = 0; s < steps; s++)
                        {
                            for (int i = 1; i < x.Length; i++) next[i] = h[i] * h[i - 1];
                            h = next;
                        }
                        return h[0];
                    }
                """),
            "DIFF006", 15, 13, "h = next",
            "Cannot differentiate through 'h = next': after this, 'h' and 'next' are the same array, and 'next' is used again in the loop's next iteration: "
            + "create 'next' anew (new double[n]) before its next use, declare it inside the loop, or swap the two with (h, next) = (next, h)");

    [Fact]
    public Task An_array_created_again_with_another_length_is_refused() =>
        AnalyzerRun.AssertSingleAsync(Model("""
                    [Differentiable]
                    public static double F(double[] x)
                    {
                        var a = new double[x.Length];
                        a[0] = x[0];
                        double first = a[0];
                        a = new double[x.Length + 1];
                        a[1] = x[1];
                        return first * a[1];
                    }
                """),
            "DIFF006", 12, 9, "a = new double[x.Length + 1]",
            "Cannot differentiate through 'a = new double[x.Length + 1]': every array held by 'a' must have the same length, written the same way from values the method never changes (here 'x.Length'): 'a' keeps one storage of that length");

    [Fact]
    public Task An_array_whose_length_changes_in_the_loop_is_refused() =>
        AnalyzerRun.AssertSingleAsync(Model("""
                    [Differentiable]
                    public static double F(double[] x)
                    {
                        double s = 0;
                        for (int m = 1; m < x.Length; m++)
                        {
                            var prefix = new double[m];
                            for (int i = 0; i < m; i++) prefix[i] = x[i] * x[i];
                            s += prefix[m - 1];
                        }
                        return s;
                    }
                """),
            "DIFF006", 12, 37, "m",
            "Cannot differentiate through 'm': the length of an array created inside a loop or branch must be computable before that statement, from values the method never changes (an int parameter, a local set once, or another array's Length)");

    [Fact]
    public Task A_tuple_assignment_of_arrays_other_than_a_swap_is_refused() =>
        AnalyzerRun.AssertSingleAsync(Model("""
                    [Differentiable]
                    public static double F(double[] x)
                    {
                        var a = new double[2];
                        var b = new double[2];
                        var c = new double[2];
                        a[0] = x[0];
                        (a, b) = (c, a);
                        return b[0];
                    }
                """),
            "DIFF006", 13, 9, "(a, b) = (c, a)",
            "Cannot differentiate through '(a, b) = (c, a)': between arrays, only a swap of two local arrays, (a, b) = (b, a), is supported; assign them one by one");

    [Fact]
    public Task A_foreach_over_an_array_assigned_inside_it_is_refused() =>
        AnalyzerRun.AssertSingleAsync(Model("""
                    [Differentiable]
                    public static double F(double[] x)
                    {
                        var a = new double[2];
                        var b = new double[2];
                        a[0] = x[0];
                        double s = 0;
                        foreach (var v in a)
                        {
                            s += v;
                            b[1] = v * x[1];
                            (a, b) = (b, a);
                        }
                        return s;
                    }
                """),
            "DIFF006", 17, 13, "(a, b) = (b, a)",
            "Cannot differentiate through '(a, b) = (b, a)': a foreach over 'a' encloses this; it would go on reading the old array: loop with an index instead");

    [Fact]
    public Task A_window_on_an_array_that_is_assigned_again_is_refused() =>
        AnalyzerRun.AssertSingleAsync(Model("""
                    [Differentiable]
                    public static double F(double[] x)
                    {
                        var a = new double[3];
                        var b = new double[3];
                        a[0] = x[0];
                        ReadOnlySpan<double> first = a.AsSpan(0, 2);
                        (a, b) = (b, a);
                        return first[0] * x[1];
                    }
                """),
            "DIFF006", 12, 30, "first = a.AsSpan(0, 2)",
            "Cannot differentiate through 'first = a.AsSpan(0, 2)': 'first' is a window on 'a', which is assigned or created again, so the window would keep naming the old array; index 'a' directly");

    [Fact]
    public Task A_window_assigned_again_is_refused() =>
        AnalyzerRun.AssertSingleAsync(Model("""
                    [Differentiable]
                    public static double F(double[] x)
                    {
                        ReadOnlySpan<double> w = x.AsSpan(0, 2);
                        double s = w[0];
                        w = x.AsSpan(1, 2);
                        return s * w[1];
                    }
                """),
            "DIFF006", 9, 30, "w = x.AsSpan(0, 2)",
            "Cannot differentiate through 'w = x.AsSpan(0, 2)': the window 'w' is assigned again; bind each window to a local of its own");

    [Fact]
    public Task Copying_within_one_array_is_refused() =>
        AnalyzerRun.AssertSingleAsync(Model("""
                    [Differentiable]
                    public static double F(double[] x)
                    {
                        var a = new double[4];
                        a[0] = x[0];
                        a.AsSpan(0, 2).CopyTo(a.AsSpan(1));
                        return a[1] * a[2];
                    }
                """),
            "DIFF006", 11, 9, "a.AsSpan(0, 2).CopyTo(a.AsSpan(1))",
            "Cannot differentiate through 'a.AsSpan(0, 2).CopyTo(a.AsSpan(1))': copying within one array is not supported; copy through a second array");

    [Fact]
    public Task Filling_an_input_is_a_write_to_an_input() =>
        AnalyzerRun.AssertSingleAsync(Model("""
                    [Differentiable]
                    public static double F(double[] x)
                    {
                        Array.Fill(x, 1.0);
                        return x[0];
                    }
                """),
            "DIFF011", 9, 9, "Array.Fill(x, 1.0)",
            "Cannot differentiate a write into input parameter 'x': inputs are read-only in a [Differentiable] method; copy it into a local array or write into a Span<double> output parameter");

    /// <summary>Not yet supported: a window passed to another [Differentiable] method is refused, not copied silently.</summary>
    [Fact]
    public Task A_window_passed_to_a_differentiable_method_is_refused() =>
        AnalyzerRun.AssertSingleAsync(Model("""
                    [Differentiable]
                    public static double Sum(ReadOnlySpan<double> v)
                    {
                        double s = 0;
                        foreach (var e in v) s += e;
                        return s;
                    }

                    [Differentiable]
                    public static double F(double[] x) => Sum(x.AsSpan(1, 2)) * x[0];
                """),
            "DIFF006", 15, 47, "x.AsSpan(1, 2)",
            "Cannot differentiate through 'x.AsSpan(1, 2)': a window (AsSpan, Slice, a range, or a span local bound to one) cannot be passed to another [Differentiable] method yet; pass the whole array and the window's start and length as int arguments");

    [Fact]
    public Task An_array_assigned_while_a_window_on_it_is_in_use_is_refused() =>
        AnalyzerRun.AssertSingleAsync(Model("""
                    [Differentiable]
                    public static double F(double[] x)
                    {
                        var h = new double[2];
                        var h2 = new double[2];
                        h2[0] = x[0];
                        ReadOnlySpan<double> w = h2;
                        h = h2;
                        h[0] = x[1];
                        return w[0] * h[0];
                    }
                """),
            "DIFF006", 13, 9, "h = h2",
            "Cannot differentiate through 'h = h2': the window 'w' on 'h2' would keep naming the old array; index 'h2' directly instead of through a window");
}
