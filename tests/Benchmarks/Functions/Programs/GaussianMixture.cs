using System;

namespace SourceGen.Autodiff.Benchmarks.Functions.Programs;

/// <summary>
/// The log-likelihood of n points under a mixture of K Gaussians in d dimensions, with a
/// Wishart prior on the precisions: a port of ADBench's <c>gmm_objective</c> (C++) to C#, as
/// its author would write it. Component k has the weight logit alphas[k], the mean
/// means[k·d .. k·d + d) and the precision factor Q_k = L_k whose diagonal is exp of the first d
/// entries of icf[k·s .. k·s + s), s = d(d+1)/2, and whose strict lower triangle holds the rest,
/// column by column. The constant log Γ_d term of the prior is left out (.NET has no log-gamma;
/// it changes no derivative).
/// </summary>
public static partial class GaussianMixture
{
#if LOOPS
    [Differentiable]
#endif
    public static double Objective(ReadOnlySpan<double> alphas, ReadOnlySpan<double> means, ReadOnlySpan<double> icf,
        [NoGradient] ReadOnlySpan<double> x, [NoGradient] double wishartGamma, int wishartM, int d, int k)
    {
        int n = x.Length / d;
        int icfSize = d * (d + 1) / 2;
        double constant = -n * d * 0.5 * Math.Log(2 * Math.PI);

        var qDiags = new double[d * k];
        var sumQs = new double[k];
        var xCentered = new double[d];
        var qxCentered = new double[d];
        var mainTerm = new double[k];

        // preprocess_qs
        for (int ik = 0; ik < k; ik++)
        {
            sumQs[ik] = 0;
            for (int id = 0; id < d; id++)
            {
                double q = icf[ik * icfSize + id];
                sumQs[ik] += q;
                qDiags[ik * d + id] = Math.Exp(q);
            }
        }

        double slse = 0;
        for (int ix = 0; ix < n; ix++)
        {
            for (int ik = 0; ik < k; ik++)
            {
                // subtract
                for (int id = 0; id < d; id++)
                    xCentered[id] = x[ix * d + id] - means[ik * d + id];

                // Qtimesx: the diagonal, then the strict lower triangle column by column
                for (int id = 0; id < d; id++)
                    qxCentered[id] = qDiags[ik * d + id] * xCentered[id];
                int lParamsIdx = ik * icfSize + d;
                for (int i = 0; i < d; i++)
                {
                    for (int j = i + 1; j < d; j++)
                    {
                        qxCentered[j] += icf[lParamsIdx] * xCentered[i];
                        lParamsIdx++;
                    }
                }

                // sqnorm
                double sqnorm = 0;
                for (int id = 0; id < d; id++)
                    sqnorm += qxCentered[id] * qxCentered[id];
                mainTerm[ik] = alphas[ik] + sumQs[ik] - 0.5 * sqnorm;
            }

            // logsumexp over the components
            double mx = mainTerm[0];
            for (int ik = 1; ik < k; ik++)
            {
                if (mainTerm[ik] > mx)
                    mx = mainTerm[ik];
            }
            double semx = 0;
            for (int ik = 0; ik < k; ik++)
                semx += Math.Exp(mainTerm[ik] - mx);
            slse += Math.Log(semx) + mx;
        }

        // logsumexp of the weights
        double mxAlpha = alphas[0];
        for (int ik = 1; ik < k; ik++)
        {
            if (alphas[ik] > mxAlpha)
                mxAlpha = alphas[ik];
        }
        double semxAlpha = 0;
        for (int ik = 0; ik < k; ik++)
            semxAlpha += Math.Exp(alphas[ik] - mxAlpha);
        double lseAlphas = Math.Log(semxAlpha) + mxAlpha;

        // log_wishart_prior
        int wishartN = d + wishartM + 1;
        double c = wishartN * d * (Math.Log(wishartGamma) - 0.5 * Math.Log(2));
        double prior = 0;
        for (int ik = 0; ik < k; ik++)
        {
            double frobenius = 0;
            for (int id = 0; id < d; id++)
                frobenius += qDiags[ik * d + id] * qDiags[ik * d + id];
            for (int id = d; id < icfSize; id++)
                frobenius += icf[ik * icfSize + id] * icf[ik * icfSize + id];
            prior += 0.5 * wishartGamma * wishartGamma * frobenius - wishartM * sumQs[ik];
        }
        prior -= k * c;

        return constant + slse - n * lseAlphas + prior;
    }
}
