namespace SourceGen.Autodiff.Benchmarks.Problems;

/// <summary>The size of a <see cref="GaussianMixtureProblem{TSize}"/>: points, components, dimensions.</summary>
public interface IGaussianMixtureSize
{
    static abstract int Points { get; }

    static abstract int Components { get; }

    static abstract int Dimensions { get; }
}

/// <summary>1000 points in 2 dimensions, 5 components.</summary>
public readonly struct GaussianMixtureD2 : IGaussianMixtureSize
{
    public static int Points => 1000;
    public static int Components => 5;
    public static int Dimensions => 2;
}

/// <summary>200 points in 10 dimensions, 10 components.</summary>
public readonly struct GaussianMixtureD10 : IGaussianMixtureSize
{
    public static int Points => 200;
    public static int Components => 10;
    public static int Dimensions => 10;
}

/// <summary><see cref="GaussianMixtureCase"/> of one size, as a benchmark problem.</summary>
public struct GaussianMixtureProblem<TSize> : IBenchmarkProblem<GaussianMixtureProblem<TSize>, double>
#if LOOPS
    , IHasGeneratedBackward<double>
#endif
    where TSize : IGaussianMixtureSize
{
    private readonly GaussianMixtureCase _case = new(TSize.Points, TSize.Components, TSize.Dimensions);

    public GaussianMixtureProblem() { }

    public static GaussianMixtureProblem<TSize> Create() => new();

    public readonly string Name => _case.Name;

    public readonly double Forward() => _case.Forward();

    public readonly double HandWrittenBackward() => _case.HandWrittenBackward();

#if LOOPS
    public readonly double GeneratedBackward() => _case.GeneratedBackward();

    public readonly BackwardResult? Generated() => _case.Generated();
#else
    public readonly BackwardResult? Generated() => null;
#endif

    public readonly double[] FiniteDifferences() => _case.FiniteDifferences();

    public readonly double[] ForwardValues() => [Forward()];

    public readonly BackwardResult HandWritten() => _case.HandWritten();
}
