using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Corpus.Natural;

// Signal processing, geodesy, economics, chemical kinetics, constrained optimization, queueing,
// curve fitting, a numerically careful log-sigmoid and an elastic rod, each written as found in
// textbooks and codebases. Tests: NaturalSciencesTests.

public static partial class Sciences
{
    [Differentiable]
    public static double FirEnergy(double[] taps, [NoGradient] double[] signal)
    {
        double energy = 0;
        for (int n = taps.Length - 1; n < signal.Length; n++)
        {
            double y = 0;
            for (int k = 0; k < taps.Length; k++)
                y += taps[k] * signal[n - k];
            energy += y * y;
        }
        return energy / signal.Length;
    }

    [Differentiable]
    public static double Haversine(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6371.0;
        double dLat = (lat2 - lat1) * Math.PI / 180;
        double dLon = (lon2 - lon1) * Math.PI / 180;
        double a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) +
                   Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) *
                   Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        double c = 2 * Math.Atan2(Math.Sqrt(a), Math.Sqrt(1 - a));
        return R * c;
    }

    [Differentiable]
    public static double CesUtility(double[] quantities, double[] shares, double rho)
    {
        double sum = 0.0;
        for (int i = 0; i < quantities.Length; i++)
            sum += shares[i] * Math.Pow(quantities[i], rho);
        return Math.Pow(sum, 1.0 / rho);
    }

    [Differentiable]
    public static double ArrheniusConversion(double logA, double Ea, double T, double tEnd)
    {
        const double Rgas = 8.314;
        double k = Math.Exp(logA - Ea / (Rgas * T));
        double c = 1.0, t = 0.0, dt = tEnd / 100;
        while (t < tEnd - 1e-12)
        {
            c += -k * c * c * dt;
            t += dt;
        }
        return 1.0 - c;
    }

    [Differentiable]
    public static double PenaltyObjective(double[] x, double mu)
    {
        double f = (x[0] - 1) * (x[0] - 1) + (x[1] - 2) * (x[1] - 2);
        double g = x[0] + x[1] - 2;       // constraint g <= 0
        if (g > 0) f += mu * g * g;
        return f;
    }

    [Differentiable]
    public static double ErlangC(double lambda, double mu, int servers)
    {
        double a = lambda / mu;
        double sum = 0, term = 1;
        for (int k = 0; k < servers; k++)
        {
            sum += term;
            term *= a / (k + 1);
        }
        double rho = a / servers;
        double top = term / (1 - rho);
        return top / (sum + top);
    }

    [Differentiable]
    public static double GaussNewtonResidual(double[] p, [NoGradient] double[] t, [NoGradient] double[] y)
    {
        double ss = 0;
        for (int i = 0; i < t.Length; i++)
        {
            double model = p[0] * Math.Exp(-p[1] * t[i]) + p[2];
            double r = model - y[i];
            ss += r * r;
        }
        return 0.5 * ss;
    }

    [Differentiable]
    public static double Logsig(double x) => x >= 0 ? -Math.Log(1 + Math.Exp(-x)) : x - Math.Log(1 + Math.Exp(x));

    [Differentiable]
    public static double ElasticRod(double[] theta, double stiffness)
    {
        double e = 0;
        double prev = 0;
        foreach (double th in theta)
        {
            double d = th - prev;
            e += 0.5 * stiffness * d * d - Math.Cos(th);
            prev = th;
        }
        return e;
    }
}
