using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Harness;

/// <summary>Generated <c>MBackward</c> of <c>Tensor M(Tensor x, double s)</c>.</summary>
public delegate Tensor TensorScalarBackward(Tensor x, double s, Tensor seed, Tensor xGrad, ref double sGrad);

/// <summary><c>MPullback(...).Backward</c> of <c>Tensor M(Tensor x, double s)</c>.</summary>
public delegate void TensorScalarPullbackBackward<TPullback>(TPullback pullback, Tensor seed, Tensor xGrad, ref double sGrad);

/// <summary>
/// Builds <see cref="DiffCase"/>s for <c>Tensor M(Tensor x)</c>, <c>double M(Tensor x)</c> and
/// <c>Tensor M(Tensor x, double s)</c>, building tensors of the given shapes from the flat vectors.
/// </summary>
public static class TensorCaseBuilder
{
    public static DiffCase TensorResult<TPullback>(
        string name,
        int[] inputShape,
        int[] resultShape,
        double[] point,
        double[] seed,
        Func<Tensor, Tensor> method,
        Func<Tensor, Tensor, Tensor, Tensor> backward,
        Func<Tensor, TPullback> pullback,
        Func<TPullback, Tensor> value,
        Action<TPullback, Tensor, Tensor> pullbackBackward,
        Func<Tensor, double[,]> jacobian,
        Func<double[], double[], double[]>? exactVjp = null) => new()
        {
            Name = name,
            Point = point,
            Seed = seed,
            Forward = x => Flat.Of(method(Flat.ToTensor(x, 0, inputShape))),
            Backward = (x, s, g) => WithGradient(g, inputShape, xGrad =>
                Flat.Of(backward(Flat.ToTensor(x, 0, inputShape), Flat.ToTensor(s, 0, resultShape), xGrad))),
            Pullback = x =>
            {
                TPullback p = pullback(Flat.ToTensor(x, 0, inputShape));
                return new PullbackRun(Flat.Of(value(p)), (s, g) =>
                    WithGradient(g, inputShape, xGrad =>
                    {
                        pullbackBackward(p, Flat.ToTensor(s, 0, resultShape), xGrad);
                        return g;
                    }));
            },
            Jacobian = x => jacobian(Flat.ToTensor(x, 0, inputShape)),
            ExactVjp = exactVjp,
        };

    public static DiffCase ScalarResult<TPullback>(
        string name,
        int[] inputShape,
        double[] point,
        Func<Tensor, double> method,
        Func<Tensor, double, Tensor, double> backward,
        Func<Tensor, Tensor> gradient,
        Func<Tensor, TPullback> pullback,
        Func<TPullback, double> value,
        Action<TPullback, double, Tensor> pullbackBackward,
        Func<double[], double[], double[]>? exactVjp = null) => new()
        {
            Name = name,
            Point = point,
            Seed = [0.7],
            Forward = x => [method(Flat.ToTensor(x, 0, inputShape))],
            Backward = (x, s, g) => WithGradient(g, inputShape, xGrad =>
                Flat.Of(backward(Flat.ToTensor(x, 0, inputShape), s[0], xGrad))),
            Gradient = x => Flat.Of(gradient(Flat.ToTensor(x, 0, inputShape))),
            Pullback = x =>
            {
                TPullback p = pullback(Flat.ToTensor(x, 0, inputShape));
                return new PullbackRun([value(p)], (s, g) =>
                    WithGradient(g, inputShape, xGrad =>
                    {
                        pullbackBackward(p, s[0], xGrad);
                        return g;
                    }));
            },
            ExactVjp = exactVjp,
        };

    /// <summary>
    /// <c>Tensor M(Tensor x, double s)</c> with a result shaped like x: flat input [x..., s], the
    /// columns of MJacobian too.
    /// </summary>
    public static DiffCase TensorAndScalar<TPullback>(
        string name,
        int[] shape,
        double[] point,
        double[] seed,
        Func<Tensor, double, Tensor> method,
        TensorScalarBackward backward,
        Func<Tensor, double, TPullback> pullback,
        Func<TPullback, Tensor> value,
        TensorScalarPullbackBackward<TPullback> pullbackBackward,
        Func<Tensor, double, double[,]> jacobian,
        Func<double[], double[], double[]>? exactVjp = null)
    {
        int n = point.Length - 1; // where s sits
        return new()
        {
            Name = name,
            Point = point,
            Seed = seed,
            Forward = v => Flat.Of(method(Flat.ToTensor(v, 0, shape), v[n])),
            Backward = (v, s, g) => WithGradient(g, shape, xGrad =>
                Flat.Of(backward(Flat.ToTensor(v, 0, shape), v[n], Flat.ToTensor(s, 0, shape), xGrad, ref g[n]))),
            Pullback = v =>
            {
                TPullback p = pullback(Flat.ToTensor(v, 0, shape), v[n]);
                return new PullbackRun(Flat.Of(value(p)), (s, g) =>
                    WithGradient(g, shape, xGrad =>
                    {
                        pullbackBackward(p, Flat.ToTensor(s, 0, shape), xGrad, ref g[n]);
                        return g;
                    }));
            },
            Jacobian = v => jacobian(Flat.ToTensor(v, 0, shape), v[n]),
            ExactVjp = exactVjp,
        };
    }

    /// <summary>
    /// Runs <paramref name="run"/> with a tensor buffer holding <c>g</c>'s current values (so
    /// accumulation is visible) and copies the buffer back into <c>g</c> afterwards.
    /// </summary>
    private static double[] WithGradient(double[] g, int[] shape, Func<Tensor, double[]> run)
    {
        Tensor buffer = Flat.ToTensor(g, 0, shape);
        double[] result = run(buffer);
        Flat.CopyBack(buffer, g, 0);
        return result;
    }
}
