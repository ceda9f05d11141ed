using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Harness;

/// <summary><c>double M(ReadOnlySpan&lt;double&gt; x)</c>, with any data arguments bound by a lambda.</summary>
public delegate double SpanFunction(ReadOnlySpan<double> x);

/// <summary>Generated <c>MBackward</c> of <see cref="SpanFunction"/>.</summary>
public delegate double SpanBackward(ReadOnlySpan<double> x, double seed, Span<double> xGrad);

/// <summary>Generated <c>MGradient</c> of <see cref="SpanFunction"/>.</summary>
public delegate double[] SpanGradient(ReadOnlySpan<double> x);

/// <summary>Generated <c>MPullback</c> of a method whose only differentiable argument is one span.</summary>
public delegate TPullback SpanPullback<TPullback>(ReadOnlySpan<double> x);

/// <summary><c>MPullback(...).Backward</c> of <see cref="SpanFunction"/>.</summary>
public delegate void SpanPullbackBackward<TPullback>(TPullback pullback, double seed, Span<double> xGrad);

/// <summary><c>void M(ReadOnlySpan&lt;double&gt; x, Span&lt;double&gt; y)</c>: writes its result into y.</summary>
public delegate void SpanMap(ReadOnlySpan<double> x, Span<double> y);

/// <summary>Generated <c>MBackward</c> of <see cref="SpanMap"/>.</summary>
public delegate void SpanMapBackward(ReadOnlySpan<double> x, Span<double> y, ReadOnlySpan<double> seed, Span<double> xGrad);

/// <summary>Generated <c>MPullback</c> of <see cref="SpanMap"/>: writes y once.</summary>
public delegate TPullback SpanMapPullback<TPullback>(ReadOnlySpan<double> x, Span<double> y);

/// <summary><c>MPullback(...).Backward</c> of <see cref="SpanMap"/> and of <see cref="ArrayFunction"/>.</summary>
public delegate void VectorPullbackBackward<TPullback>(TPullback pullback, ReadOnlySpan<double> seed, Span<double> xGrad);

/// <summary>Generated <c>MJacobian</c> of <see cref="SpanMap"/>.</summary>
public delegate double[,] SpanMapJacobian(ReadOnlySpan<double> x, Span<double> y);

/// <summary><c>double[] M(ReadOnlySpan&lt;double&gt; x)</c>.</summary>
public delegate double[] ArrayFunction(ReadOnlySpan<double> x);

/// <summary>Generated <c>MBackward</c> of <see cref="ArrayFunction"/>.</summary>
public delegate double[] ArrayBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> seed, Span<double> xGrad);

/// <summary>Generated <c>MJacobian</c> of <see cref="ArrayFunction"/>.</summary>
public delegate double[,] ArrayJacobian(ReadOnlySpan<double> x);

/// <summary><c>double M(ReadOnlySpan&lt;double&gt; x, double c)</c>.</summary>
public delegate double SpanThenScalarFunction(ReadOnlySpan<double> x, double c);

/// <summary>Generated <c>MBackward</c> of <see cref="SpanThenScalarFunction"/>.</summary>
public delegate double SpanThenScalarBackward(ReadOnlySpan<double> x, double c, double seed, Span<double> xGrad, ref double cGrad);

/// <summary>Generated <c>MGradient</c> of <see cref="SpanThenScalarFunction"/>.</summary>
public delegate (double[], double) SpanThenScalarGradient(ReadOnlySpan<double> x, double c);

/// <summary>Generated <c>MPullback</c> of <see cref="SpanThenScalarFunction"/>.</summary>
public delegate TPullback SpanThenScalarPullback<TPullback>(ReadOnlySpan<double> x, double c);

/// <summary><c>MPullback(...).Backward</c> of <see cref="SpanThenScalarFunction"/>.</summary>
public delegate void SpanThenScalarPullbackBackward<TPullback>(TPullback pullback, double seed, Span<double> xGrad, ref double cGrad);

/// <summary><c>double M(double x, ReadOnlySpan&lt;double&gt; c)</c>.</summary>
public delegate double ScalarThenSpanFunction(double x, ReadOnlySpan<double> c);

/// <summary>Generated <c>MBackward</c> of <see cref="ScalarThenSpanFunction"/>.</summary>
public delegate double ScalarThenSpanBackward(double x, ReadOnlySpan<double> c, double seed, ref double xGrad, Span<double> cGrad);

/// <summary>Generated <c>MGradient</c> of <see cref="ScalarThenSpanFunction"/>.</summary>
public delegate (double, double[]) ScalarThenSpanGradient(double x, ReadOnlySpan<double> c);

/// <summary>Generated <c>MPullback</c> of <see cref="ScalarThenSpanFunction"/>.</summary>
public delegate TPullback ScalarThenSpanPullback<TPullback>(double x, ReadOnlySpan<double> c);

