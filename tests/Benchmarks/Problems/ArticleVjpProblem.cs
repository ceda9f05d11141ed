using SourceGen.Autodiff.Benchmarks.Functions;

namespace SourceGen.Autodiff.Benchmarks.Problems;

/// <summary>The article's F at x = (2, 4, 5) with seed ones(1, 2): xGrad = (6, 26, 14).</summary>
public struct ArticleVjpProblem : IBenchmarkProblem<ArticleVjpProblem, Tensor>, IHasGeneratedBackward<Tensor>
{
    private readonly Tensor _x = Tensor.From(new double[,] { { 2, 4, 5 } });
    private readonly Tensor _seed = Seed.Ones(1, 2);
    private readonly Tensor _xGrad = Tensor.Zeros(1, 3);

    public ArticleVjpProblem() { }

    public static ArticleVjpProblem Create() => new();

    public readonly string Name => "Article VJP (1x3 -> 1x2)";

    public readonly Tensor Forward() => ArticleVjp.F(_x);

    public readonly Tensor GeneratedBackward() => ArticleVjp.FBackward(_x, _seed, _xGrad);

    public readonly Tensor HandWrittenBackward() => ArticleVjp.FBackwardByHand(_x, _seed, _xGrad);

    public readonly double[] FiniteDifferences() =>
        FiniteDifference.VectorJacobianProduct(v => ArticleVjp.F(Tensor.FromRowMajor(v, 1, 3)).ToArray(), _x.ToArray(), _seed.ToArray());

    public readonly double[] ForwardValues() => Forward().ToArray();

    public readonly BackwardResult HandWritten()
    {
        _xGrad.Clear();
        return new BackwardResult(HandWrittenBackward().ToArray(), _xGrad.ToArray());
    }

    public readonly BackwardResult? Generated()
    {
        _xGrad.Clear();
        return new BackwardResult(GeneratedBackward().ToArray(), _xGrad.ToArray());
    }
}
