using System;
using System.Threading.Tasks;
using SourceGen.Autodiff.EndToEnd.Tests.Cases;
using SourceGen.Autodiff.EndToEnd.Tests.Corpus;
using SourceGen.Autodiff.EndToEnd.Tests.Harness;
using Xunit;

namespace SourceGen.Autodiff.EndToEnd.Tests;

/// <summary>
/// What the corpus checks cannot see: loop methods at sizes that grow the tape past its pooled
/// buffers, several pullbacks alive at once, many threads, steady-state allocation, empty
/// inputs, and seeds or buffers of the wrong size.
/// </summary>
public sealed class LoopRuntimeTests
{
    private const double Tight = 1e-10;

    [Fact]
    public void Horner_with_thousands_of_coefficients_matches_the_exact_gradient()
    {
        double[] point = Ramp(1 + 5000, first: 0.999); // [x, c...]
        double x = point[0];
        double xGrad = 0;
        var cGrad = new double[5000];
        ClassicCorpus.HornerBackward(x, point.AsSpan(1), 0.7, ref xGrad, cGrad);
        double[] exact = Vectors.Scale(ClassicGradients.PolynomialGradient(point), 0.7);
        Close.All(exact, [xGrad, .. cGrad], Tight, Tight, "Horner, 5000 coefficients");
    }

    [Fact]
    public void Recurrence_over_ten_thousand_steps_matches_backpropagation_by_hand()
    {
        double[] point = Ramp(2 + 10_000, first: 0.9); // [w, u, x...]
        point[1] = -0.4;
        var grad = new double[point.Length];
        ClassicCorpus.RecurrenceBackward(point[0], point[1], point.AsSpan(2), 1, ref grad[0], ref grad[1], grad.AsSpan(2));
        Close.All(ClassicGradients.RecurrenceGradient(point), grad, Tight, Tight, "Recurrence, 10000 steps");
    }

