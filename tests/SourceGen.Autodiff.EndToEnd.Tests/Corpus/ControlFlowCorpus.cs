using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Corpus;

/// <summary>
/// Every control-flow construct of the subset, alone and combined. Branches on active values
/// differentiate the branch that was taken (PyTorch's behaviour); the cases test both sides.
/// </summary>
public static partial class ControlFlowCorpus
{
    /// <summary>if/else with braces on an active condition: x² above 0, x³ otherwise.</summary>
    [Differentiable]
    public static double IfElse(double x)
    {
        double y;
        if (x > 0)
        {
            y = x * x;
        }
        else
        {
            y = x * x * x;
        }

        return y;
    }

    /// <summary>if/else without braces, comparing two active values.</summary>
    [Differentiable]
    public static double IfElseNoBraces(double x, double y)
    {
        double r = x;
        if (x >= y)
            r = x * y;
        else
            r = r - 2 * y;
        return r;
    }

    /// <summary>An if without else that modifies a value computed before it.</summary>
    [Differentiable]
    public static double IfWithoutElse(double x)
    {
        double r = Math.Sin(x);
        if (x < 1)
            r = r * x;
        return r;
    }

    /// <summary>Nested if/else: three regions.</summary>
    [Differentiable]
    public static double NestedIf(double x)
    {
        double r;
        if (x > 0)
        {
            if (x > 2)
            {
                r = Math.Log(x);
            }
            else
            {
                r = x * x;
            }
        }
        else
        {
            r = Math.Exp(x);
        }

        return r;
    }

    /// <summary>The conditional operator on an active comparison.</summary>
    [Differentiable]
    public static double Conditional(double x, double y) => x < y ? x * x * y : 3 * y - x;

    /// <summary>Nested conditional operators: three regions.</summary>
    [Differentiable]
    public static double NestedConditional(double x) => x < -1 ? -x : x < 1 ? x * x * 0.5 + 0.5 : x * x * x;

    /// <summary>&amp;&amp; of two active comparisons.</summary>
    [Differentiable]
    public static double AndCondition(double x, double y)
    {
        if (x > 0 && y > 0)
        {
            return x * y;
        }

        return x + y;
    }

    /// <summary>|| of two active comparisons.</summary>
    [Differentiable]
    public static double OrCondition(double x, double y)
    {
        double r = x - y;
        if (x < 0 || y < 0)
        {
            r = r * r;
        }

        return r;
    }

    /// <summary>! of a comparison.</summary>
    [Differentiable]
    public static double NotCondition(double x)
    {
        double r = Math.Cos(x);
        if (!(x > 1))
        {
            r = 2 * x;
        }

        return r;
    }

    /// <summary>A bool parameter choosing the branch.</summary>
    [Differentiable]
    public static double BoolSwitch(double x, bool square) => square ? x * x : 2 * x;

    /// <summary>A for loop whose trip count is an int argument: xⁿ.</summary>
    [Differentiable]
    public static double PowerLoop(double x, int n)
    {
        double r = 1;
        for (int i = 0; i < n; i++)
        {
            r *= x;
        }

        return r;
    }

    /// <summary>A for loop that counts down, with ==, != and % on the inactive counter.</summary>
    [Differentiable]
    public static double AlternatingSum(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = x.Length - 1; i >= 0; i--)
        {
            if (i % 2 == 0)
            {
                s += x[i] * x[i];
            }
            else if (i % 3 != 0)
            {
                s -= x[i];
            }
            else
            {
                s += 3 * x[i];
            }
        }

