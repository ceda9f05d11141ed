using System.Collections.Generic;
using static SourceGen.Autodiff.Generator.Tests.Cases.Draw;

namespace SourceGen.Autodiff.Generator.Tests.Cases;

/// <summary>
/// Branches, loops, jumps and early returns. Each point draws its inputs on one side of every
/// branch condition (chosen at random), away from the switch, so finite differences see one
/// smooth piece and the two points usually take different paths.
/// </summary>
public static class ControlFlowCases
{
    public static IEnumerable<GeneratorCase> All()
    {
        yield return new("SwitchExpressionPatterns", CaseSource.InFunctions("""
            [Differentiable]
            public static double SwitchExpressionPatterns(double x, double y) => x switch
            {
                < -1 => -x * y,
                > 0 and < 1 => x * x + y,
                not > 1 => Math.Sin(x),
                _ => x / y,
            };
            """),
            // Away from the arms' boundaries (-1, 0, 1), where finite differences straddle a kink.
            r => [r.Next(4) switch { 0 => Real(r, -3, -1.2), 1 => Real(r, -0.9, -0.1), 2 => Real(r, 0.1, 0.9), _ => Real(r, 1.2, 3) }, Real(r, 0.5, 2)]);

        yield return new("IfElse", CaseSource.InFunctions("""
            [Differentiable]
            public static double IfElse(double x, double y)
            {
                double r;
                if (x > y)
                {
                    r = x * y;
                }
                else
                {
                    r = Math.Sin(x) + y;
                }
                return r * x;
            }
            """),
            r => r.Next(2) == 0 ? [Real(r, 1, 2), Real(r, -1, 0.5)] : [Real(r, -1, 0.5), Real(r, 1, 2)]);

        yield return new("ConditionalOperator", CaseSource.InFunctions("""
            [Differentiable]
            public static double ConditionalOperator(double x, double y) => x > 0 ? x * y : -x + y * y;
            """),
            r => [Sided(r, 0.5, 2), Real(r, -2, 2)]);

        yield return new("EarlyReturn", CaseSource.InFunctions("""
            [Differentiable]
            public static double EarlyReturn(double x, double y)
            {
                if (x < 0)
                {
                    return -x * y;
                }
                double t = x * x;
                return t * y + x;
            }
            """),
            r => [Sided(r, 0.5, 2), Real(r, -2, 2)]);

        // The article's loop example from EXAMPLES.md: nothing needs a tape.
        yield return new("ForLoopAccumulator", CaseSource.InFunctions("""
            [Differentiable]
            public static double ForLoopAccumulator(ReadOnlySpan<double> x)
            {
                double s = 0;
                for (int i = 0; i < x.Length - 1; i++)
                {
                    double t = x[i + 1] - x[i] * x[i];
                    double u = 1 - x[i];
                    s += 100 * t * t + u * u;
                }
                return s;
            }
            """),
            r => [Array(r, 4, -1.5, 1.5)]);

        // Bounds written with the index shifted (i + 1 < n, n > j + 1) are counted loops like
        // i < n - 1: the reverse runs from the bounds and recomputes t and u, with no tape.
        yield return new("OffsetLoopBounds", CaseSource.InFunctions("""
            [Differentiable]
            public static double OffsetLoopBounds(ReadOnlySpan<double> x, double a)
            {
                double s = 0;
                for (int i = 0; i + 1 < x.Length; i++)
                {
                    double t = x[i + 1] - x[i] * x[i];
                    s += a * t * t;
                }
                double p = 1;
                for (int j = 0; x.Length > j + 1; j++)
                {
                    double u = x[j] * x[j + 1];
                    p = p * Math.Sin(u) + s;
                }
                return p;
            }
            """),
            r => [Array(r, 4, -1.5, 1.5), Real(r, 0.5, 2)]);

        // Fusion: the outer loop's accumulator has a known adjoint (seed / n), so each iteration's
        // reverse runs with it; the inner loop overwrites th, which the iteration still records.
        yield return new("FusedLoopWithInnerRecords", CaseSource.InFunctions("""
            [Differentiable]
            public static double FusedLoopWithInnerRecords(ReadOnlySpan<double> w, double b, [NoGradient] ReadOnlySpan<double> x)
            {
                int n = x.Length;
                double loss = 0;
                for (int s = 0; s < n; s++)
                {
                    double o = b;
                    for (int j = 0; j < w.Length; j++)
                    {
                        double th = Math.Tanh(w[j] * x[s]);
                        o += th * th + w[j] * th;
                    }
                    double e = o - x[s];
                    loss += e * e;
                }
                return loss / n;
            }
            """),
            r => [Array(r, 3, -1, 1), Real(r, -1, 1), Array(r, 4, -1, 1)]);

        // A branch per iteration of a fused loop: the reverse reads the choice from its variable, nothing is recorded.
        yield return new("FusedLoopBranch", CaseSource.InFunctions("""
            [Differentiable]
            public static double FusedLoopBranch(ReadOnlySpan<double> x, double a)
            {
                double s = 0;
                for (int i = 0; i < x.Length; i++)
                {
                    double r = x[i] * a;
                    if (r > 0)
                    {
                        s += r * r;
                    }
                    else
                    {
                        s += Math.Sin(r);
                    }
                }
                return s;
            }
            """),
            r => [Array(r, 5, -1.5, 1.5), Real(r, 0.5, 2)]);

        // The same loop not fused (the log after it needs s): each choice is recorded into room
        // the loop reserved before it started, with a store.
        yield return new("LoopBranchChoicesReserved", CaseSource.InFunctions("""
            [Differentiable]
            public static double LoopBranchChoicesReserved(ReadOnlySpan<double> x, double a)
            {
                double s = 1;
                for (int i = 0; i < x.Length; i++)
                {
                    double r = x[i] * a;
                    if (r > 0)
                    {
                        s += r * r;
                    }
                    else
                    {
                        s += Math.Sin(r) + 1;
                    }
                }
                return Math.Log(s);
            }
            """),
            r => [Array(r, 5, -1.5, 1.5), Real(r, 0.5, 2)]);

        // No fusion: the adjoint after the loop (1/s) needs the loop's result.
        yield return new("FusionDeclinedLogOfSum", CaseSource.InFunctions("""
            [Differentiable]
            public static double FusionDeclinedLogOfSum(ReadOnlySpan<double> x)
            {
                double s = 1;
                for (int i = 0; i < x.Length; i++)
                {
                    double q = x[i] * x[i];
                    s += q;
                }
                return Math.Log(s);
            }
            """),
            r => [Array(r, 4, -1.5, 1.5)]);

        // No fusion: t carries a value from one iteration to the next.
        yield return new("FusionDeclinedCarriedValue", CaseSource.InFunctions("""
            [Differentiable]
            public static double FusionDeclinedCarriedValue(ReadOnlySpan<double> x)
            {
                double s = 0;
                double t = 1;
                for (int i = 0; i < x.Length; i++)
                {
                    s += t * x[i];
                    t = Math.Sin(x[i]);
                }
                return 2 * s;
            }
            """),
            r => [Array(r, 4, -1.5, 1.5)]);

        // A loop-carried value whose old value the derivative needs (Horner), with a scalar and an array input.
        yield return new("LoopCarriedValue", CaseSource.InFunctions("""
            [Differentiable]
            public static double LoopCarriedValue(double x, ReadOnlySpan<double> c)
            {
                double r = 0;
                for (int i = c.Length - 1; i >= 0; i--)
                {
                    r = r * x + c[i];
                }
                return r;
            }
            """),
            r => [Real(r, -1.5, 1.5), Array(r, 4, -2, 2)]);

        yield return new("WhileBreakContinue", CaseSource.InFunctions("""
            [Differentiable]
            public static double WhileBreakContinue(double[] x, double limit)
            {
                double s = 0;
                int i = 0;
                while (i < x.Length)
                {
                    double v = x[i];
                    i++;
                    if (v < 0)
                    {
                        continue;
                    }
                    s += v * v * limit;
                    if (s > 20)
                    {
                        break;
                    }
                }
                return s;
            }
            """),
            r => [Sided(r, 0.5, 2, 5), Real(r, 1, 3)]);

        yield return new("DoWhileLoop", CaseSource.InFunctions("""
            [Differentiable]
            public static double DoWhileLoop(double x, int n)
            {
                double p = 1;
                int k = 0;
                do
                {
                    p = p * x + Math.Cos(p);
                    k++;
                }
                while (k < n);
                return p;
            }
            """),
            r => [Real(r, -1, 1), r.Next(1, 4)]);

        yield return new("ForEachLoop", CaseSource.InFunctions("""
            [Differentiable]
            public static double ForEachLoop(ReadOnlySpan<double> x, double scale)
            {
                double s = 0;
                foreach (var v in x)
                {
                    s += Math.Exp(scale * v);
                }
                return Math.Log(s);
            }
            """),
            r => [Array(r, 3, -1, 1), Real(r, -1, 1)]);

        yield return new("LoopWritesSpanOutput", CaseSource.InFunctions("""
            [Differentiable]
            public static void LoopWritesSpanOutput(ReadOnlySpan<double> x, double s, Span<double> y)
            {
                for (int i = 0; i < y.Length; i++)
                {
                    y[i] = s * x[i] * x[i] + x[(i + 1) % x.Length];
                }
            }
            """),
            r => [Array(r, 3, -2, 2), Real(r, -2, 2), new double[3]]);

        yield return new("LoopFillsLocalArray", CaseSource.InFunctions("""
            [Differentiable]
            public static double[] LoopFillsLocalArray(double[] x)
            {
                var y = new double[x.Length];
                double running = 0;
                for (int i = 0; i < x.Length; i++)
                {
                    running = running + x[i] * x[i];
                    y[i] = Math.Sqrt(running);
                }
                return y;
            }
            """),
            r => [Array(r, 3, 0.5, 2)]);

        // A scratch array filled by increments and read only after them: no element is recorded
        // (the reverse of h[i] += e needs no old h[i], and no earlier statement reads h).
        yield return new("ScratchArrayIncrements", CaseSource.InFunctions("""
            [Differentiable]
            public static double ScratchArrayIncrements(ReadOnlySpan<double> w, ReadOnlySpan<double> x)
            {
                int n = x.Length;
                int m = w.Length / n;
                var h = new double[m];
                for (int i = 0; i < m; i++)
                {
                    for (int j = 0; j < n; j++)
                    {
                        h[i] += w[i * n + j] * x[j];
                    }
                }
                double s = 0;
                for (int i = 0; i < m; i++)
                {
                    s += Math.Tanh(h[i]);
                }
                return s;
            }
            """),
            r => [Array(r, 6, -1, 1), Array(r, 3, -1, 1)]);

        // Scratch arrays rewritten at the start of every iteration: diff is recorded there (the
        // increments' reverse reads it), z not at all (its increments overwrite nothing that is
        // read before the next iteration's rewrite restores it).
        yield return new("ScratchRewrittenEachIteration", CaseSource.InFunctions("""
            [Differentiable]
            public static double ScratchRewrittenEachIteration(ReadOnlySpan<double> mu, ReadOnlySpan<double> l, [NoGradient] ReadOnlySpan<double> x)
            {
                int d = mu.Length;
                var diff = new double[d];
                var z = new double[d];
                double total = 0;
                for (int p = 0; p < x.Length / d; p++)
                {
                    for (int r = 0; r < d; r++)
                    {
                        diff[r] = x[p * d + r] - mu[r];
                        z[r] = 0;
                    }
                    for (int r = 0; r < d; r++)
                    {
                        for (int c = 0; c <= r; c++)
                        {
                            z[r] += l[r * d + c] * diff[c];
                        }
                    }
                    double q = 0;
                    for (int r = 0; r < d; r++)
                    {
                        q += z[r] * z[r];
                    }
                    total += Math.Log(1 + q);
                }
                return total;
            }
            """),
            r => [Array(r, 2, -1, 1), Array(r, 4, -1, 1), Array(r, 6, -2, 2)]);

        // A Mahalanobis-like term per point (the Gaussian-mixture benchmark's inner loop):
        // centered and scaled are filled at the start of every iteration from inputs, then
        // scaled gets increments over the lower triangle with a moving index. Each iteration's
        // reverse runs that stretch again instead of recording the arrays' elements.
        yield return new("ScratchReplayedEachIteration", CaseSource.InFunctions("""
            [Differentiable]
            public static double ScratchReplayedEachIteration(ReadOnlySpan<double> mu, ReadOnlySpan<double> logDiag, ReadOnlySpan<double> lower, [NoGradient] ReadOnlySpan<double> x)
            {
                int d = mu.Length;
                var centered = new double[d];
                var scaled = new double[d];
                double total = 0;
                for (int p = 0; p < x.Length / d; p++)
                {
                    for (int r = 0; r < d; r++)
                        centered[r] = x[p * d + r] - mu[r];
                    for (int r = 0; r < d; r++)
                        scaled[r] = Math.Exp(logDiag[r]) * centered[r];
                    int next = 0;
                    for (int c = 0; c < d; c++)
                    {
                        for (int r = c + 1; r < d; r++)
                        {
                            scaled[r] += lower[next] * centered[c];
                            next++;
                        }
                    }
                    double q = 0;
                    for (int r = 0; r < d; r++)
                        q += scaled[r] * scaled[r];
                    total += Math.Log(1 + q);
                }
                return total;
            }
            """),
            r => [Array(r, 3, -1, 1), Array(r, 3, -0.5, 0.5), Array(r, 3, -1, 1), Array(r, 9, -2, 2)]);

        // A state carried from one iteration to the next: the first fill reads the previous
        // iteration's state, so nothing is replayed and the overwritten elements are recorded.
        yield return new("ScratchCarriedAcrossIterations", CaseSource.InFunctions("""
            [Differentiable]
            public static double ScratchCarriedAcrossIterations(ReadOnlySpan<double> w, [NoGradient] ReadOnlySpan<double> x)
            {
                int d = w.Length;
                var state = new double[d];
                var next = new double[d];
                double total = 0;
                for (int t = 0; t < x.Length; t++)
                {
                    for (int r = 0; r < d; r++)
                        next[r] = Math.Tanh(w[r] * state[r] + x[t]);
                    for (int r = 0; r < d; r++)
                        state[r] = next[r];
                    for (int r = 0; r < d; r++)
                        total += state[r] * state[r];
                }
                return total;
            }
            """),
            r => [Array(r, 3, -1, 1), Array(r, 4, -1, 1)]);

        // A scratch array filled from inputs, then divided in place by its norm later in the
        // iteration: the rest of the iteration writes it, so it is recorded, not replayed.
        yield return new("ScratchNormalizedInPlace", CaseSource.InFunctions("""
            [Differentiable]
            public static double ScratchNormalizedInPlace(ReadOnlySpan<double> mu, ReadOnlySpan<double> w, [NoGradient] ReadOnlySpan<double> x)
            {
                int d = mu.Length;
                var v = new double[d];
                double total = 0;
                for (int p = 0; p < x.Length / d; p++)
                {
                    for (int r = 0; r < d; r++)
                        v[r] = x[p * d + r] - mu[r];
                    double norm = 0;
                    for (int r = 0; r < d; r++)
                        norm += v[r] * v[r];
                    norm = Math.Sqrt(norm);
                    for (int r = 0; r < d; r++)
                        v[r] /= norm;
                    for (int r = 0; r < d; r++)
                        total += w[r] * v[r] * v[r];
                }
                return total;
            }
            """),
            r => [Array(r, 3, -1, 1), Array(r, 3, -1, 1), Array(r, 9, 1.5, 3)]);

        // a[i]'s gradient is summed over the inner loop and added after it, only when the inner
        // loop ran: at the last split point i = n it does not, and a[n] does not exist.
        yield return new("SplitPointProducts", CaseSource.InFunctions("""
            [Differentiable]
            public static double SplitPointProducts(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
            {
                int n = a.Length;
                double total = 0;
                for (int i = 0; i <= n; i++)
                {
                    for (int j = i; j < n; j++)
                        total += a[i] * b[j] * b[j];
                }
                return total;
            }
            """),
            r => [Array(r, 4, -1, 1), Array(r, 4, -1, 1)]);

        // A filled scratch array passed to a [Differentiable] helper: a callee may write what it
        // is given, so the fill is recorded, not replayed.
        yield return new("ScratchPassedToHelper", CaseSource.InFunctions("""
            [Differentiable]
            public static double SquaredNorm(ReadOnlySpan<double> v)
            {
                double s = 0;
                for (int i = 0; i < v.Length; i++)
                    s += v[i] * v[i];
                return s;
            }

            [Differentiable]
            public static double ScratchPassedToHelper(ReadOnlySpan<double> mu, [NoGradient] ReadOnlySpan<double> x)
            {
                int d = mu.Length;
                var centered = new double[d];
                double total = 0;
                for (int p = 0; p < x.Length / d; p++)
                {
                    for (int r = 0; r < d; r++)
                        centered[r] = x[p * d + r] - mu[r];
                    total += Math.Log(1 + SquaredNorm(centered));
                }
                return total;
            }
            """),
            r => [Array(r, 3, -1, 1), Array(r, 9, -2, 2)])
        {
            MethodUnderTest = "ScratchPassedToHelper",
        };
    }

    /// <summary>A value in [low, high] or in [-high, -low], by a coin flip.</summary>
    private static double Sided(System.Random random, double low, double high) =>
        (random.Next(2) == 0 ? 1 : -1) * Real(random, low, high);

    /// <summary>An array of <paramref name="length"/> values, each on a random side.</summary>
    private static double[] Sided(System.Random random, double low, double high, int length)
    {
        var values = new double[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = Sided(random, low, high);
        }
        return values;
    }
}
