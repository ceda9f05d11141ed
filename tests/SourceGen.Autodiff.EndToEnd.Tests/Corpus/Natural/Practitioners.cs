using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Corpus.Natural;

// Programs from finance, machine learning, physics, statistics and robotics, written the way a
// practitioner writes them (jagged and 2-D data arrays, foreach, while loops on the state,
// const locals, early maxima), never restructured for the generator. Tests: NaturalPractitionerTests.

public static partial class Finance
{
    // Black-Scholes with the normal CDF by the Abramowitz-Stegun polynomial (26.2.17).
    [Differentiable]
    public static double BlackScholesCall(double S, double K, double r, double sigma, double T)
    {
        double sqrtT = Math.Sqrt(T);
        double d1 = (Math.Log(S / K) + (r + 0.5 * sigma * sigma) * T) / (sigma * sqrtT);
        double d2 = d1 - sigma * sqrtT;
        return S * Cdf(d1) - K * Math.Exp(-r * T) * Cdf(d2);
    }

    [Differentiable]
    public static double Cdf(double x)
    {
        double t = 1.0 / (1.0 + 0.2316419 * Math.Abs(x));
        double d = 0.3989423 * Math.Exp(-x * x / 2.0);
        double p = d * t * (0.3193815 + t * (-0.3565638 + t * (1.781478 + t * (-1.821256 + t * 1.330274))));
        return x > 0 ? 1.0 - p : p;
    }

    // Monte Carlo pathwise: normals given as data
    [Differentiable]
    public static double AsianCall(double s0, double vol, double rate, double strike, double maturity, [NoGradient] double[] normals, int steps)
    {
        int paths = normals.Length / steps;
        double dt = maturity / steps;
        double payoffSum = 0.0;
        for (int p = 0; p < paths; p++)
        {
            double s = s0;
            double avg = 0.0;
            for (int t = 0; t < steps; t++)
            {
                s *= Math.Exp((rate - 0.5 * vol * vol) * dt + vol * Math.Sqrt(dt) * normals[p * steps + t]);
                avg += s;
            }
            avg /= steps;
            payoffSum += Math.Max(avg - strike, 0.0);
        }
        return Math.Exp(-rate * maturity) * payoffSum / paths;
    }

    // Yield curve: bond price from zero rates with linear interpolation
    [Differentiable]
    public static double BondPrice(double[] zeroRates, [NoGradient] double[] tenors, double coupon, double maturity)
    {
        double price = 0;
        for (double t = 0.5; t <= maturity + 1e-9; t += 0.5)
        {
            int i = 0;
            while (i < tenors.Length - 2 && tenors[i + 1] < t) i++;
            double w = (t - tenors[i]) / (tenors[i + 1] - tenors[i]);
            double z = zeroRates[i] * (1 - w) + zeroRates[i + 1] * w;
            double cf = coupon / 2;
            if (Math.Abs(t - maturity) < 1e-9) cf += 100;
            price += cf * Math.Exp(-z * t);
        }
        return price;
    }
}

public static partial class ML
{
    [Differentiable]
    public static double LogisticLoss(double[] w, double b, [NoGradient] double[][] X, [NoGradient] int[] y, double lambda)
    {
        double loss = 0;
        for (int i = 0; i < X.Length; i++)
        {
            double z = b;
            for (int j = 0; j < w.Length; j++)
                z += w[j] * X[i][j];
            loss += Math.Log(1 + Math.Exp(-z * (2 * y[i] - 1)));
        }
        double reg = 0;
        foreach (var wj in w) reg += wj * wj;
        return loss / X.Length + 0.5 * lambda * reg;
    }

    [Differentiable]
    public static double Mlp(double[] W1, double[] b1, double[] W2, double b2, [NoGradient] double[] x, double target)
    {
        int hidden = b1.Length;
        int inputs = x.Length;
        var h = new double[hidden];
        for (int i = 0; i < hidden; i++)
        {
            double sum = b1[i];
            for (int j = 0; j < inputs; j++)
                sum += W1[i * inputs + j] * x[j];
            h[i] = Math.Max(0, sum);
        }
        double output = b2;
        for (int i = 0; i < hidden; i++)
            output += W2[i] * h[i];
        double err = output - target;
        return 0.5 * err * err;
    }