    [Fact]
    public void Break_after_thousands_of_iterations_matches_the_exact_gradient()
    {
        var x = new double[8000];
        Array.Fill(x, 0.03); // running sum of squares passes 4 after 4445 elements
        var grad = new double[x.Length];
        ControlFlowCorpus.BreakOnActiveSumBackward(x, 1, grad);
        int kept = (int)Math.Floor(4 / (0.03 * 0.03)) + 1;
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(i < kept ? 0.06 : 0, grad[i], 12);
        }
    }

    [Fact]
    public void Pullbacks_alive_at_the_same_time_keep_their_own_tapes()
    {
        double[] first = [0.8, 1, -2, 0.5, 3, -1.5], second = [-1.3, 0.5, 2, -1, 0.25, 4];
        var p1 = ClassicCorpus.HornerPullback(first[0], first.AsSpan(1));
        var p2 = ClassicCorpus.HornerPullback(second[0], second.AsSpan(1));
        double unusedX = 0;
        ClassicCorpus.HornerBackward(2.5, [9, 8, 7, 6, 5, 4, 3], 1, ref unusedX, new double[7]); // reuses the thread's tape in between

        Close.All(ClassicGradients.PolynomialGradient(first), RunHornerPullback(p1), Tight, Tight, "first pullback");
        Close.All(ClassicGradients.PolynomialGradient(second), RunHornerPullback(p2), Tight, Tight, "second pullback");
        Close.All(ClassicGradients.PolynomialGradient(first), RunHornerPullback(p1), Tight, Tight, "first pullback, again");
    }

    [Fact]
    public void Backward_on_many_threads_at_once_gives_each_its_own_gradient()
    {
        var failures = new string?[64];
        Parallel.For(0, failures.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, k =>
        {
            for (int repeat = 0; repeat < 20; repeat++)
            {
                double[] point = Ramp(2 + 50 + k, first: 0.5 + 0.01 * k);
                var grad = new double[point.Length];
                ClassicCorpus.RecurrenceBackward(point[0], point[1], point.AsSpan(2), 1, ref grad[0], ref grad[1], grad.AsSpan(2));
                GradientCheckResult result = GradientCheck.Compare(grad, ClassicGradients.RecurrenceGradient(point), Tight, Tight);
                if (!result.Passed)
                {
                    failures[k] = $"thread case {k}: element {result.WorstIndex} is {result.WorstAnalytic}, expected {result.WorstNumeric}";
                }
            }
        });
        Assert.All(failures, Assert.Null);
    }

    [Fact]
    public void Loop_backward_methods_allocate_nothing_in_steady_state()
    {
        double[] x = Ramp(64, first: 0.3), grad = new double[64], c = Ramp(20, first: 0.5), cGrad = new double[20];
        double[] y = new double[ClassicData.MatrixRows], seed = SpanCaseBuilder.SeedOf(ClassicData.MatrixRows), four = x[..4];
        double scalarGrad = 0, wGrad = 0, uGrad = 0;

        void Run()
        {
            ClassicCorpus.RosenbrockBackward(x, 0.7, grad);
            ClassicCorpus.HornerBackward(0.9, c, 0.7, ref scalarGrad, cGrad);
            ClassicCorpus.LogSumExpBackward(x, 0.7, grad);
            ClassicCorpus.RecurrenceBackward(0.8, -0.6, x, 0.7, ref wGrad, ref uGrad, grad);
            ControlFlowCorpus.BreakOnActiveSumBackward(x, 0.7, grad);
            ControlFlowCorpus.AlternatingSumBackward(x, 0.7, grad);
            ControlFlowEdgeCorpus.DataDependentStrideBackward(x, 0.7, grad);
            ClassicCorpus.MatVecBackward(ClassicData.Matrix, four, y, seed, grad.AsSpan(0, 4));
        }

        Assert.Equal(0, Allocations.InSteadyState(Run));
    }

    /// <summary>The allocation checks can fail: an allocating run is seen.</summary>
    [Fact]
    public void Steady_state_measure_sees_an_allocation() =>
        Assert.True(Allocations.InSteadyState(() => GC.KeepAlive(new double[4])) >= 100 * 4 * sizeof(double));

    [Fact]
    public void Empty_inputs_run_no_iterations()
    {
        Assert.Equal(0, ClassicCorpus.DotBackward([], [], 0.7, [], []));
        Assert.Equal(0, ClassicCorpus.RosenbrockBackward([], 0.7, []));
        double xGrad = 5;
        Assert.Equal(0, ClassicCorpus.HornerBackward(2, [], 0.7, ref xGrad, []));
        Assert.Equal(5, xGrad);
        Assert.Empty(ControlFlowCorpus.StepTwoGradient([]));
    }

    [Fact]
    public void Array_result_seed_of_the_wrong_length_throws_before_writing()
    {
        double[] xGrad = [42, 42, 42, 42];
        var e = Assert.ThrowsAny<ArgumentException>(() => ClassicCorpus.LeakyReluArrayBackward([1.5, -2, 0.25, -3], new double[3], xGrad));
        Assert.Contains("3", e.Message);
        Assert.Contains("4", e.Message);
        Assert.All(xGrad, v => Assert.Equal(42, v));
    }

    [Fact]
    public void Span_output_seed_of_the_wrong_length_throws_before_writing()
    {
        double[] xGrad = [42, 42, 42, 42];
        var e = Assert.ThrowsAny<ArgumentException>(() =>
            ClassicCorpus.SoftmaxBackward([0.3, 2.1, -1, 1.7], new double[4], new double[5], xGrad));
        Assert.Contains("5", e.Message);
        Assert.Contains("4", e.Message);
        Assert.All(xGrad, v => Assert.Equal(42, v));
    }

    [Fact]
    public void Loop_method_buffer_of_the_wrong_length_throws_before_writing()
    {
        double xGrad = 42;
        double[] cGrad = [42, 42];
        var e = Assert.ThrowsAny<ArgumentException>(() => ClassicCorpus.HornerBackward(0.5, [1, 2, 3], 1, ref xGrad, cGrad));
        Assert.Contains("2", e.Message);
        Assert.Contains("3", e.Message);
        Assert.Equal(42, xGrad);
        Assert.All(cGrad, v => Assert.Equal(42, v));
    }

    private static double[] RunHornerPullback(ClassicCorpus.HornerPullbackResult pullback)
    {
        double xGrad = 0;
        var cGrad = new double[5];
        pullback.Backward(1, ref xGrad, cGrad);
        return [xGrad, .. cGrad];
    }

    /// <summary>first, then values cycling through [-1, 1) so long inputs stay moderate.</summary>
    private static double[] Ramp(int length, double first)
    {
        var values = new double[length];
        values[0] = first;
        for (int i = 1; i < length; i++)
        {
            values[i] = ((i * 37) % 200 - 100) / 100.0;
        }

        return values;
    }
}
