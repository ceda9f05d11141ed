using SourceGen.Autodiff.Generator.IR;

namespace SourceGen.Autodiff.Generator.Model;

/// <summary>
/// Everything the generator needs to know about one [Differentiable] method, as values only
/// (no symbols, syntax nodes or locations), so unchanged methods are cached between edits.
/// </summary>
internal sealed record MethodModel(
    string Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string Name,
    string Accessibility,
    EquatableArray<ParameterModel> Parameters,
    ResultModel Result,
    MethodBody Body)
{
    /// <summary>
    /// Set when the method cannot be differentiated: the ID of its first error (or "" when it does
    /// not compile yet). Its generated members are then stand-ins with the same signatures whose
    /// bodies throw, so call sites compile and the only errors are the analyzer's at the construct.
    /// </summary>
    public string? FailedWith { get; init; }

    /// <summary>Deterministic hint name: Namespace.Type.Method.g.cs (characters a file name cannot hold become '_').</summary>
    public string HintName
    {
        get
        {
            var prefix = Namespace.Length == 0 ? "" : Namespace + ".";
            var types = string.Join(".", System.Linq.Enumerable.Select(ContainingTypes, t => t.Name));
            var name = $"{prefix}{types}.{Name}";
            var safe = new System.Text.StringBuilder(name.Length);
            foreach (var c in name)
            {
                safe.Append(char.IsLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_');
            }
            return safe + ".g.cs";
        }
    }
}

/// <summary>One enclosing type declaration, outermost first: keyword ("class", "struct", "record", "record struct") and name with type parameters.</summary>
internal sealed record ContainingTypeModel(string Keyword, string Name, bool IsStatic);

/// <summary>A parameter of the differentiated method and what role it plays.</summary>
internal sealed record ParameterModel(string Name, ParameterKind Kind, ScalarType ElementType, bool NoGradient)
{
    /// <summary>For <see cref="ParameterKind.Data"/>: the parameter's type, global::-qualified.</summary>
    public string? DataType { get; init; }

    /// <summary>Gets a gradient buffer: a real scalar, array, span or tensor input without [NoGradient].</summary>
    public bool IsDifferentiable => !NoGradient && ElementType.IsReal() && Kind is not (ParameterKind.OutputSpan or ParameterKind.Data);

    public bool IsAggregate => Kind is ParameterKind.Array or ParameterKind.ReadOnlySpan or ParameterKind.OutputSpan or ParameterKind.Tensor;
}

internal enum ParameterKind
{
    /// <summary>double, float, int, long or bool, by value.</summary>
    Scalar,
    /// <summary>double[] or float[] input.</summary>
    Array,
    /// <summary>ReadOnlySpan of double or float.</summary>
    ReadOnlySpan,
    /// <summary>Span of double or float: an output the method writes.</summary>
    OutputSpan,
    /// <summary>The runtime's Tensor.</summary>
    Tensor,
    /// <summary>
    /// Data of any other type the method only reads (int[], double[,], IReadOnlyList&lt;double&gt;, a
    /// record, an enum, string): no gradient, passed through to every generated member unchanged.
    /// </summary>
    Data,
}

/// <summary>What the method returns.</summary>
internal sealed record ResultModel(ResultKind Kind, ScalarType ElementType)
{
    /// <summary>For <see cref="ResultKind.Tuple"/>: the elements' names (<c>Item1</c>... where unnamed), in order.</summary>
    public EquatableArray<string> Elements { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The seed of tuple element <paramref name="k"/> in MBackward and the taped reverse: <c>dxSeed</c>.</summary>
    public string SeedName(int k) => Elements[k] + "Seed";
}

internal enum ResultKind
{
    Scalar,
    Array,
    Tensor,
    /// <summary>void: results are written into Span output parameters.</summary>
    Void,
    /// <summary>A tuple of doubles, <c>(double dx, double dy)</c>: one scalar seed per element.</summary>
    Tuple,
}
