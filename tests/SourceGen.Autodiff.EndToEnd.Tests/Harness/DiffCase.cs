using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Harness;

/// <summary>
/// Runs a generated <c>MBackward</c> at <paramref name="x"/> with <paramref name="seed"/>,
/// adding into <paramref name="grad"/>, and returns the method's result. All three are
/// flattened: every differentiable parameter's values (or gradient buffer) in parameter order.
/// </summary>
public delegate double[] BackwardRun(double[] x, double[] seed, double[] grad);

/// <summary>Runs a generated <c>MPullback</c> at <paramref name="x"/>: the forward pass, once.</summary>
public delegate PullbackRun PullbackStart(double[] x);

/// <summary>
/// A pullback after its forward pass: its flattened <c>Value</c>, and its <c>Backward</c>
/// taking a flattened seed and adding into a flattened gradient.
/// </summary>
public sealed record PullbackRun(double[] Value, Action<double[], double[]> Backward);

/// <summary>
/// One [Differentiable] corpus method seen through flat vectors, so that one set of checks
/// (finite differences, accumulation, pullback, Jacobian) serves every signature. Each case
/// adapts the generated methods of one source method; several cases may share a method to
/// test it at different points.
/// </summary>
public sealed record DiffCase
{
    /// <summary>Shown in test names; unique across the corpus.</summary>
    public required string Name { get; init; }

    /// <summary>Where to differentiate: the differentiable inputs, flattened.</summary>
    public required double[] Point { get; init; }

    /// <summary>A non-trivial seed, one value per element of the flattened result.</summary>
    public required double[] Seed { get; init; }

    /// <summary>Calls the original method; used for finite differences.</summary>
    public required Func<double[], double[]> Forward { get; init; }

    /// <summary>Calls the generated <c>MBackward</c>.</summary>
    public required BackwardRun Backward { get; init; }

    /// <summary>Calls the generated <c>MPullback</c>.</summary>
    public required PullbackStart Pullback { get; init; }

    /// <summary>Calls the generated <c>MGradient</c>; only for scalar (double) results.</summary>
    public Func<double[], double[]>? Gradient { get; init; }

    /// <summary>Calls the generated <c>MJacobian</c> (columns: every differentiable input, flattened in order); only where the contract emits it.</summary>
    public Func<double[], double[,]>? Jacobian { get; init; }

    /// <summary>The hand-derived vector-Jacobian product Jᵀ·seed at (x, seed), where easy.</summary>
    public Func<double[], double[], double[]>? ExactVjp { get; init; }

    public override string ToString() => Name;
}
