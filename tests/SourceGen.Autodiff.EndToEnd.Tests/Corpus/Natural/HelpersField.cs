using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Corpus.Natural;

/// <summary>A 2D vector field integrated with a helper that returns its two components as a tuple.</summary>
public static partial class HelpersField
{
    /// <summary>The field's components at (x, y), scaled by a.</summary>
    [Differentiable]
    public static (double dx, double dy) Field(double x, double y, double a) => (a * x * y, a * (x - y));

    /// <summary>A damped rotation field, written with a block body and Math.</summary>
    [Differentiable]
    public static (double Vx, double Vy) Swirl(double x, double y, double k)
    {
        double r2 = x * x + y * y;
        double damping = Math.Exp(-k * r2);
        return (-y * damping, x * damping);
    }

    /// <summary>Explicit Euler integration of a particle through the field; the squared distance it ends at.</summary>
    [Differentiable]
    public static double Integrate(double x0, double y0, double a, int steps)
    {
        double x = x0, y = y0;
        const double h = 0.05;
        for (int n = 0; n < steps; n++)
        {
            var (kx, ky) = Field(x, y, a);
            x += h * kx;
            y += h * ky;
        }

        return x * x + y * y;
    }

    /// <summary>Midpoint steps through the swirl, with declared tuple elements and a discard.</summary>
    [Differentiable]
    public static double Midpoint(double x0, double y0, double k)
    {
        double x = x0, y = y0;
        for (int n = 0; n < 3; n++)
        {
            (double u, double v) = Swirl(x, y, k);
            (double um, _) = Swirl(x + 0.05 * u, y + 0.05 * v, k);
            double vm;
            (_, vm) = Swirl(x + 0.05 * u, y + 0.05 * v, k);
            x += 0.1 * um;
            y += 0.1 * vm;
        }

        return x * y;
    }

    /// <summary>The tuple kept whole in a local and read by name and by position, in a loop.</summary>
    [Differentiable]
    public static double Work(double x0, double y0, double a)
    {
        double work = 0, x = x0, y = y0;
        for (int n = 0; n < 4; n++)
        {
            var f = Field(x, y, a);
            work += f.dx * 0.1 + f.Item2 * 0.2;
            x += 0.1;
            y -= 0.05 * f.dx;
        }

        return work;
    }
}
