using System;
using System.Linq;
using SourceGen.Autodiff.Generator.Tests.Cases;

namespace SourceGen.Autodiff.Generator.Tests.Running;

/// <summary>
/// One random point of a case: the arguments, the method seen as f: x -> y over its
/// differentiable inputs, a non-trivial seed and gradient start values, and a description that
/// reproduces it (the Random seed) for failure messages.
/// </summary>
public sealed class SampledPoint
{
    private readonly Func<object[], double[]>? _exactGradient;

    private readonly string _caseName;

    private SampledPoint(GeneratorCase testCase, ProbedMethod method, ArgumentLayout layout, int seed, Random random)
    {
        _caseName = testCase.Name;
        var exactGradient = testCase.ExactGradient;
        _exactGradient = exactGradient;
        Layout = layout;
        RandomSeed = seed;
        X = layout.Inputs();
        var arguments = layout.With(X);
        Value = method.Forward(arguments);
        Y = layout.Output(Value, arguments);
        SeedValues = Y.Select(_ => Draw.Weight(random)).ToArray();
        GradientStart = X.Select(_ => Draw.Weight(random)).ToArray();
        F = x =>
        {
            var a = layout.With(x);
            return layout.Output(method.Forward(a), a);
        };
    }

    public ArgumentLayout Layout { get; }

    public int RandomSeed { get; }

    /// <summary>The differentiable inputs, flattened.</summary>
    public double[] X { get; }

    /// <summary>What the method returned at X (null for void).</summary>
    public object? Value { get; }

    /// <summary>The result at X, flattened.</summary>
    public double[] Y { get; }

    public double[] SeedValues { get; }

    /// <summary>Non-zero values the gradient buffers hold before Backward: it must add to them.</summary>
    public double[] GradientStart { get; }

    public Func<double[], double[]> F { get; }

    public static SampledPoint At(GeneratorCase testCase, ProbedMethod method, int point)
    {
        var seed = StableSeed.Of(testCase.Name, point);
        var random = new Random(seed);
        return new SampledPoint(testCase, method, new ArgumentLayout(method.Signature, testCase.Arguments(random)), seed, random);
    }

    /// <summary>The reference for Backward with <paramref name="seed"/>: Jᵀ·seed, exact where the case gives it, else by central differences.</summary>
    public double[] VectorJacobianProduct(double[] seed)
    {
        if (_exactGradient is null)
        {
            return FiniteDifference.VectorJacobianProduct(F, X, seed);
        }
        return _exactGradient(Layout.With(X)).Select(g => seed.Single() * g).ToArray();
    }

    /// <summary>The reference for MGradient (scalar results): the gradient with seed 1.</summary>
    public double[] Gradient() => VectorJacobianProduct([1.0]);

    public object Seed() => Layout.Seed(SeedValues, Value);

    /// <summary>How to reproduce this point, for failure messages.</summary>
    public string Context =>
        $"  case {_caseName}, point drawn with new Random({RandomSeed})\n  x    {Agreement.Show(X)}\n  seed {Agreement.Show(SeedValues)}";
}
