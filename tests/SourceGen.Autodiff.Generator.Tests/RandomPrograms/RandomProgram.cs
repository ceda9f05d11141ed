using System.Collections.Generic;
using System.Linq;

namespace SourceGen.Autodiff.Generator.Tests.RandomPrograms;

public enum ParameterKind
{
    /// <summary><c>double</c>.</summary>
    Real,

    /// <summary><c>double[]</c>.</summary>
    Array,

    /// <summary><c>ReadOnlySpan&lt;double&gt;</c>.</summary>
    ReadOnlySpan,

    /// <summary><c>int</c>: a trip count, fixed at <see cref="Parameter.IntValue"/>.</summary>
    Int,

    /// <summary><c>Span&lt;double&gt;</c> output: the method returns void and writes it.</summary>
    Output,

    /// <summary>
    /// <c>Tensor</c> of rank 1 (<see cref="Parameter.Length"/> elements) or rank 2
    /// (<see cref="Parameter.Columns"/> columns), read element by element.
    /// </summary>
    Tensor,
}

/// <summary>
/// A parameter. Arrays have a fixed <paramref name="Length"/> per program (the program is valid
/// for that length: constant indices are below it). A <paramref name="NoGradient"/> double or
/// array holds fixed data baked into the probe (a double has Length 1 for it).
/// </summary>
public sealed record Parameter(string Name, ParameterKind Kind, int Length = 0, bool NoGradient = false, int IntValue = 0, int Columns = 0)
{
    public bool HasGradient => Kind is ParameterKind.Real or ParameterKind.Array or ParameterKind.ReadOnlySpan or ParameterKind.Tensor && !NoGradient;

    /// <summary>Holds several doubles the gradient can flow into: array, span or tensor.</summary>
    public bool IsArray => Kind is ParameterKind.Array or ParameterKind.ReadOnlySpan or ParameterKind.Tensor;

    /// <summary>A tensor's shape: [Length] or [rows, Columns].</summary>
    public int[] Shape => Columns == 0 ? new[] { Length } : new[] { Length / Columns, Columns };

    /// <summary>How many entries of the flat input vector this parameter takes.</summary>
    public int Width => !HasGradient ? 0 : Kind == ParameterKind.Real ? 1 : Length;
}

public enum ResultKind
{
    /// <summary>Returns a double.</summary>
    Scalar,

    /// <summary>Returns a local <c>double[]</c> named <see cref="RandomProgram.ResultArray"/>, written element by element.</summary>
    Array,

    /// <summary>Returns void and writes a <c>Span&lt;double&gt;</c> output parameter.</summary>
    SpanOutput,

    /// <summary>Returns a local rank-1 <c>Tensor</c> named <see cref="RandomProgram.ResultArray"/>, written element by element.</summary>
    Tensor,
}

/// <summary>
/// One random [Differentiable] method <c>F</c> in class <c>P{Seed}</c> (<c>P{Seed}_{Variant}</c> for a variant). The seed alone
/// regenerates it (<see cref="ProgramGenerator.Generate"/>); a shrunk program keeps its seed.
/// </summary>
public sealed record RandomProgram(int Seed, IReadOnlyList<Parameter> Parameters, ResultKind Result, int ResultLength, IReadOnlyList<Stmt> Body)
{
    /// <summary>
    /// [Differentiable] methods F may call (each may call the ones before it), declared in the same
    /// class before F; they return double.
    /// </summary>
    public IReadOnlyList<HelperMethod> Helpers { get; init; } = System.Array.Empty<HelperMethod>();

    /// <summary>The size scale it was generated with (<see cref="RunSize.Scale"/>).</summary>
    public int Scale { get; init; } = 1;

    /// <summary>Tells apart variants of one seed compiled together (the shrinker's candidates); 0 for the original.</summary>
    public int Variant { get; init; }

    public const string MethodName = "F";
    public const string ResultArray = "r";

    public string ClassName => Variant == 0 ? "P" + Seed : $"P{Seed}_{Variant}";

    public IEnumerable<Parameter> WithGradient => Parameters.Where(p => p.HasGradient);

    /// <summary>Length of the flat vector of differentiable inputs.</summary>
    public int InputWidth => Parameters.Sum(p => p.Width);

    /// <summary>Length of the flat output: 1 for a scalar.</summary>
    public int OutputWidth => Result == ResultKind.Scalar ? 1 : ResultLength;

    /// <summary>MJacobian is part of the contract for a non-scalar result and any differentiable input (its columns: all of them, flattened in order).</summary>
    public bool HasJacobian => Result != ResultKind.Scalar && WithGradient.Any();

    public Parameter? OutputParameter => Parameters.FirstOrDefault(p => p.Kind == ParameterKind.Output);
}

/// <summary>A [Differentiable] method returning double that the program's F (or a later helper) calls.</summary>
public sealed record HelperMethod(string Name, IReadOnlyList<Parameter> Parameters, IReadOnlyList<Stmt> Body);