/// <summary><c>MPullback(...).Backward</c> of <see cref="ScalarThenSpanFunction"/>.</summary>
public delegate void ScalarThenSpanPullbackBackward<TPullback>(TPullback pullback, double seed, ref double xGrad, Span<double> cGrad);

/// <summary><c>double M(ReadOnlySpan&lt;double&gt; a, ReadOnlySpan&lt;double&gt; b)</c>.</summary>
public delegate double TwoSpanFunction(ReadOnlySpan<double> a, ReadOnlySpan<double> b);

/// <summary>Generated <c>MBackward</c> of <see cref="TwoSpanFunction"/>.</summary>
public delegate double TwoSpanBackward(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double seed, Span<double> aGrad, Span<double> bGrad);

/// <summary>Generated <c>MGradient</c> of <see cref="TwoSpanFunction"/>.</summary>
public delegate (double[], double[]) TwoSpanGradient(ReadOnlySpan<double> a, ReadOnlySpan<double> b);

/// <summary>Generated <c>MPullback</c> of <see cref="TwoSpanFunction"/>.</summary>
public delegate TPullback TwoSpanPullback<TPullback>(ReadOnlySpan<double> a, ReadOnlySpan<double> b);

/// <summary><c>MPullback(...).Backward</c> of <see cref="TwoSpanFunction"/>.</summary>
public delegate void TwoSpanPullbackBackward<TPullback>(TPullback pullback, double seed, Span<double> aGrad, Span<double> bGrad);

/// <summary>
/// Builds <see cref="DiffCase"/>s for methods with one differentiable span input: a scalar
/// result, a <c>Span&lt;double&gt;</c> output, or a <c>double[]</c> result. Data arguments
/// ([NoGradient] spans, ints) are bound by the caller's lambdas.
/// </summary>
public static class SpanCaseBuilder
{
    private const double Seed = 0.7;

    public static DiffCase Scalar<TPullback>(
        string name,
        double[] point,
        SpanFunction method,
        SpanBackward backward,
        SpanGradient gradient,
        SpanPullback<TPullback> pullback,
        Func<TPullback, double> value,
        SpanPullbackBackward<TPullback> pullbackBackward,
        Func<double[], double[]>? exactGradient = null) => new()
        {
            Name = name,
            Point = point,
            Seed = [Seed],
            Forward = x => [method(x)],
            Backward = (x, s, g) => [backward(x, s[0], g)],
            Gradient = x => gradient(x),
            Pullback = x =>
            {
                TPullback p = pullback(x);
                return new PullbackRun([value(p)], (s, g) => pullbackBackward(p, s[0], g));
            },
            ExactVjp = exactGradient is null ? null : (x, s) => Vectors.Scale(exactGradient(x), s[0]),
        };

    /// <summary>A span output of <paramref name="outputs"/> elements; the seed is <see cref="SeedOf"/>.</summary>
    public static DiffCase Output<TPullback>(
        string name,
        double[] point,
        int outputs,
        SpanMap method,
        SpanMapBackward backward,
        SpanMapPullback<TPullback> pullback,
        VectorPullbackBackward<TPullback> pullbackBackward,
        SpanMapJacobian jacobian,
        Func<double[], double[], double[]>? exactVjp = null) => new()
        {
            Name = name,
            Point = point,
            Seed = SeedOf(outputs),
            Forward = x => WithOutput(outputs, y => method(x, y)),
            Backward = (x, s, g) => WithOutput(outputs, y => backward(x, y, s, g)),
            Pullback = x =>
            {
                var y = new double[outputs];
                TPullback p = pullback(x, y);
                return new PullbackRun(y, (s, g) => pullbackBackward(p, s, g));
            },
            Jacobian = x => jacobian(x, new double[outputs]),
            ExactVjp = exactVjp,
        };

    /// <summary>A <c>double[]</c> result of <paramref name="outputs"/> elements.</summary>
    public static DiffCase ArrayResult<TPullback>(
        string name,
        double[] point,
        int outputs,
        ArrayFunction method,
        ArrayBackward backward,
        SpanPullback<TPullback> pullback,
        Func<TPullback, double[]> value,
        VectorPullbackBackward<TPullback> pullbackBackward,
        ArrayJacobian jacobian,
        Func<double[], double[], double[]>? exactVjp = null) => new()
        {
            Name = name,
            Point = point,
            Seed = SeedOf(outputs),
            Forward = x => method(x),
            Backward = (x, s, g) => backward(x, s, g),
            Pullback = x =>
            {
                TPullback p = pullback(x);
                return new PullbackRun(Flat.Of(value(p)), (s, g) => pullbackBackward(p, s, g));
            },
            Jacobian = x => jacobian(x),
            ExactVjp = exactVjp,
        };

