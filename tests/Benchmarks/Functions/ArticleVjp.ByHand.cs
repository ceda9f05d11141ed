namespace SourceGen.Autodiff.Benchmarks.Functions;

public static partial class ArticleVjp
{
    /// <summary>
    /// The hand-written backward pass of <see cref="F"/> from shared/EXAMPLES.md (the limit the
    /// generated FBackward is measured against): shape checks, the forward pass on locals, then
    /// the seed-weighted Jacobian-transpose rows added into <paramref name="xGrad"/>.
    /// </summary>
    public static Tensor FBackwardByHand(Tensor x, Tensor seed, Tensor xGrad)
    {
        Shapes.RequireShape(seed, [1, 2], nameof(seed), "the result");
        Shapes.RequireSameShape(xGrad, x, nameof(xGrad), nameof(x));

        double x00 = x[0, 0], x01 = x[0, 1], x02 = x[0, 2];
        var y = Tensor.Zeros(1, 2);
        y[0, 0] = x00 * x00 + 2 * x01 + 4 * x02;
        y[0, 1] = 2 * x00 + 3 * x01 * x01 + x02 * x02;

        double s0 = seed[0, 0], s1 = seed[0, 1];
        xGrad[0, 0] += 2 * x00 * s0 + 2 * s1;
        xGrad[0, 1] += 2 * s0 + 6 * x01 * s1;
        xGrad[0, 2] += 4 * s0 + 2 * x02 * s1;
        return y;
    }
}
