#if CALLS
using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Corpus;

/// <summary>
/// [Differentiable] methods calling other [Differentiable] methods: in this class and in the
/// other corpus classes (other files), nested, in loops and branches, with spans, data and ints.
/// </summary>
public static partial class CallCorpus
{
    [Differentiable]
    public static double Square(double x) => x * x;

    [Differentiable]
    public static double Cube(double x) => x * Square(x);

    /// <summary>Three levels deep: Cube calls Square.</summary>
    [Differentiable]
    public static double CubePlusSquare(double x, double y) => Cube(x * y) + Square(y) * x;

    /// <summary>The same active value passed to both parameters of a callee.</summary>
    [Differentiable]
    public static double SameArgumentTwice(double x) => ClassicCorpus.Clamp(x, x * 0.5, x * x) + ScalarCorpus.Product(x, x);

    /// <summary>A callee in a loop, with the loop-carried value as its argument.</summary>
    [Differentiable]
    public static double SquareInLoop(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double t = Square(x[i] + s * 0.1);
            s += t;
        }

        return s;
    }

    /// <summary>Callees on both sides of a branch on an active value.</summary>
    [Differentiable]
    public static double BranchCalls(double x)
    {
        double y;
        if (x > 0)
        {
            y = Square(x);
        }
        else
        {
            y = Cube(x);
        }

        return y + x;
    }

    /// <summary>A span passed whole to callees in other classes (with loops of their own).</summary>
    [Differentiable]
    public static double SpanToOtherClasses(ReadOnlySpan<double> x)
    {
        double lse = ClassicCorpus.LogSumExp(x);
        double ss = ClassicCorpus.SumOfSquares(x);
        return lse * ss;
    }

    /// <summary>Two spans and a scalar through a callee with a tape (Horner), called in a loop.</summary>
    [Differentiable]
    public static double HornerAtEachPoint(ReadOnlySpan<double> points, ReadOnlySpan<double> c)
    {
        double s = 0;
        for (int i = 0; i < points.Length; i++)
        {
            double p = ClassicCorpus.Horner(points[i], c);
            s += p * p;
        }

        return s;
    }

    /// <summary>Data forwarded to a callee's [NoGradient] parameters.</summary>
    [Differentiable]
    public static double RegularizedLogistic(ReadOnlySpan<double> w, double b, [NoGradient] ReadOnlySpan<double> x, [NoGradient] ReadOnlySpan<double> y)
    {
        double loss = ClassicCorpus.LogisticRegression(w, b, x, y);
        double penalty = ClassicCorpus.SumOfSquares(w);
        return loss + 0.1 * penalty;
    }

    /// <summary>An int argument forwarded to a callee's loop count.</summary>
    [Differentiable]
    public static double PowerThroughCall(double x, int n) => ControlFlowCorpus.PowerLoop(x, n) + ControlFlowCorpus.PowerLoop(x, 2);

    /// <summary>A callee whose loop breaks on a data-dependent condition.</summary>
    [Differentiable]
    public static double BreakingCallee(ReadOnlySpan<double> x, double scale)
    {
        double s = ControlFlowCorpus.BreakOnActiveSum(x);
        return scale * s;
    }

    /// <summary>A callee called with an argument under Gradient.Stop: nothing flows into that argument.</summary>
    [Differentiable]
    public static double StoppedArgument(double x, double y) => ScalarCorpus.Product(Gradient.Stop(x), y) + Square(x);

    /// <summary>The recurrence cell as a method of its own, called in a while loop.</summary>
    [Differentiable]
    public static double Cell(double w, double u, double h, double x) => Math.Tanh(w * h + u * x);

    [Differentiable]
    public static double RecurrenceByCells(double w, double u, ReadOnlySpan<double> x)
    {
        double h = 0;
        int t = 0;
        while (t < x.Length)
        {
            h = Cell(w, u, h, x[t]);
            t++;
        }

        return h;
    }

    /// <summary>A local array passed to a callee as a span after a loop fills it.</summary>
    [Differentiable]
    public static double LocalArrayArgument(ReadOnlySpan<double> x)
    {
        var doubled = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            doubled[i] = 2 * x[i] + 1;
        }

        return ClassicCorpus.Rosenbrock(doubled);
    }

    /// <summary>A tensor passed to a callee with tensor element loops.</summary>
    [Differentiable]
    public static double TensorCallee(Tensor x) => ControlFlowCorpus.TensorLoop(x) * TensorCorpus.Rank1Reads(x);

    /// <summary>Calls that return early from inside their loops, twice in a row.</summary>
    [Differentiable]
    public static double EarlyReturningCallees(ReadOnlySpan<double> x)
    {
        double a = ControlFlowCorpus.ReturnFromLoop(x);
        double b = ControlFlowEdgeCorpus.ReturnBodyLocal(x);
        return a * b;
    }

    /// <summary>A call result in a local declared inside the loop body.</summary>
    [Differentiable]
    public static double StatementCallInLoop(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double c = Cube(x[i]);
            s += c * x[i];
        }

        return s;
    }

    /// <summary>The loop-carried value passed through a callee: s ← Cube(s)/2 + xᵢ.</summary>
    [Differentiable]
    public static double CarriedThroughCall(ReadOnlySpan<double> x)
    {
        double s = 0.5;
        for (int i = 0; i < x.Length; i++)
        {
            s = Cube(s) * 0.5 + x[i];
        }

        return s;
    }

    /// <summary>Four levels: this loop calls SpanToOtherClasses, which calls LogSumExp and SumOfSquares (loops with branches).</summary>
    [Differentiable]
    public static double DeepCalls(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < 2; i++)
        {
            double r = SpanToOtherClasses(x);
            s = s * 0.5 + r;
        }

        return s;
    }

    /// <summary>A call result and locals named like the generated adjoints (cube, sBar, sAdjoint, xAdjoint).</summary>
    [Differentiable]
    public static double NamesLikeAdjoints(ReadOnlySpan<double> x)
    {
        double s = 0, sBar = 1, sAdjoint = 2, xAdjoint = 0.5;
        for (int i = 0; i < x.Length; i++)
        {
            double cube = Cube(x[i]);
            s += cube * sBar + sAdjoint * x[i] * xAdjoint;
            sBar = sBar * 0.5;
        }

        return s;
    }

    // Call results overwritten in loops by callees that record on the tape (regressions of a
    // misaligned tape read, fixed in 612146f).

    /// <summary>
    /// Minimal repro of a call result overwritten in a loop whose callee records on the tape:
    /// Σ Cube(xᵢ)·xᵢ = Σ xᵢ⁴.
    /// </summary>
    [Differentiable]
    public static double CubesInLoop(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            s += Cube(x[i]) * x[i];
        }

        return s;
    }

    /// <summary>Callees in a loop that writes a span output: MJacobian through calls.</summary>
    [Differentiable]
    public static void MapThroughCalls(ReadOnlySpan<double> x, Span<double> y)
    {
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = Square(x[i]) * Cube(x[i] + 1);
        }
    }

    /// <summary>The same in a branch inside the loop: Σ over positives of xᵢ⁴, minus the others.</summary>
    [Differentiable]
    public static double CallInBranchInLoop(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] > 0)
                s += Cube(x[i]) * x[i];
            else
                s -= x[i];
        }

        return s;
    }

    /// <summary>A call result as the argument of another call in a loop: Σ xᵢ⁶.</summary>
    [Differentiable]
    public static double NestedCallArgument(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
            s += Square(Cube(x[i]));
        return s;
    }

    /// <summary>A taped callee with a loop of its own (Horner) whose result is multiplied in a loop: Σ p(xᵢ)·xᵢ.</summary>
    [Differentiable]
    public static double HornerTimesPoint(ReadOnlySpan<double> x, ReadOnlySpan<double> c)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
            s += ClassicCorpus.Horner(x[i], c) * x[i];
        return s;
    }

    /// <summary>Two taped callees (one returns from inside its loop) in a loop that breaks on the running sum.</summary>
    [Differentiable]
    public static double TapedCalleesInBreakingLoop(ReadOnlySpan<double> x, ReadOnlySpan<double> c)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double p = ClassicCorpus.Horner(x[i], c);
            double r = ControlFlowCorpus.ReturnFromLoop(c);
            s += p * r;
            if (s > 10)
                break;
        }

        return s;
    }

    /// <summary>Elements of a local array, written in one loop, as arguments in the next.</summary>
    [Differentiable]
    public static double LocalElementArguments(ReadOnlySpan<double> x)
    {
        var t = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
            t[i] = x[i] * x[i];
        double s = 0;
        for (int i = 0; i < x.Length; i++)
            s += Cube(t[i]);
        return s;
    }

    /// <summary>A callee that reassigns its own parameter in a while loop.</summary>
    [Differentiable]
    public static double CalleeReassignsItsParameter(double x, double r) => ControlFlowCorpus.WhileLogisticMap(x, r, 3) * x;

#if GENERATOR_BUG_NON_SCALAR_CALLEES
    // Calls to [Differentiable] methods with a double[], Tensor or Span output result are DIFF006/DIFF005 today.

    [Differentiable]
    public static double ArrayResultCallee(ReadOnlySpan<double> x)
    {
        double[] y = ClassicCorpus.LeakyReluArray(x);
        return y[0] * y[1] + y[2];
    }

    [Differentiable]
    public static double TensorResultCallee(Tensor x)
    {
        Tensor q = TensorCorpus.Quadratic(x);
        return q[0] * q[1];
    }

    [Differentiable]
    public static double SpanOutputCallee(ReadOnlySpan<double> x)
    {
        var y = new double[x.Length];
        ClassicCorpus.Softmax(x, y);
        return y[0] * 3 + y[1];
    }
#endif

    /// <summary>float callees from a float caller (FloatCorpus is compiled with FLOAT, as this file with CALLS).</summary>
    [Differentiable]
    public static float FloatCaller(float x, ReadOnlySpan<float> c) => FloatCorpus.Horner(x, c) * FloatCorpus.Sigmoid(x);
}
#endif