    /// <summary><see cref="SpanThenScalarFunction"/>: flat input [x..., c].</summary>
    public static DiffCase SpanThenScalar<TPullback>(
        string name,
        double[] point,
        SpanThenScalarFunction method,
        SpanThenScalarBackward backward,
        SpanThenScalarGradient gradient,
        SpanThenScalarPullback<TPullback> pullback,
        Func<TPullback, double> value,
        SpanThenScalarPullbackBackward<TPullback> pullbackBackward,
        Func<double[], double[]>? exactGradient = null)
    {
        int n = point.Length - 1; // where c sits
        return new()
        {
            Name = name,
            Point = point,
            Seed = [Seed],
            Forward = v => [method(v.AsSpan(0, n), v[n])],
            Backward = (v, s, g) => [backward(v.AsSpan(0, n), v[n], s[0], g.AsSpan(0, n), ref g[n])],
            Gradient = v => Flat.Of(gradient(v.AsSpan(0, n), v[n])),
            Pullback = v =>
            {
                TPullback p = pullback(v.AsSpan(0, n), v[n]);
                return new PullbackRun([value(p)], (s, g) => pullbackBackward(p, s[0], g.AsSpan(0, n), ref g[n]));
            },
            ExactVjp = exactGradient is null ? null : (v, s) => Vectors.Scale(exactGradient(v), s[0]),
        };
    }

    /// <summary><see cref="ScalarThenSpanFunction"/>: flat input [x, c...].</summary>
    public static DiffCase ScalarThenSpan<TPullback>(
        string name,
        double[] point,
        ScalarThenSpanFunction method,
        ScalarThenSpanBackward backward,
        ScalarThenSpanGradient gradient,
        ScalarThenSpanPullback<TPullback> pullback,
        Func<TPullback, double> value,
        ScalarThenSpanPullbackBackward<TPullback> pullbackBackward,
        Func<double[], double[]>? exactGradient = null) => new()
        {
            Name = name,
            Point = point,
            Seed = [Seed],
            Forward = v => [method(v[0], v.AsSpan(1))],
            Backward = (v, s, g) => [backward(v[0], v.AsSpan(1), s[0], ref g[0], g.AsSpan(1))],
            Gradient = v => Flat.Of(gradient(v[0], v.AsSpan(1))),
            Pullback = v =>
            {
                TPullback p = pullback(v[0], v.AsSpan(1));
                return new PullbackRun([value(p)], (s, g) => pullbackBackward(p, s[0], ref g[0], g.AsSpan(1)));
            },
            ExactVjp = exactGradient is null ? null : (v, s) => Vectors.Scale(exactGradient(v), s[0]),
        };

    /// <summary><see cref="TwoSpanFunction"/> of two spans of equal length: flat input [a..., b...].</summary>
    public static DiffCase TwoSpans<TPullback>(
        string name,
        double[] point,
        TwoSpanFunction method,
        TwoSpanBackward backward,
        TwoSpanGradient gradient,
        TwoSpanPullback<TPullback> pullback,
        Func<TPullback, double> value,
        TwoSpanPullbackBackward<TPullback> pullbackBackward,
        Func<double[], double[]>? exactGradient = null)
    {
        int n = point.Length / 2;
        return new()
        {
            Name = name,
            Point = point,
            Seed = [Seed],
            Forward = v => [method(v.AsSpan(0, n), v.AsSpan(n))],
            Backward = (v, s, g) => [backward(v.AsSpan(0, n), v.AsSpan(n), s[0], g.AsSpan(0, n), g.AsSpan(n))],
            Gradient = v => Flat.Of(gradient(v.AsSpan(0, n), v.AsSpan(n))),
            Pullback = v =>
            {
                TPullback p = pullback(v.AsSpan(0, n), v.AsSpan(n));
                return new PullbackRun([value(p)], (s, g) => pullbackBackward(p, s[0], g.AsSpan(0, n), g.AsSpan(n)));
            },
            ExactVjp = exactGradient is null ? null : (v, s) => Vectors.Scale(exactGradient(v), s[0]),
        };
    }

    /// <summary>A non-trivial seed: distinct values of both signs, none of them 1.</summary>
    public static double[] SeedOf(int length)
    {
        var seed = new double[length];
        for (int i = 0; i < length; i++)
        {
            seed[i] = (i % 2 == 0 ? 0.7 : -1.1) + 0.25 * i;
        }

        return seed;
    }

    /// <summary>Calls a method that writes a Span&lt;double&gt; output and returns what it wrote.</summary>
    public static double[] WithOutput(int length, Action<double[]> run)
    {
        var output = new double[length];
        run(output);
        return output;
    }
}
