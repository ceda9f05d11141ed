using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Corpus;

/// <summary>
/// The classic functions people differentiate, written with loops and branches the way a
/// person would write them: reductions, losses, activations, small models, iterations.
/// </summary>
public static partial class ClassicCorpus
{
    [Differentiable]
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    [Differentiable]
    public static double SumOfSquares(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            s += x[i] * x[i];
        }

        return s;
    }

    /// <summary>The n-dimensional Rosenbrock function.</summary>
    [Differentiable]
    public static double Rosenbrock(ReadOnlySpan<double> x)
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

    /// <summary>Horner's rule for Σ cᵢ xⁱ: a loop-carried, overwritten value.</summary>
    [Differentiable]
    public static double Horner(double x, ReadOnlySpan<double> c)
    {
        double r = 0;
        for (int i = c.Length - 1; i >= 0; i--)
            r = r * x + c[i];
        return r;
    }

    /// <summary>Polynomial evaluation by running powers: Σ cᵢ xⁱ again, the other way.</summary>
    [Differentiable]
    public static double PowerSum(double x, ReadOnlySpan<double> c)
    {
        double s = 0;
        double power = 1;
        for (int i = 0; i < c.Length; i++)
        {
            s += c[i] * power;
            power *= x;
        }

        return s;
    }

    /// <summary>Cumulative products into a local array, then a weighted sum of them.</summary>
    [Differentiable]
    public static double CumulativeProduct(ReadOnlySpan<double> x, [NoGradient] ReadOnlySpan<double> w)
    {
        var p = new double[x.Length];
        double running = 1;
        for (int i = 0; i < x.Length; i++)
        {
            running *= x[i];
            p[i] = running;
        }

        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            s += w[i] * p[i];
        }

        return s;
    }

    /// <summary>log Σ exp(xᵢ), shifted by the maximum (found by a branch) so exp cannot overflow.</summary>
    [Differentiable]
    public static double LogSumExp(ReadOnlySpan<double> x)
    {
        double m = x[0];
        for (int i = 1; i < x.Length; i++)
        {
            if (x[i] > m)
                m = x[i];
        }

        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            s += Math.Exp(x[i] - m);
        }

        return m + Math.Log(s);
    }

    /// <summary>Cross-entropy of softmax(logits) against a class index: logsumexp - logits[label].</summary>
    [Differentiable]
    public static double SoftmaxCrossEntropy(ReadOnlySpan<double> logits, int label)
    {
        double m = logits[0];
        for (int i = 1; i < logits.Length; i++)
        {
            m = logits[i] > m ? logits[i] : m;
        }

        double s = 0;
        for (int i = 0; i < logits.Length; i++)
        {
            s += Math.Exp(logits[i] - m);
        }

        return m + Math.Log(s) - logits[label];
    }

    /// <summary>softmax(x) into a span output.</summary>
    [Differentiable]
    public static void Softmax(ReadOnlySpan<double> x, Span<double> y)
    {
        double m = x[0];
        for (int i = 1; i < x.Length; i++)
        {
            if (x[i] > m)
                m = x[i];
        }

        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = Math.Exp(x[i] - m);
            s += y[i];
        }

        for (int i = 0; i < x.Length; i++)
        {
            y[i] = y[i] / s;
        }
    }

    /// <summary>y = A x into a span output, A (rows × x.Length, row-major) as data.</summary>
    [Differentiable]
    public static void MatVec([NoGradient] ReadOnlySpan<double> a, ReadOnlySpan<double> x, Span<double> y)
    {
        int cols = x.Length;
        for (int i = 0; i < y.Length; i++)
        {
            double s = 0;
            for (int j = 0; j < cols; j++)
            {
                s += a[i * cols + j] * x[j];
            }

            y[i] = s;
        }
    }

    /// <summary>y = A x with both the matrix and the vector differentiable.</summary>
    [Differentiable]
    public static void MatVecBoth(ReadOnlySpan<double> a, ReadOnlySpan<double> x, Span<double> y)
    {
        int cols = x.Length;
        for (int i = 0; i < y.Length; i++)
        {
            y[i] = 0;
            for (int j = 0; j < cols; j++)
            {
                y[i] += a[i * cols + j] * x[j];
            }
        }
    }

    /// <summary>The recurrence h = tanh(w·h + u·xₜ) in a while loop.</summary>
    [Differentiable]
    public static double Recurrence(double w, double u, ReadOnlySpan<double> x)
    {
        double h = 0;
        int t = 0;
        while (t < x.Length)
        {
            h = Math.Tanh(w * h + u * x[t]);
            t++;
        }

        return h;
    }

    [Differentiable]
    public static double Relu(double x) => x > 0 ? x : 0;

    /// <summary>ReLU of every element into a span output.</summary>
    [Differentiable]
    public static void ReluLayer(ReadOnlySpan<double> x, Span<double> y)
    {
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = x[i] > 0 ? x[i] : 0;
        }
    }

    [Differentiable]
    public static double LeakyRelu(double x)
    {
        if (x >= 0)
            return x;
        return 0.01 * x;
    }

    /// <summary>The Huber loss of one residual with δ = 1: quadratic inside, linear outside.</summary>
    [Differentiable]
    public static double Huber(double r)
    {
        double a = Math.Abs(r);
        if (a <= 1)
        {
            return 0.5 * r * r;
        }

        return a - 0.5;
    }

    /// <summary>The mean Huber loss of predictions against [NoGradient] targets, δ as a parameter.</summary>
    [Differentiable]
    public static double HuberLoss(ReadOnlySpan<double> prediction, [NoGradient] ReadOnlySpan<double> target, double delta)
    {
        double s = 0;
        for (int i = 0; i < prediction.Length; i++)
        {
            double r = prediction[i] - target[i];
            if (r > delta)
                s += delta * (r - 0.5 * delta);
            else if (r < -delta)
                s += delta * (-r - 0.5 * delta);
            else
                s += 0.5 * r * r;
        }

        return s / prediction.Length;
    }

    /// <summary>clamp(x, lo, hi) by early returns: the gradient goes to whichever bound is returned.</summary>
    [Differentiable]
    public static double Clamp(double x, double lo, double hi)
    {
        if (x < lo)
            return lo;
        if (x > hi)
            return hi;
        return x;
    }

    /// <summary>The mean logistic-regression loss: weights and bias differentiable, samples (n × d) and 0/1 labels data.</summary>
    [Differentiable]
    public static double LogisticRegression(ReadOnlySpan<double> w, double b, [NoGradient] ReadOnlySpan<double> x, [NoGradient] ReadOnlySpan<double> y)
    {
        int d = w.Length;
        int n = y.Length;
        double loss = 0;
        for (int i = 0; i < n; i++)
        {
            double z = b;
            for (int j = 0; j < d; j++)
                z += w[j] * x[i * d + j];
            loss += Math.Log(1 + Math.Exp(z)) - y[i] * z;
        }

        return loss / n;
    }

    /// <summary>
    /// Mean squared error of a one-hidden-layer tanh network: w1 is hidden × inputs (row-major),
    /// b1 hidden, w2 hidden, b2 a scalar; x is batch × inputs, y batch, both data.
    /// </summary>
    [Differentiable]
    public static double Mlp(ReadOnlySpan<double> w1, ReadOnlySpan<double> b1, ReadOnlySpan<double> w2, double b2,
        [NoGradient] ReadOnlySpan<double> x, [NoGradient] ReadOnlySpan<double> y)
    {
        int hidden = b1.Length;
        int inputs = w1.Length / hidden;
        int batch = y.Length;
        var h = new double[hidden];
        double loss = 0;
        for (int s = 0; s < batch; s++)
        {
            for (int j = 0; j < hidden; j++)
            {
                double a = b1[j];
                for (int k = 0; k < inputs; k++)
                    a += w1[j * inputs + k] * x[s * inputs + k];
                h[j] = Math.Tanh(a);
            }

            double o = b2;
            for (int j = 0; j < hidden; j++)
                o += w2[j] * h[j];
            double e = o - y[s];
            loss += e * e;
        }

        return loss / batch;
    }

    /// <summary>A piecewise cubic smooth step with early returns: 0 below 0, 1 above 1, 3t² - 2t³ between.</summary>
    [Differentiable]
    public static double SmoothStep(double t, double scale)
    {
        if (t <= 0)
            return 0;
        if (t >= 1)
            return scale;
        return scale * t * t * (3 - 2 * t);
    }

    /// <summary>Spends a budget: adds xᵢ² until the next one would pass the limit, then breaks.</summary>
    [Differentiable]
    public static double SpendBudget(ReadOnlySpan<double> x, double limit)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double next = s + x[i] * x[i];
            if (next > limit)
                break;
            s = next;
        }

        return limit - s;
    }

    /// <summary>Σ √xᵢ over the non-negative entries, skipping the others with continue.</summary>
    [Differentiable]
    public static double SumOfRootsOfPositives(ReadOnlySpan<double> x)
    {
        double s = 0;
        foreach (double v in x)
        {
            if (v <= 0)
                continue;
            s += Math.Sqrt(v);
        }

        return s;
    }

    /// <summary>Σᵢ&lt;ⱼ of the Euclidean distances between 2-D points stored as [x0, y0, x1, y1, ...].</summary>
    [Differentiable]
    public static double PairwiseDistances(ReadOnlySpan<double> p)
    {
        int n = p.Length / 2;
        double s = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                double dx = p[2 * i] - p[2 * j];
                double dy = p[2 * i + 1] - p[2 * j + 1];
                s += Math.Sqrt(dx * dx + dy * dy);
            }
        }

        return s;
    }

    /// <summary>xᵀ A x with A (n × n, row-major) as data.</summary>
    [Differentiable]
    public static double QuadraticForm(ReadOnlySpan<double> x, [NoGradient] ReadOnlySpan<double> a)
    {
        int n = x.Length;
        double s = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                s += x[i] * a[i * n + j] * x[j];
            }
        }

        return s;
    }

    /// <summary>√a by a fixed number of Newton steps in a do/while.</summary>
    [Differentiable]
    public static double NewtonSqrt(double a, int steps)
    {
        double y = 1;
        int k = 0;
        do
        {
            y = 0.5 * (y + a / y);
            k++;
        }
        while (k < steps);
        return y;
    }

    /// <summary>Σ softplus(v) over a span by foreach.</summary>
    [Differentiable]
    public static double SoftplusSum(ReadOnlySpan<double> x)
    {
        double s = 0;
        foreach (var v in x)
        {
            s += Math.Log(1 + Math.Exp(v));
        }

        return s;
    }

    /// <summary>A rank-2 tensor read element by element: Σᵢⱼ (i + 2j + 1)·xᵢⱼ² + xᵢⱼ·xⱼᵢ over a square matrix.</summary>
    [Differentiable]
    public static double TensorMatrixLoop(Tensor x, int n)
    {
        double s = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                s += (i + 2 * j + 1) * x[i, j] * x[i, j] + x[i, j] * x[j, i];
            }
        }

        return s;
    }

    /// <summary>X·W for two rank-2 tensors written element by element into a local tensor.</summary>
    [Differentiable]
    public static Tensor TensorMatMul(Tensor x, [NoGradient] Tensor w, int rows, int inner, int cols)
    {
        var y = Tensor.Zeros(rows, cols);
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                double s = 0;
                for (int k = 0; k < inner; k++)
                    s += x[i, k] * w[k, j];
                y[i, j] = s;
            }
        }

        return y;
    }

    /// <summary>The population variance by two passes (mean first).</summary>
    [Differentiable]
    public static double Variance(ReadOnlySpan<double> x)
    {
        double mean = 0;
        for (int i = 0; i < x.Length; i++)
            mean += x[i];
        mean /= x.Length;

        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double d = x[i] - mean;
            s += d * d;
        }

        return s / x.Length;
    }

    /// <summary>The cosine similarity of two vectors.</summary>
    [Differentiable]
    public static double CosineSimilarity(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }

        return ab / Math.Sqrt(aa * bb);
    }

    /// <summary>x / ‖x‖ into a span output.</summary>
    [Differentiable]
    public static void Normalize(ReadOnlySpan<double> x, Span<double> y)
    {
        double ss = 0;
        for (int i = 0; i < x.Length; i++)
            ss += x[i] * x[i];
        double norm = Math.Sqrt(ss);
        for (int i = 0; i < x.Length; i++)
            y[i] = x[i] / norm;
    }

    /// <summary>Leaky ReLU of every element into a new array that is returned.</summary>
    [Differentiable]
    public static double[] LeakyReluArray(ReadOnlySpan<double> x)
    {
        var y = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = x[i] < 0 ? 0.1 * x[i] : x[i];
        }

        return y;
    }
}