        return s;
    }

    /// <summary>A for loop with a step of two and a loop-carried product.</summary>
    [Differentiable]
    public static double StepTwo(ReadOnlySpan<double> x)
    {
        double p = 1;
        for (int i = 0; i < x.Length; i += 2)
        {
            p = p * x[i] + x[i + 1];
        }

        return p;
    }

    /// <summary>A while loop with an int counter: n steps of the logistic map r·x(1 - x).</summary>
    [Differentiable]
    public static double WhileLogisticMap(double x, double r, int n)
    {
        int k = 0;
        while (k < n)
        {
            x = r * x * (1 - x);
            k++;
        }

        return x;
    }

    /// <summary>A do/while that runs at least once, even for n = 0.</summary>
    [Differentiable]
    public static double DoWhileAtLeastOnce(double x, int n)
    {
        double y = x;
        int k = 0;
        do
        {
            y = Math.Sin(y) + x;
            k++;
        }
        while (k < n);
        return y;
    }

    /// <summary>A do/while whose condition reads an active value: y = xᵏ for the first k with y ≥ 10.</summary>
    [Differentiable]
    public static double DoWhileActiveCondition(double x)
    {
        double y = 1;
        int k = 0;
        do
        {
            y = y * x;
            k++;
        }
        while (y < 10 && k < 50);
        return y;
    }

    /// <summary>foreach over a double[] parameter.</summary>
    [Differentiable]
    public static double ForeachArray(double[] x)
    {
        double s = 0;
        foreach (double v in x)
        {
            s += v * v * v;
        }

        return s;
    }

    /// <summary>foreach over a ReadOnlySpan parameter, with a loop-carried reassignment.</summary>
    [Differentiable]
    public static double ForeachSpan(ReadOnlySpan<double> x)
    {
        double s = 0.5;
        foreach (double v in x)
        {
            s = s * Math.Cos(v) + v;
        }

        return s;
    }

    /// <summary>break when the running sum of squares passes a limit (an active condition).</summary>
    [Differentiable]
    public static double BreakOnActiveSum(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            s += x[i] * x[i];
            if (s > 4)
            {
                break;
            }
        }

        return s;
    }

    /// <summary>continue skipping negative entries.</summary>
    [Differentiable]
    public static double ContinueSkipsNegatives(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] < 0)
                continue;
            s += Math.Sqrt(x[i]) * x[i];
        }

        return s;
    }

    /// <summary>Early return from inside a loop; the sum after it when nothing triggers it.</summary>
    [Differentiable]
    public static double ReturnFromLoop(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] > 2)
            {
                return s * x[i];
            }

            s += x[i];
        }

        return s * s;
    }

    /// <summary>Early return before any loop.</summary>
    [Differentiable]
    public static double EarlyReturn(double x)
    {
        if (x < 0)
            return 0.5 * x;
        if (x > 3)
        {
            return Math.Sqrt(x) + 1.5;
        }

        double y = x * x;
        return y / 3 - x / 2;
    }

    /// <summary>Nested loops with a triangular inner range: Σᵢ Σⱼ≤ᵢ xᵢ xⱼ.</summary>
    [Differentiable]
    public static double NestedTriangle(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                s += x[i] * x[j];
            }
        }

        return s;
    }

    /// <summary>Nested loops with continue in the inner one and break in the outer one.</summary>
    [Differentiable]
    public static double NestedBreakContinue(ReadOnlySpan<double> x, int cols)
    {
        double s = 0;
        int rows = x.Length / cols;
        for (int i = 0; i < rows; i++)
        {
            double row = 0;
            for (int j = 0; j < cols; j++)
            {
                if (x[i * cols + j] < 0)
                    continue;
                row += x[i * cols + j] * (j + 1);
            }

            s += row * row;
            if (s > 30)
                break;
        }

        return s;
    }

    /// <summary>Early return from the inner of two nested loops.</summary>
    [Differentiable]
    public static double ReturnFromNestedLoop(ReadOnlySpan<double> x)
    {
        double s = 1;
        for (int i = 0; i < x.Length; i++)
        {
            for (int j = i + 1; j < x.Length; j++)
            {
                double d = x[i] - x[j];
                if (d > 3)
                    return s * d;
                s = s + d * d * 0.125;
            }
        }

        return s;
    }

    /// <summary>Loop-carried reassignment s = s·xᵢ + c with c an active scalar.</summary>
    [Differentiable]
    public static double CarriedReassignment(ReadOnlySpan<double> x, double c)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            s = s * x[i] + c;
        }

        return s;
    }

    /// <summary>A local new double[n] written in one loop and read in another (prefix sums).</summary>
    [Differentiable]
    public static double LocalArrayPrefixSums(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        var prefix = new double[n];
        double running = 0;
        for (int i = 0; i < n; i++)
        {
            running += x[i];
            prefix[i] = running;
        }

        double s = 0;
        for (int i = 0; i < n; i++)
        {
            s += prefix[i] * prefix[i];
        }

        return s;
    }

    /// <summary>A local array element overwritten in place, read back in a later loop.</summary>
    [Differentiable]
    public static double LocalArrayOverwritten(ReadOnlySpan<double> x)
    {
        var t = new double[2];
        for (int i = 0; i < x.Length; i++)
        {
            t[i % 2] = t[i % 2] * x[i] + x[i];
        }

        return t[0] * t[1];
    }

    /// <summary>A Span&lt;double&gt; output written in a loop, with a branch per element.</summary>
    [Differentiable]
    public static void OutputInLoop(ReadOnlySpan<double> x, Span<double> y)
    {
        for (int i = 0; i < x.Length; i++)
        {
            if (i == 0)
                y[i] = x[i] * x[i];
            else
                y[i] = x[i] * x[i - 1];
        }
    }

    /// <summary>A rank-1 tensor read in a loop over its length.</summary>
    [Differentiable]
    public static double TensorLoop(Tensor x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            s += Math.Exp(x[i]) * (i + 1);
        }

        return s;
    }

    /// <summary>A local tensor written in a loop and returned: running maxima by branches.</summary>
    [Differentiable]
    public static Tensor TensorRunningMax(Tensor x)
    {
        var y = Tensor.Zeros(x.Length);
        double m = x[0];
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] > m)
                m = x[i];
            y[i] = m;
        }

        return y;
    }

    /// <summary>[NoGradient] weights read in a loop; only x gets a gradient.</summary>
    [Differentiable]
    public static double NoGradientWeights(ReadOnlySpan<double> x, [NoGradient] ReadOnlySpan<double> w)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            s += w[i] * Math.Sin(x[i]);
        }

        return s;
    }

    /// <summary>Gradient.Stop inside a loop: Σ xᵢ·stop(xᵢ) has gradient xᵢ, not 2xᵢ.</summary>
    [Differentiable]
    public static double StopInLoop(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            s += x[i] * Gradient.Stop(x[i]);
        }

        return s;
    }

    /// <summary>A branch on an active value inside a loop: Σ |xᵢ| by if/else.</summary>
    [Differentiable]
    public static double AbsByBranch(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] >= 0)
                s += x[i];
            else
                s -= x[i];
        }

        return s;
    }

    /// <summary>A while loop whose condition reads an active value, with an int guard: halve until below 1.</summary>
    [Differentiable]
    public static double HalveUntilSmall(double x)
    {
        double y = x * x;
        int k = 0;
        while (y >= 1 && k < 60)
        {
            y = y * 0.5;
            k++;
        }

        return y;
    }
}
