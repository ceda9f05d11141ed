using System;
using static SourceGen.Autodiff.EndToEnd.Tests.Cases.ClassicData;

namespace SourceGen.Autodiff.EndToEnd.Tests.Cases;

/// <summary>
/// Gradients and vector-Jacobian products of the classics, derived by hand (closed forms, or
/// backpropagation written out for the models), at the data in <see cref="ClassicData"/>.
/// </summary>
public static class ClassicGradients
{
    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    /// <summary>∂/∂xᵢ of Σ 100 (xᵢ₊₁ - xᵢ²)² + (1 - xᵢ)².</summary>
    public static double[] RosenbrockGradient(double[] x)
    {
        var g = new double[x.Length];
        for (int i = 0; i < x.Length - 1; i++)
        {
            double t = x[i + 1] - x[i] * x[i];
            g[i] += -400 * x[i] * t - 2 * (1 - x[i]);
            g[i + 1] += 200 * t;
        }

        return g;
    }

    /// <summary>Σ cᵢ xⁱ over the flat input [x, c...]: ∂/∂x = Σ i cᵢ xⁱ⁻¹, ∂/∂cᵢ = xⁱ.</summary>
    public static double[] PolynomialGradient(double[] v)
    {
        double x = v[0];
        var g = new double[v.Length];
        for (int i = 0; i < v.Length - 1; i++)
        {
            g[0] += i == 0 ? 0 : i * v[i + 1] * Math.Pow(x, i - 1);
            g[i + 1] = Math.Pow(x, i);
        }

        return g;
    }

    /// <summary>Σ wᵢ Πₖ≤ᵢ xₖ: ∂/∂xⱼ = Σᵢ≥ⱼ wᵢ Pᵢ / xⱼ (no zero entries).</summary>
    public static double[] CumulativeProductGradient(double[] x)
    {
        var products = new double[x.Length];
        double running = 1;
        for (int i = 0; i < x.Length; i++)
        {
            running *= x[i];
            products[i] = running;
        }

        var g = new double[x.Length];
        for (int j = 0; j < x.Length; j++)
        {
            for (int i = j; i < x.Length; i++)
            {
                g[j] += ProductWeights[i] * products[i] / x[j];
            }
        }

        return g;
    }

    /// <summary>softmax(x), the gradient of log-sum-exp.</summary>
    public static double[] SoftmaxOf(double[] x)
    {
        double total = 0;
        foreach (double v in x)
        {
            total += Math.Exp(v);
        }

        var y = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = Math.Exp(x[i]) / total;
        }

