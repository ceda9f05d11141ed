using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Corpus;

/// <summary>Scalar statements and expressions: locals, assignments, arithmetic, literals, casts, inactive parameters.</summary>
public static partial class ScalarCorpus
{
    /// <summary>Locals feeding locals.</summary>
    [Differentiable]
    public static double Polynomial(double x)
    {
        double square = x * x;
        double cube = square * x;
        return cube - 2 * square + 3 * x - 1;
    }

    /// <summary>Expression body, two scalar parameters (MGradient returns a tuple).</summary>
    [Differentiable]
    public static double Product(double x, double y) => x * y;

    /// <summary>Parentheses and division by an active denominator.</summary>
    [Differentiable]
    public static double Quotient(double x, double y) => (x + 1) / (y - x);

    /// <summary>Unary minus on a parameter, on a parenthesized product and on a local.</summary>
    [Differentiable]
    public static double Negations(double x, double y)
    {
        double t = -x;
        return -(t * y) + -y;
    }

    /// <summary>Every compound assignment: += -= *= /=.</summary>
    [Differentiable]
    public static double CompoundAssignments(double x, double y)
    {
        double s = x;
        s += y;
        s -= 0.5 * x;
        s *= y;
        s /= x;
        return s;
    }

    /// <summary>A local overwritten with a value computed from itself.</summary>
    [Differentiable]
    public static double Reassignment(double x)
    {
        double t = x;
        t = t * t;
        t = t + x;
        return t;
    }

    /// <summary>Integer, real, exponent-notation and fractional literals.</summary>
    [Differentiable]
    public static double Literals(double x) => 2.5e-1 * x + 1.0 / 3 * x * x + 4;

    /// <summary>An int parameter (no buffer) cast to double.</summary>
    [Differentiable]
    public static double CastInt(double x, int n) => x * (double)n + n;

    /// <summary>Casts of an active expression and of a literal.</summary>
    [Differentiable]
    public static double CastActive(double x) => (double)(x * 3) * x + (double)2;

    /// <summary>A long parameter (no buffer), converted implicitly.</summary>
    [Differentiable]
    public static double LongScale(double x, long k) => x * k - k;

    /// <summary>A bool parameter gets no buffer (branches on it come with the next issue).</summary>
    [Differentiable]
    public static double WithFlag(double x, bool flag) => 2 * x * x;

    /// <summary>A [NoGradient] double is data: no buffer.</summary>
    [Differentiable]
    public static double NoGradientScalar(double x, [NoGradient] double c) => c * x * x;

    /// <summary>The contract's example: a span, a scalar and a [NoGradient] span.</summary>
    [Differentiable]
    public static double Loss(ReadOnlySpan<double> w, double b, [NoGradient] ReadOnlySpan<double> x)
    {
        double z = w[0] * x[0] + w[1] * x[1] + w[2] * x[2] + b;
        return z * z;
    }

    /// <summary>A chain of locals where one is used twice.</summary>
    [Differentiable]
    public static double LocalChain(double x, double y)
    {
        double a = x + y;
        double b = a * a;
        double c = b - x;
        double d = c / (1 + y * y);
        return d + a;
    }

    /// <summary>Compound assignments whose right-hand sides are Math calls.</summary>
    [Differentiable]
    public static double CompoundWithMath(double x)
    {
        double s = 1;
        s += Math.Sin(x);
        s *= Math.Exp(x);
        return s;
    }
}
