using System;
using System.Buffers;

namespace SourceGen.Autodiff.Benchmarks.Functions.Programs;

public static partial class GaussianMixture
{
    /// <summary>
    /// The gradient by hand, laid out like ADBench's manual <c>gmm_objective_d</c>: each point's
    /// pass keeps the centered point xc and y = Q·xc of every component, then, with the posterior
    /// weight g = seed · softmax(main)ₖ, adds g to the weight's gradient, g·Qᵀy to the mean's,
    /// g·(1 − yⱼ·xcⱼ·Qⱼⱼ) to each log-diagonal entry (sum_qs gives the 1, Qⱼⱼ = exp(icfⱼ)) and
    /// −g·yⱼ·xcₗ to each lower entry Lⱼₗ. The weights' log-sum-exp adds −n·seed·softmax(alphas);
    /// the prior adds seed·(γ²Qⱼⱼ² − m) to each log-diagonal entry and seed·γ²·Lⱼₗ to each lower
    /// entry. Scratch comes from the shared ArrayPool (nothing allocated in steady state).
    /// </summary>
    public static double ObjectiveBackwardByHand(ReadOnlySpan<double> alphas, ReadOnlySpan<double> means, ReadOnlySpan<double> icf,
        ReadOnlySpan<double> x, double wishartGamma, int wishartM, int d, int k,
        double seed, Span<double> alphasGrad, Span<double> meansGrad, Span<double> icfGrad)
    {
        Shapes.RequireLength(alphasGrad.Length, alphas.Length, nameof(alphasGrad), nameof(alphas));
        Shapes.RequireLength(meansGrad.Length, means.Length, nameof(meansGrad), nameof(means));
        Shapes.RequireLength(icfGrad.Length, icf.Length, nameof(icfGrad), nameof(icf));
        int n = x.Length / d;
        int icfSize = d * (d + 1) / 2;
        double constant = -n * d * 0.5 * Math.Log(2 * Math.PI);

        var rented = ArrayPool<double>.Shared.Rent(3 * k * d + 2 * k);
        var scratch = rented.AsSpan();
        var qDiags = scratch.Slice(0, k * d);
        var xc = scratch.Slice(k * d, k * d);
        var y = scratch.Slice(2 * k * d, k * d);
        var sumQs = scratch.Slice(3 * k * d, k);
        var mainTerm = scratch.Slice(3 * k * d + k, k);

        for (int ik = 0; ik < k; ik++)
        {
            double sum = 0;
            for (int id = 0; id < d; id++)
            {
                double q = icf[ik * icfSize + id];
                sum += q;
                qDiags[ik * d + id] = Math.Exp(q);
            }
            sumQs[ik] = sum;
        }

        double slse = 0;
        for (int ix = 0; ix < n; ix++)
        {
            var point = x.Slice(ix * d, d);
            for (int ik = 0; ik < k; ik++)
            {
                var xck = xc.Slice(ik * d, d);
                var yk = y.Slice(ik * d, d);
                var qd = qDiags.Slice(ik * d, d);
                for (int id = 0; id < d; id++)
                {
                    xck[id] = point[id] - means[ik * d + id];
                    yk[id] = qd[id] * xck[id];
                }
                int l = ik * icfSize + d;
                for (int i = 0; i < d; i++)
                {
                    for (int j = i + 1; j < d; j++)
                        yk[j] += icf[l++] * xck[i];
                }
                double sqnorm = 0;
                for (int id = 0; id < d; id++)
                    sqnorm += yk[id] * yk[id];
                mainTerm[ik] = alphas[ik] + sumQs[ik] - 0.5 * sqnorm;
            }

            double mx = mainTerm[0];
            for (int ik = 1; ik < k; ik++)
                if (mainTerm[ik] > mx) mx = mainTerm[ik];
            double semx = 0;
            for (int ik = 0; ik < k; ik++)
                semx += Math.Exp(mainTerm[ik] - mx);
            slse += Math.Log(semx) + mx;

            double scale = seed / semx;
            for (int ik = 0; ik < k; ik++)
            {
                double g = Math.Exp(mainTerm[ik] - mx) * scale;
                alphasGrad[ik] += g;
                var xck = xc.Slice(ik * d, d);
                var yk = y.Slice(ik * d, d);
                var qd = qDiags.Slice(ik * d, d);
                int l = ik * icfSize + d;
                for (int i = 0; i < d; i++)
                {
                    double qty = qd[i] * yk[i];
                    double gxi = g * xck[i];
                    for (int j = i + 1; j < d; j++)
                    {
                        qty += icf[l] * yk[j];
                        icfGrad[l] -= gxi * yk[j];
                        l++;
                    }
                    meansGrad[ik * d + i] += g * qty;
                    icfGrad[ik * icfSize + i] += g - gxi * yk[i] * qd[i];
                }
            }
        }

        double mxAlpha = alphas[0];
        for (int ik = 1; ik < k; ik++)
            if (alphas[ik] > mxAlpha) mxAlpha = alphas[ik];
        double semxAlpha = 0;
        for (int ik = 0; ik < k; ik++)
            semxAlpha += Math.Exp(alphas[ik] - mxAlpha);
        double lseAlphas = Math.Log(semxAlpha) + mxAlpha;
        double alphaScale = n * seed / semxAlpha;
        for (int ik = 0; ik < k; ik++)
            alphasGrad[ik] -= Math.Exp(alphas[ik] - mxAlpha) * alphaScale;

        int wishartN = d + wishartM + 1;
        double c = wishartN * d * (Math.Log(wishartGamma) - 0.5 * Math.Log(2));
        double gamma2 = wishartGamma * wishartGamma;
        double prior = 0;
        for (int ik = 0; ik < k; ik++)
        {
            double frobenius = 0;
            for (int id = 0; id < d; id++)
            {
                double qd = qDiags[ik * d + id];
                frobenius += qd * qd;
                icfGrad[ik * icfSize + id] += seed * (gamma2 * qd * qd - wishartM);
            }
            for (int id = d; id < icfSize; id++)
            {
                double lower = icf[ik * icfSize + id];
                frobenius += lower * lower;
                icfGrad[ik * icfSize + id] += seed * gamma2 * lower;
            }
            prior += 0.5 * wishartGamma * wishartGamma * frobenius - wishartM * sumQs[ik];
        }
        prior -= k * c;

        ArrayPool<double>.Shared.Return(rented);
        return constant + slse - n * lseAlphas + prior;
    }
}