        return y;
    }

    public static double[] SoftmaxVjp(double[] x, double[] s)
    {
        double[] y = SoftmaxOf(x);
        double ys = 0;
        for (int i = 0; i < y.Length; i++)
        {
            ys += y[i] * s[i];
        }

        var g = new double[x.Length];
        for (int j = 0; j < x.Length; j++)
        {
            g[j] = y[j] * (s[j] - ys);
        }

        return g;
    }

    public static double[] NormalizeVjp(double[] x, double[] s)
    {
        double norm = 0;
        foreach (double v in x)
        {
            norm += v * v;
        }

        norm = Math.Sqrt(norm);
        double ys = 0;
        for (int i = 0; i < x.Length; i++)
        {
            ys += x[i] / norm * s[i];
        }

        var g = new double[x.Length];
        for (int j = 0; j < x.Length; j++)
        {
            g[j] = (s[j] - x[j] / norm * ys) / norm;
        }

        return g;
    }

    /// <summary>cos = a·b / (‖a‖‖b‖) over [a..., b...]: ∂/∂a = b/(‖a‖‖b‖) - cos·a/‖a‖², and symmetrically.</summary>
    public static double[] CosineSimilarityGradient(double[] v)
    {
        int n = v.Length / 2;
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < n; i++)
        {
            ab += v[i] * v[n + i];
            aa += v[i] * v[i];
            bb += v[n + i] * v[n + i];
        }

        double norms = Math.Sqrt(aa * bb), cos = ab / norms;
        var g = new double[v.Length];
        for (int i = 0; i < n; i++)
        {
            g[i] = v[n + i] / norms - cos * v[i] / aa;
            g[n + i] = v[i] / norms - cos * v[n + i] / bb;
        }

        return g;
    }

    /// <summary>Σᵢ&lt;ⱼ ‖pᵢ - pⱼ‖: each pair pushes its points along the unit vector between them.</summary>
    public static double[] PairwiseDistancesGradient(double[] p)
    {
        int n = p.Length / 2;
        var g = new double[p.Length];
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                double dx = p[2 * i] - p[2 * j], dy = p[2 * i + 1] - p[2 * j + 1];
                double d = Math.Sqrt(dx * dx + dy * dy);
                g[2 * i] += dx / d;
                g[2 * i + 1] += dy / d;
                g[2 * j] -= dx / d;
                g[2 * j + 1] -= dy / d;
            }
        }

        return g;
    }

    /// <summary>xᵀ A x: (A + Aᵀ) x.</summary>
    public static double[] QuadraticFormGradient(double[] x)
    {
        int n = x.Length;
        var g = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                g[i] += (FormMatrix[i * n + j] + FormMatrix[j * n + i]) * x[j];
            }
        }

        return g;
    }

    /// <summary>Forward-mode tangent of yₖ₊₁ = (yₖ + a/yₖ)/2 from y₀ = 1 (at least one step).</summary>
    public static double NewtonSqrtTangent(double a, int steps)
    {
        double y = 1, dy = 0;
        int k = 0;
        do
        {
            dy = 0.5 * (dy + (y - a * dy) / (y * y));
            y = 0.5 * (y + a / y);
            k++;
        }
        while (k < steps);
        return dy;
    }

    /// <summary>Σᵢⱼ (i + 2j + 1) xᵢⱼ² + xᵢⱼ xⱼᵢ: ∂/∂xᵢⱼ = 2 (i + 2j + 1) xᵢⱼ + 2 xⱼᵢ.</summary>
    public static double[] TensorMatrixLoopGradient(double[] x, int n)
    {
        var g = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                g[i * n + j] = 2 * (i + 2 * j + 1) * x[i * n + j] + 2 * x[j * n + i];
            }
        }

        return g;
    }

    /// <summary>Aᵀ s for A of s.Length x cols, row-major.</summary>
    public static double[] TransposeTimes(double[] a, double[] s, int cols)
    {
        var g = new double[cols];
        for (int i = 0; i < s.Length; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                g[j] += a[i * cols + j] * s[i];
            }
        }

        return g;
    }

    /// <summary>y = A x over [A..., x...]: ∂/∂Aᵢⱼ = sᵢ xⱼ, ∂/∂x = Aᵀ s.</summary>
    public static double[] MatVecBothVjp(double[] v, double[] s)
    {
        int cols = v.Length - Matrix.Length;
        int rows = s.Length;
        var g = new double[v.Length];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                g[i * cols + j] = s[i] * v[rows * cols + j];
                g[rows * cols + j] += v[i * cols + j] * s[i];
            }
        }

        return g;
    }

    /// <summary>Backpropagation through hₜ₊₁ = tanh(w hₜ + u xₜ) from h₀ = 0, over [w, u, x...].</summary>
    public static double[] RecurrenceGradient(double[] v)
    {
        double w = v[0], u = v[1];
        int n = v.Length - 2;
        var h = new double[n + 1];
        for (int t = 0; t < n; t++)
        {
            h[t + 1] = Math.Tanh(w * h[t] + u * v[2 + t]);
        }

        var g = new double[v.Length];
        double hBar = 1;
        for (int t = n - 1; t >= 0; t--)
        {
            double aBar = hBar * (1 - h[t + 1] * h[t + 1]);
            g[0] += aBar * h[t];
            g[1] += aBar * v[2 + t];
            g[2 + t] = aBar * u;
            hBar = aBar * w;
        }

        return g;
    }

    /// <summary>Mean logistic loss over [w..., b]: ∂/∂z = (σ(z) - y)/n.</summary>
    public static double[] LogisticRegressionGradient(double[] v)
    {
        int d = v.Length - 1, n = Labels.Length;
        var g = new double[v.Length];
        for (int i = 0; i < n; i++)
        {
            double z = v[d];
            for (int j = 0; j < d; j++)
            {
                z += v[j] * Samples[i * d + j];
            }

            double zBar = (Sigmoid(z) - Labels[i]) / n;
            for (int j = 0; j < d; j++)
            {
                g[j] += zBar * Samples[i * d + j];
            }

            g[d] += zBar;
        }

        return g;
    }

    /// <summary>
    /// Backpropagation through the 2 → 3 → 1 tanh network's mean squared error over
    /// [w1 (3 x 2)..., b1 (3)..., w2 (3)..., b2].
    /// </summary>
    public static double[] MlpGradient(double[] v)
    {
        const int inputs = 2, hidden = 3, b1At = 6, w2At = 9, b2At = 12;
        int batch = MlpTargets.Length;
        var g = new double[v.Length];
        var h = new double[hidden];
        for (int s = 0; s < batch; s++)
        {
            double o = v[b2At];
            for (int j = 0; j < hidden; j++)
            {
                double a = v[b1At + j];
                for (int k = 0; k < inputs; k++)
                {
                    a += v[j * inputs + k] * MlpInputs[s * inputs + k];
                }

                h[j] = Math.Tanh(a);
                o += v[w2At + j] * h[j];
            }

            double oBar = 2 * (o - MlpTargets[s]) / batch;
            g[b2At] += oBar;
            for (int j = 0; j < hidden; j++)
            {
                g[w2At + j] += oBar * h[j];
                double aBar = oBar * v[w2At + j] * (1 - h[j] * h[j]);
                g[b1At + j] += aBar;
                for (int k = 0; k < inputs; k++)
                {
                    g[j * inputs + k] += aBar * MlpInputs[s * inputs + k];
                }
            }
        }

        return g;
    }

    /// <summary>Y = X W with X 2 x 3 and W 3 x 2: ∂/∂X = S Wᵀ, row-major.</summary>
    public static double[] TensorMatMulVjp(double[] s)
    {
        var g = new double[6];
        for (int i = 0; i < 2; i++)
        {
            for (int k = 0; k < 3; k++)
            {
                for (int j = 0; j < 2; j++)
                {
                    g[i * 3 + k] += s[i * 2 + j] * MatMulWeights[k, j];
                }
            }
        }

        return g;
    }

    /// <summary>Mean Huber loss over [prediction..., δ]: clipped residuals for the predictions, |r| - δ outside for δ.</summary>
    public static double[] HuberLossGradient(double[] v)
    {
        int n = v.Length - 1;
        double delta = v[n];
        var g = new double[v.Length];
        for (int i = 0; i < n; i++)
        {
            double r = v[i] - HuberTargets[i];
            g[i] = Math.Clamp(r, -delta, delta) / n;
            g[n] += Math.Abs(r) > delta ? (Math.Abs(r) - delta) / n : 0;
        }

        return g;
    }
}
