using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Corpus;

/// <summary>
/// Corners of the control-flow subset a reverse sweep can get wrong: loop counters that are not
/// simple counts, exits from inner loops, indices carried across iterations, values overwritten
/// inside one iteration, infinite loops left by break.
/// </summary>
public static partial class ControlFlowEdgeCorpus
{
    /// <summary>A counter that doubles: reads x[1], x[2], x[4], x[8], ...</summary>
    [Differentiable]
    public static double DoublingIndex(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 1; i < x.Length; i *= 2)
        {
            s = s * 0.5 + x[i] * x[i];
        }

        return s;
    }

    /// <summary>A step of three over a length that is not a multiple of it.</summary>
    [Differentiable]
    public static double StepThree(ReadOnlySpan<double> x)
    {
        double p = 1;
        for (int i = 0; i < x.Length; i += 3)
        {
            p = p * x[i] + 1;
        }

        return p;
    }

    /// <summary>A while loop with a manual index that advances by one or two depending on the data.</summary>
    [Differentiable]
    public static double DataDependentStride(ReadOnlySpan<double> x)
    {
        double s = 0;
        int i = 0;
        while (i < x.Length)
        {
            s += x[i] * x[i] * (i + 1);
            if (x[i] > 0)
                i += 2;
            else
                i++;
        }

        return s;
    }

    /// <summary>continue in a while loop, after the counter has moved on.</summary>
    [Differentiable]
    public static double WhileContinue(ReadOnlySpan<double> x)
    {
        double s = 0;
        int i = 0;
        while (i < x.Length)
        {
            double v = x[i];
            i++;
            if (v < 0)
                continue;
            s = s * 0.5 + v * v;
        }

        return s;
    }

    /// <summary>continue and break in a do/while.</summary>
    [Differentiable]
    public static double DoWhileContinueBreak(ReadOnlySpan<double> x)
    {
        double s = 1;
        int i = 0;
        do
        {
            double v = x[i];
            i++;
            if (v < 0)
                continue;
            if (v > 5)
                break;
            s = s * v + 1;
        }
        while (i < x.Length);
        return s;
    }

    /// <summary>for (;;) left only by break.</summary>
    [Differentiable]
    public static double ForeverWithBreak(double x)
    {
        double y = x;
        int k = 0;
        for (;;)
        {
            y = Math.Sin(y) + 0.5 * x;
            k++;
            if (k >= 4)
                break;
        }

        return y;
    }

    /// <summary>while (true) left by a return whose condition reads an active value.</summary>
    [Differentiable]
    public static double WhileTrueReturn(double x)
    {
        double y = x;
        while (true)
        {
            y = y * 1.5;
            if (y > 10)
                return y - x;
        }
    }

    /// <summary>break out of the inner loop only: each row stops at its first negative entry.</summary>
    [Differentiable]
    public static double InnerBreak(ReadOnlySpan<double> x, int cols)
    {
        double s = 0;
        for (int i = 0; i < x.Length / cols; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                double v = x[i * cols + j];
                if (v < 0)
                    break;
                s += v * v * (i + 1);
            }
        }

        return s;
    }

    /// <summary>An output index carried across iterations and advanced only for positive entries (compaction).</summary>
    [Differentiable]
    public static double CompactPositives(ReadOnlySpan<double> x)
    {
        var kept = new double[x.Length];
        int j = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] > 0)
            {
                kept[j] = x[i] * x[i];
                j++;
            }
        }

        double s = 0;
        for (int k = 0; k < j; k++)
        {
            s += kept[k] * (k + 1);
        }

        return s;
    }

    /// <summary>A body local overwritten inside the iteration by a branch.</summary>
    [Differentiable]
    public static double OverwrittenInIteration(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double t = x[i];
            if (t < 0)
                t = -2 * t;
            t = t * t + t;
            s += t;
        }

        return s;
    }

    /// <summary>A running maximum by Math.Max, carried across iterations.</summary>
    [Differentiable]
    public static double RunningMaxByMath(ReadOnlySpan<double> x)
    {
        double m = x[0];
        double s = 0;
        for (int i = 1; i < x.Length; i++)
        {
            m = Math.Max(m, x[i]);
            s += m * x[i];
        }

        return s;
    }

    /// <summary>A loop-carried value on both arms of a conditional operator.</summary>
    [Differentiable]
    public static double CarriedConditional(ReadOnlySpan<double> x)
    {
        double s = 1;
        for (int i = 0; i < x.Length; i++)
        {
            s = x[i] > 0 ? s * x[i] : s + x[i];
        }

        return s;
    }

    /// <summary>A Fibonacci-like pair carried through a temporary: b ← a + b·xᵢ, a ← old b.</summary>
    [Differentiable]
    public static double CarriedPair(ReadOnlySpan<double> x)
    {
        double a = 1, b = 1;
        for (int i = 0; i < x.Length; i++)
        {
            double t = a;
            a = b;
            b = t + b * x[i];
        }

        return a * b;
    }

    /// <summary>A local array recurrence: p[i] = p[i - 1]·xᵢ + 1, read in the next iteration.</summary>
    [Differentiable]
    public static double LocalArrayRecurrence(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        var p = new double[n];
        p[0] = x[0];
        for (int i = 1; i < n; i++)
        {
            p[i] = p[i - 1] * x[i] + 1;
        }

        return p[n - 1] * p[n - 2];
    }

    /// <summary>A span output element written, then read and overwritten in the same loop.</summary>
    [Differentiable]
    public static void OutputRewritten(ReadOnlySpan<double> x, Span<double> y)
    {
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = x[i] + 1;
            y[i] = y[i] * y[i];
            if (i > 0)
                y[i] = y[i] - y[i - 1] * x[i];
        }
    }

    /// <summary>A rank-2 tensor result accumulated with += in nested loops (outer product plus a diagonal).</summary>
    [Differentiable]
    public static Tensor TensorAccumulate(Tensor x)
    {
        int n = x.Length;
        var y = Tensor.Zeros(n, n);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                y[i, j] += x[i] * x[j];
                if (i == j)
                    y[i, j] += Math.Exp(x[i]);
            }
        }

        return y;
    }

    /// <summary>Nested foreach over the same span with continue in the inner one.</summary>
    [Differentiable]
    public static double NestedForeach(ReadOnlySpan<double> x)
    {
        double s = 0;
        foreach (double a in x)
        {
            foreach (double b in x)
            {
                if (a > b)
                    continue;
                s += a * b;
            }
        }

        return s;
    }

    /// <summary>A loop bound that is an active value: the loop runs while the sum stays below x[0].</summary>
    [Differentiable]
    public static double ActiveBound(ReadOnlySpan<double> x)
    {
        double s = 0;
        int i = 1;
        while (i < x.Length && s < x[0])
        {
            s += x[i] * x[i];
            i++;
        }

        return s * x[0];
    }

    /// <summary>An inactive bool parameter read inside the loop.</summary>
    [Differentiable]
    public static double FlagInLoop(ReadOnlySpan<double> x, bool squares)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (squares)
                s += x[i] * x[i];
            else
                s += Math.Sin(x[i]);
        }

        return s;
    }

    /// <summary>Return of a body local from inside nested loops.</summary>
    [Differentiable]
    public static double ReturnBodyLocal(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double t = s + x[i] * x[i];
            for (int j = 0; j < i; j++)
            {
                double u = t * x[j];
                if (u > 6)
                    return u;
            }

            s = t;
        }

        return -s;
    }

    /// <summary>Reading the counter of a finished loop after it.</summary>
    [Differentiable]
    public static double CounterAfterLoop(ReadOnlySpan<double> x)
    {
        int i;
        double s = 0;
        for (i = 0; i < x.Length; i++)
        {
            if (x[i] < 0)
                break;
            s += x[i];
        }

        return i < x.Length ? s * x[i] : s;
    }

    /// <summary>The loop counter declared as long.</summary>
    [Differentiable]
    public static double LongCounter(double[] x)
    {
        double s = 0;
        for (long i = 0; i < x.Length; i++)
        {
            s += x[i] * x[i] * x[i];
        }

        return s;
    }

    /// <summary>A rank-1 tensor in a loop with ?: on its elements and a break on the running sum.</summary>
    [Differentiable]
    public static double TensorTernaryBreak(Tensor x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            s += x[i] > 0 ? x[i] * x[i] : -x[i];
            if (s > 5)
                break;
        }

        return s;
    }

    /// <summary>Locals named like the generated code's own (result, count, branch, iteration, exit, iterations).</summary>
    [Differentiable]
    public static double GeneratedNames(ReadOnlySpan<double> x)
    {
        double result = 0;
        int count = 0;
        double branch = 1;
        for (int iteration = 0; iteration < x.Length; iteration++)
        {
            double exit = x[iteration] * branch;
            if (exit > 2)
                break;
            result += exit * x[iteration];
            branch = branch * 0.5 + exit;
            count++;
        }

        double iterations = count;
        return result * iterations;
    }

    /// <summary>break inside foreach at the first negative entry.</summary>
    [Differentiable]
    public static double BreakInForeach(ReadOnlySpan<double> x)
    {
        double s = 0;
        foreach (double v in x)
        {
            if (v < 0)
                break;
            s += v * v;
        }

        return s;
    }

    /// <summary>return from inside foreach once the running product passes 3.</summary>
    [Differentiable]
    public static double ReturnInForeach(ReadOnlySpan<double> x)
    {
        double s = 1;
        foreach (double v in x)
        {
            s *= v;
            if (s > 3)
                return s + v;
        }

        return s;
    }

    /// <summary>return from inside a do/while.</summary>
    [Differentiable]
    public static double ReturnInDoWhile(double x)
    {
        double y = x;
        do
        {
            y = y * y + 0.25;
            if (y > 2)
                return y * x;
        }
        while (y < 100);
        return -y;
    }

    /// <summary>Two-argument Math functions of active values in a loop (Atan2, Pow, Min, Max with a carried value).</summary>
    [Differentiable]
    public static double TwoArgMathInLoop(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i + 1 < x.Length; i++)
        {
            s += Math.Atan2(x[i], x[i + 1]) + Math.Pow(Math.Abs(x[i]) + 1, x[i + 1]) + Math.Min(x[i], x[i + 1]) * Math.Max(s, 0.5);
        }

        return s;
    }

    /// <summary>A step that is an int parameter.</summary>
    [Differentiable]
    public static double StrideParameter(ReadOnlySpan<double> x, int stride)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i += stride)
            s = s * x[i] + x[i];
        return s;
    }

    /// <summary>A rank-3 tensor read in three nested loops.</summary>
    [Differentiable]
    public static double Rank3Loop(Tensor x, int a, int b, int c)
    {
        double s = 0;
        for (int i = 0; i < a; i++)
            for (int j = 0; j < b; j++)
                for (int k = 0; k < c; k++)
                    s += x[i, j, k] * x[i, j, k] * (i + 1) - x[i, j, k] * (j - k);
        return s;
    }

    /// <summary>A span output written only in part: y[2] keeps what the caller passed.</summary>
    [Differentiable]
    public static void PartialOutput(ReadOnlySpan<double> x, Span<double> y)
    {
        for (int i = 0; i < x.Length; i += 2)
            y[i / 2] = x[i] * x[i + 1];
    }

    /// <summary>A local tensor written on both sides of a branch and returned.</summary>
    [Differentiable]
    public static Tensor TensorBranchWrites(Tensor x)
    {
        var y = Tensor.Zeros(x.Length);
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] > 0)
                y[i] = Math.Sqrt(x[i]);
            else
                y[i] = x[i] * x[i];
        }

        return y;
    }

    /// <summary>Trip counts from a tensor's shape: (Σᵢⱼ (i - j)·xᵢⱼ)².</summary>
    [Differentiable]
    public static double ShapeTripCounts(Tensor x)
    {
        double s = 0;
        for (int i = 0; i < x.Shape[0]; i++)
        {
            for (int j = 0; j < x.Shape[1]; j++)
                s += x[i, j] * (i - j);
        }

        return s * s;
    }

    /// <summary>A local array's Length as the bound of the loops that write and read it.</summary>
    [Differentiable]
    public static double LocalArrayLengthBound(ReadOnlySpan<double> x)
    {
        var t = new double[x.Length - 1];
        for (int i = 0; i < t.Length; i++)
            t[i] = x[i] * x[i + 1];
        double s = 0;
        for (int i = 0; i < t.Length; i++)
            s += t[i] * t[i];
        return s;
    }

    /// <summary>A returned local array whose Length bounds its loop: yᵢ = xᵢ·xᵢ₊₁.</summary>
    [Differentiable]
    public static double[] NeighbourProducts(ReadOnlySpan<double> x)
    {
        var y = new double[x.Length - 1];
        for (int i = 0; i < y.Length; i++)
            y[i] = x[i] * x[i + 1];
        return y;
    }

    /// <summary>An early return from a void method with a span output: stops writing at the first entry above 2.</summary>
    [Differentiable]
    public static void OutputUntilLarge(ReadOnlySpan<double> x, Span<double> y)
    {
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] > 2)
                return;
            y[i] = x[i] * x[i];
        }
    }
}
