using System;

namespace SourceGen.Autodiff.Benchmarks.Functions;

public static partial class ScalarMath
{
    /// <summary>
    /// The analytic gradient of <see cref="Wave"/>, derived on paper with every shared
    /// subexpression computed once:
    /// r = √(a²+b²+1), s = sin(ab)·e^(−c/2), t = ln(1+c²)/r, u = tanh(a−c)·cos b.
    /// </summary>
    public static double WaveBackwardByHand(double a, double b, double c, double seed,
                                            ref double aGrad, ref double bGrad, ref double cGrad)
    {
        double r = Math.Sqrt(a * a + b * b + 1);
        double ab = a * b;
        double sinAb = Math.Sin(ab), cosAb = Math.Cos(ab);
        double e = Math.Exp(-0.5 * c);
        double log = Math.Log(1 + c * c);
        double th = Math.Tanh(a - c);
        double cosB = Math.Cos(b);
        double value = sinAb * e + log / r + th * cosB;

        double dtDr = -log / (r * r);           // ∂t/∂r
        double sech2CosB = (1 - th * th) * cosB; // ∂u/∂a = −∂u/∂c
        aGrad += seed * (cosAb * b * e + dtDr * a / r + sech2CosB);
        bGrad += seed * (cosAb * a * e + dtDr * b / r - th * Math.Sin(b));
        cGrad += seed * (-0.5 * sinAb * e + 2 * c / ((1 + c * c) * r) - sech2CosB);
        return value;
    }
}
