using System;

namespace SourceGen.Autodiff.Generator.Tests.Cases;

/// <summary>
/// One construct of the differentiable subset: a source file with one [Differentiable] method
/// under test (or several, naming the one under test), its baseline name, and how to draw arguments from a domain where the method is smooth
/// (away from kinks, poles and branch switches) so finite differences are a fair reference.
/// </summary>
/// <param name="Name">Baseline file name (Baselines/Name.g.cs.txt) and test display name.</param>
/// <param name="Source">The whole source file.</param>
/// <param name="Arguments">
/// One value per parameter: double, int, long, bool, double[] (for double[], ReadOnlySpan and
/// Span output parameters) or Tensor.
/// </param>
public sealed record GeneratorCase(string Name, string Source, Func<Random, object[]> Arguments)
{
    /// <summary>
    /// For a scalar result whose derivative is not the derivative of its value (Gradient.Stop):
    /// the exact gradient over the flat differentiable inputs, given the arguments. Finite
    /// differences are used when this is null.
    /// </summary>
    public Func<object[], double[]>? ExactGradient { get; init; }

    /// <summary>The method under test when the source declares several [Differentiable] methods.</summary>
    public string? MethodUnderTest { get; init; }

    public override string ToString() => Name;
}
