using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Harness;

/// <summary>Generated <c>MBackward</c> of <c>double M(double x)</c>.</summary>
public delegate double UnaryBackward(double x, double seed, ref double xGrad);

/// <summary><c>MPullback(...).Backward</c> of <c>double M(double x)</c>.</summary>
public delegate void UnaryPullbackBackward<TPullback>(TPullback pullback, double seed, ref double xGrad);

/// <summary>Generated <c>MBackward</c> of <c>double M(double x, double y)</c>.</summary>
public delegate double BinaryBackward(double x, double y, double seed, ref double xGrad, ref double yGrad);

/// <summary><c>MPullback(...).Backward</c> of <c>double M(double x, double y)</c>.</summary>
public delegate void BinaryPullbackBackward<TPullback>(TPullback pullback, double seed, ref double xGrad, ref double yGrad);

/// <summary>
/// Builds <see cref="DiffCase"/>s for the two commonest signatures, <c>double M(double)</c> and
/// <c>double M(double, double)</c>, from the method and its generated methods as method groups.
/// </summary>
public static class ScalarCaseBuilder
{
    private const double Seed = 0.7;

    public static DiffCase Unary<TPullback>(
        string name,
        double point,
        Func<double, double> method,
        UnaryBackward backward,
        Func<double, double> gradient,
        Func<double, TPullback> pullback,
        Func<TPullback, double> value,
        UnaryPullbackBackward<TPullback> pullbackBackward,
        Func<double, double>? exactDerivative = null) => new()
        {
            Name = name,
            Point = [point],
            Seed = [Seed],
            Forward = x => [method(x[0])],
            Backward = (x, s, g) => [backward(x[0], s[0], ref g[0])],
            Gradient = x => [gradient(x[0])],
            Pullback = x =>
            {
                TPullback p = pullback(x[0]);
                return new PullbackRun([value(p)], (s, g) => pullbackBackward(p, s[0], ref g[0]));
            },
            ExactVjp = exactDerivative is null ? null : (x, s) => [s[0] * exactDerivative(x[0])],
        };

    public static DiffCase Binary<TPullback>(
        string name,
        double[] point,
        Func<double, double, double> method,
        BinaryBackward backward,
        Func<double, double, (double, double)> gradient,
        Func<double, double, TPullback> pullback,
        Func<TPullback, double> value,
        BinaryPullbackBackward<TPullback> pullbackBackward,
        Func<double, double, (double, double)>? exactGradient = null) => new()
        {
            Name = name,
            Point = point,
            Seed = [Seed],
            Forward = x => [method(x[0], x[1])],
            Backward = (x, s, g) => [backward(x[0], x[1], s[0], ref g[0], ref g[1])],
            Gradient = x => Flat.Of(gradient(x[0], x[1])),
            Pullback = x =>
            {
                TPullback p = pullback(x[0], x[1]);
                return new PullbackRun([value(p)], (s, g) => pullbackBackward(p, s[0], ref g[0], ref g[1]));
            },
            ExactVjp = exactGradient is null ? null : (x, s) =>
            {
                var (dx, dy) = exactGradient(x[0], x[1]);
                return [s[0] * dx, s[0] * dy];
            },
        };
}
