using System;
using SourceGen.Autodiff.Benchmarks.Functions.Programs;

namespace SourceGen.Autodiff.Benchmarks.Problems;

/// <summary>
/// One size of <see cref="GaussianMixture.Objective"/> (n points, K components, d dimensions)
/// at deterministic inputs, shared by the problem structs of each size: points and means in
/// [−1, 1], weight logits in [−1, 1], precision-factor entries in [−0.3, 0.3], Wishart γ = 1, m = 2.
/// </summary>
public sealed class GaussianMixtureCase
{
    private const double WishartGamma = 1.0;
    private const int WishartM = 2;

    private readonly int _d, _k;
    private readonly double[] _alphas, _means, _icf, _x;
    private readonly double[] _alphasGrad, _meansGrad, _icfGrad;
    private readonly double _seed = ICheckedProblem.ScalarSeed;

    public GaussianMixtureCase(int n, int k, int d)
    {
        (_d, _k) = (d, k);
        int icfSize = d * (d + 1) / 2;
        _alphas = Data.Uniform(31, k, -1, 1);
        _means = Data.Uniform(32, k * d, -1, 1);
        _icf = Data.Uniform(33, k * icfSize, -0.3, 0.3);
        _x = Data.Uniform(34, n * d, -1, 1);
        (_alphasGrad, _meansGrad, _icfGrad) = (new double[k], new double[k * d], new double[k * icfSize]);
        Name = $"Gaussian mixture, n = {n}, K = {k}, d = {d}";
    }

    public string Name { get; }

    public double Forward() => GaussianMixture.Objective(_alphas, _means, _icf, _x, WishartGamma, WishartM, _d, _k);

    public double HandWrittenBackward() => GaussianMixture.ObjectiveBackwardByHand(_alphas, _means, _icf, _x, WishartGamma, WishartM, _d, _k,
        _seed, _alphasGrad, _meansGrad, _icfGrad);

#if LOOPS
    public double GeneratedBackward() => GaussianMixture.ObjectiveBackward(_alphas, _means, _icf, _x, WishartGamma, WishartM, _d, _k,
        _seed, _alphasGrad, _meansGrad, _icfGrad);

    public BackwardResult Generated()
    {
        ClearGradients();
        return Collect(GeneratedBackward());
    }
#endif

    public BackwardResult HandWritten()
    {
        ClearGradients();
        return Collect(HandWrittenBackward());
    }

    /// <summary>Central differences over the parameters packed as [alphas, means, icf].</summary>
    public double[] FiniteDifferences() => FiniteDifference.Gradient(p => GaussianMixture.Objective(
            p.AsSpan(0, _k), p.AsSpan(_k, _means.Length), p.AsSpan(_k + _means.Length), _x, WishartGamma, WishartM, _d, _k),
        Data.Pack(_alphas, _means, _icf));

    private void ClearGradients()
    {
        Array.Clear(_alphasGrad);
        Array.Clear(_meansGrad);
        Array.Clear(_icfGrad);
    }

    private BackwardResult Collect(double value) => new([value], Data.Pack(_alphasGrad, _meansGrad, _icfGrad));
}
