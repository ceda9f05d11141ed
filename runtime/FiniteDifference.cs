using System;

namespace SourceGen.Autodiff;

/// <summary>
/// Numerical derivatives by central differences, <c>(f(x + s) - f(x - s)) / 2s</c>, to check
/// generated gradients against. The step for coordinate <c>i</c> is
/// <c>s = h · max(1, |xᵢ|)</c>, so large inputs get a proportionally large step. The error is of
/// order <c>s²</c> plus rounding of order <c>1e-16 · |f| / s</c>.
/// </summary>
public static class FiniteDifference
{
    /// <summary>
    /// The default relative step <c>h</c>: near the cube root of machine epsilon, where the
    /// truncation and rounding errors of central differences balance.
    /// </summary>
    public const double DefaultStep = 1e-6;

    /// <summary>The derivative of a function of one variable.</summary>
    /// <param name="f">The function.</param>
    /// <param name="x">The point.</param>
    /// <param name="h">The relative step.</param>
    /// <returns>An estimate of <c>f'(x)</c>.</returns>
    public static double Derivative(Func<double, double> f, double x, double h = DefaultStep)
    {
        ArgumentNullException.ThrowIfNull(f);
        RequirePositiveStep(h);
        double step = StepAt(x, h);
        double above = x + step;
        double below = x - step;
        // Divide by the distance actually representable in floating point, not 2·step.
        return (f(above) - f(below)) / (above - below);
    }

    /// <summary>The gradient of a scalar function of several variables.</summary>
    /// <param name="f">The function; it receives a scratch copy of the point, refilled before each call.</param>
    /// <param name="x">The point; not modified.</param>
    /// <param name="h">The relative step.</param>
    /// <returns>A new array with <c>∂f/∂xᵢ</c> at index <c>i</c>.</returns>
    public static double[] Gradient(Func<double[], double> f, double[] x, double h = DefaultStep)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);
        RequirePositiveStep(h);
        double[] point = new double[x.Length];
        double[] gradient = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            double step = StepAt(x[i], h);
            double upper = x[i] + step;
            double lower = x[i] - step;
            double above = f(Perturb(x, point, i, upper));
            double below = f(Perturb(x, point, i, lower));
            // Divide by the distance actually representable in floating point, not 2·step.
            gradient[i] = (above - below) / (upper - lower);
        }

        return gradient;
    }

    /// <summary>The Jacobian of a vector function of several variables.</summary>
    /// <param name="f">The function; it must return the same number of outputs at every point.</param>
    /// <param name="x">The point; not modified.</param>
    /// <param name="h">The relative step.</param>
    /// <returns><c>J[i, j] = ∂yᵢ/∂xⱼ</c>, of size outputs × inputs.</returns>
    /// <exception cref="InvalidOperationException">The function changed its number of outputs.</exception>
    public static double[,] Jacobian(Func<double[], double[]> f, double[] x, double h = DefaultStep)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);
        RequirePositiveStep(h);
        int outputs = Evaluate(f, (double[])x.Clone(), expectedLength: -1).Length;
        double[] point = new double[x.Length];
        var jacobian = new double[outputs, x.Length];
        for (int j = 0; j < x.Length; j++)
        {
            double step = StepAt(x[j], h);
            double upper = x[j] + step;
            double lower = x[j] - step;
            double[] above = Evaluate(f, Perturb(x, point, j, upper), outputs);
            double[] below = Evaluate(f, Perturb(x, point, j, lower), outputs);
            for (int i = 0; i < outputs; i++)
            {
                jacobian[i, j] = (above[i] - below[i]) / (upper - lower);
            }
        }

        return jacobian;
    }

    /// <summary>
    /// The vector-Jacobian product <c>Jᵀ·seed</c>, what <c>MBackward</c> computes and what
    /// PyTorch's <c>y.backward(seed)</c> leaves in <c>x.grad</c>.
    /// </summary>
    /// <param name="f">The function.</param>
    /// <param name="x">The point; not modified.</param>
    /// <param name="seed">One weight per output.</param>
    /// <param name="h">The relative step.</param>
    /// <returns>A new array with <c>Σᵢ seedᵢ · ∂yᵢ/∂xⱼ</c> at index <c>j</c>.</returns>
    /// <exception cref="ArgumentException">The seed length differs from the number of outputs.</exception>
    public static double[] VectorJacobianProduct(Func<double[], double[]> f, double[] x, double[] seed, double h = DefaultStep)
    {
        ArgumentNullException.ThrowIfNull(seed);
        double[,] jacobian = Jacobian(f, x, h);
        Shapes.RequireLength(seed.Length, jacobian.GetLength(0), nameof(seed), "the function's result");
        double[] product = new double[jacobian.GetLength(1)];
        for (int j = 0; j < product.Length; j++)
        {
            for (int i = 0; i < seed.Length; i++)
            {
                product[j] += seed[i] * jacobian[i, j];
            }
        }

        return product;
    }

    // Refills the scratch point from x on every call, so a function that writes into its
    // argument cannot corrupt later evaluations, and the caller's x is never touched.
    private static double[] Perturb(double[] x, double[] point, int index, double value)
    {
        x.CopyTo(point, 0);
        point[index] = value;
        return point;
    }

    private static double StepAt(double x, double h) => h * Math.Max(1.0, Math.Abs(x));

    private static double[] Evaluate(Func<double[], double[]> f, double[] point, int expectedLength)
    {
        double[] y = f(point) ?? throw new InvalidOperationException("The function returned null.");
        if (expectedLength >= 0 && y.Length != expectedLength)
        {
            throw new InvalidOperationException(
                $"The function returned {y.Length} outputs after returning {expectedLength}; its output length must not depend on x.");
        }

        return (double[])y.Clone(); // the function may reuse its output buffer between calls
    }

    private static void RequirePositiveStep(double h)
    {
        if (!(h > 0) || !double.IsFinite(h))
        {
            throw new ArgumentOutOfRangeException(nameof(h), h, "The step must be a positive finite number.");
        }
    }
}