    [Differentiable]
    public static double SoftmaxCrossEntropy(double[] logits, int label)
    {
        double max = double.NegativeInfinity;
        for (int i = 0; i < logits.Length; i++)
            if (logits[i] > max) max = logits[i];
        double sum = 0;
        for (int i = 0; i < logits.Length; i++)
            sum += Math.Exp(logits[i] - max);
        return -(logits[label] - max - Math.Log(sum));
    }
}

public static partial class Physics
{
    [Differentiable]
    public static double SpringEnergy(double[] pos, [NoGradient] int[] edges, [NoGradient] double[] restLengths, double k)
    {
        double energy = 0.0;
        for (int e = 0; e < restLengths.Length; e++)
        {
            int a = edges[2 * e], b = edges[2 * e + 1];
            double dx = pos[3 * a] - pos[3 * b];
            double dy = pos[3 * a + 1] - pos[3 * b + 1];
            double dz = pos[3 * a + 2] - pos[3 * b + 2];
            double len = Math.Sqrt(dx * dx + dy * dy + dz * dz);
            double stretch = len - restLengths[e];
            energy += 0.5 * k * stretch * stretch;
        }
        return energy;
    }

    // Projectile with drag, explicit Euler, returns horizontal range
    [Differentiable]
    public static double Range(double v0, double angle, double drag)
    {
        double x = 0, y = 0;
        double vx = v0 * Math.Cos(angle), vy = v0 * Math.Sin(angle);
        const double g = 9.81, dt = 0.01;
        while (y >= 0)
        {
            double speed = Math.Sqrt(vx * vx + vy * vy);
            vx -= drag * speed * vx * dt;
            vy -= (g + drag * speed * vy) * dt;
            x += vx * dt;
            y += vy * dt;
        }
        return x;
    }

    [Differentiable]
    public static double HarmonicChainRk4(double[] q0, double omega, int steps, double dt)
    {
        int n = q0.Length;
        double[] q = (double[])q0.Clone();
        double[] p = new double[n];
        for (int s = 0; s < steps; s++)
        {
            for (int i = 0; i < n; i++)
            {
                double left = i > 0 ? q[i - 1] : 0;
                double right = i < n - 1 ? q[i + 1] : 0;
                p[i] += dt * omega * omega * (left + right - 2 * q[i]);
            }
            for (int i = 0; i < n; i++)
                q[i] += dt * p[i];
        }
        double e = 0;
        for (int i = 0; i < n; i++) e += q[i] * q[i];
        return e;
    }
}

public static partial class Stats
{
    [Differentiable]
    public static double NegLogLikelihood(double mu, double logSigma, [NoGradient] double[] data)
    {
        double sigma = Math.Exp(logSigma);
        double nll = 0;
        foreach (double x in data)
        {
            double z = (x - mu) / sigma;
            nll += 0.5 * z * z + logSigma + 0.5 * Math.Log(2 * Math.PI);
        }
        return nll;
    }

    [Differentiable]
    public static double PoissonRegressionNll(double[] beta, [NoGradient] double[,] X, [NoGradient] int[] counts)
    {
        double nll = 0;
        int n = X.GetLength(0), p = X.GetLength(1);
        for (int i = 0; i < n; i++)
        {
            double eta = 0;
            for (int j = 0; j < p; j++) eta += X[i, j] * beta[j];
            double mu = Math.Exp(eta);
            nll += mu - counts[i] * eta;
        }
        return nll;
    }
}

public static partial class Robotics
{
    // planar 3-link arm forward kinematics, distance of end effector to target
    [Differentiable]
    public static double ReachError(double[] theta, [NoGradient] double[] lengths, double tx, double ty)
    {
        double x = 0, y = 0, angle = 0;
        for (int i = 0; i < theta.Length; i++)
        {
            angle += theta[i];
            x += lengths[i] * Math.Cos(angle);
            y += lengths[i] * Math.Sin(angle);
        }
        double dx = x - tx, dy = y - ty;
        return dx * dx + dy * dy;
    }
}
