using System;
using System.Linq;
using SourceGen.Autodiff.EndToEnd.Tests.Corpus.Natural;
using Xunit;
using static SourceGen.Autodiff.EndToEnd.Tests.Harness.GradientAssert;

namespace SourceGen.Autodiff.EndToEnd.Tests;

/// <summary>The programs of Corpus/Natural/Everyday.cs against central finite differences (or exact values).</summary>
public sealed class NaturalEverydayTests
{
    [Theory]
    [InlineData(Kernel.Gaussian)]
    [InlineData(Kernel.Laplace)]
    public void Switch_statement_on_an_enum_picks_the_kernel(Kernel kernel)
    {
        double[] samples = [0.2, 1.5, -0.7, 0.9];
        var (bandwidthGrad, xGrad) = Everyday.KernelDensityGradient(0.6, samples, 0.4, kernel);
        MatchesFiniteDifferences(v => Everyday.KernelDensity(v[0], samples, v[1], kernel), [0.6, 0.4], [bandwidthGrad, xGrad]);
        var unknown = Assert.Throws<ArgumentOutOfRangeException>(() => Everyday.KernelDensityGradient(0.6, samples, 0.4, (Kernel)7));
        Assert.Equal("kernel", unknown.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    public void Switch_statement_on_an_int_with_a_default(int mode)
    {
        double x = 0.8;
        Near(FiniteDifference.Derivative(v => Everyday.Stepwise(v, mode), x), Everyday.StepwiseGradient(x, mode));
    }

    [Fact]
    public void Kahan_summation_of_squares_is_exact()
    {
        double[] x = [1e8, 1, -2.5, 3e-3];
        double[] gradient = Everyday.KahanSumGradient(x);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(2 * x[i], gradient[i], 6);
        }
    }

    [Fact]
    public void Two_indices_in_one_for_loop()
    {
        double[] x = [1, 2, 3, 4, 5];
        MatchesFiniteDifferences(Everyday.Palindrome, x, Everyday.PalindromeGradient(x));
    }

    [Fact]
    public void Clamped_binary_cross_entropy_over_spans()
    {
        double[] p = [0.2, 0.9, 0.55, 1.0];
        double[] y = [0, 1, 1, 1];
        var (pGrad, yGrad) = Everyday.BinaryCrossEntropyGradient(p, y);
        MatchesFiniteDifferences(v => Everyday.BinaryCrossEntropy([.. v, 1.0], y), p[..3], pGrad[..3]);
        Assert.Equal(0, pGrad[3]); // clamped at its upper bound: Math.Clamp sends no gradient to p
        MatchesFiniteDifferences(v => Everyday.BinaryCrossEntropy(p, v), y, yGrad);
    }

    [Fact]
    public void Float_softplus_with_mathf()
    {
        var (xGrad, kGrad) = Everyday.SmoothGradient(0.5f, 2f);
        double h = 1e-3;
        double dx = (Everyday.Smooth(0.5f + (float)h, 2f) - Everyday.Smooth(0.5f - (float)h, 2f)) / (2 * h);
        double dk = (Everyday.Smooth(0.5f, 2f + (float)h) - Everyday.Smooth(0.5f, 2f - (float)h)) / (2 * h);
        Assert.Equal(dx, xGrad, 2);
        Assert.Equal(dk, kGrad, 2);
    }

    [Fact]
    public void Rosenbrock_with_math_pow_squares()
    {
        double[] x = [-1.2, 1, 0.5, 0.8];
        MatchesFiniteDifferences(Everyday.Rosen, x, Everyday.RosenGradient(x));
    }

    [Fact]
    public void Interpolation_table_guarded_by_is_nan()
    {
        double[] table = [0, 1, 4, 9, 16];
        var (tableGrad, xGrad) = Everyday.LerpGradient(table, 0.6);
        MatchesFiniteDifferences(v => Everyday.Lerp(v[..5], v[5]), [.. table, 0.6], [.. tableGrad, xGrad]);
        Assert.Throws<ArgumentException>(() => Everyday.LerpGradient(table, double.NaN));
    }

    [Fact]
    public void Polyline_variance_huber_and_a_cubic_from_an_initializer()
    {
        double[] xs = [0, 1, 2.5, 3], ys = [0, 2, 1, 1.5];
        var (xsGrad, ysGrad) = Everyday.PolylineGradient(xs, ys);
        MatchesFiniteDifferences(v => Everyday.Polyline(v[..4], v[4..]), [.. xs, .. ys], [.. xsGrad, .. ysGrad]);

        double[] data = [1.5, 2, -0.5, 4];
        MatchesFiniteDifferences(Everyday.Variance, data, Everyday.VarianceGradient(data));

        double[] r = [0.3, -2, 1.5, -0.1];
        var (rGrad, deltaGrad) = Everyday.HuberGradient(r, 1);
        MatchesFiniteDifferences(v => Everyday.Huber(v[..4], v[4]), [.. r, 1], [.. rGrad, deltaGrad]);

        Near(-2 + 2 * 0.5 * 0.7 + 3 * 3 * 0.7 * 0.7, Everyday.CubicGradient(0.7), 12);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0.3)]
    public void Newton_square_root_that_breaks_when_converged(double a)
    {
        // d sqrt(a)/da = 1 / (2 sqrt(a)): the converged iteration's derivative.
        Near(1 / (2 * Math.Sqrt(a)), Everyday.NewtonSqrtGradient(a), 9);
    }

    [Fact]
    public void Bilinear_interpolation_on_a_2d_grid()
    {
        double[,] grid = { { 0, 1, 2 }, { 1, 3, 2 }, { 2, 2, 5 } };
        var (uGrad, vGrad) = Everyday.BilinearGradient(grid, 0.3, 1.6);
        MatchesFiniteDifferences(p => Everyday.Bilinear(grid, p[0], p[1]), [0.3, 1.6], [uGrad, vGrad]);
    }
}
