namespace SourceGen.Autodiff.Benchmarks.Functions;

/// <summary>The article's 3-in, 2-out function; the generator adds FBackward, FPullback, FJacobian.</summary>
public static partial class ArticleVjp
{
    [Differentiable]
    public static Tensor F(Tensor x)
    {
        var y = Tensor.Zeros(1, 2);
        y[0, 0] = x[0, 0] * x[0, 0] + 2 * x[0, 1] + 4 * x[0, 2];
        y[0, 1] = 2 * x[0, 0] + 3 * x[0, 1] * x[0, 1] + x[0, 2] * x[0, 2];
        return y;
    }
}
