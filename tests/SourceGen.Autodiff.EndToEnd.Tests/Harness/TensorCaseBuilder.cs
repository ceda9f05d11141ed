using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Harness;

/// <summary>
/// Builds <see cref="DiffCase"/>s for methods of one Tensor parameter, <c>Tensor M(Tensor x)</c>
/// and <c>double M(Tensor x)</c>, building tensors of the given shapes from the flat vectors.
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
