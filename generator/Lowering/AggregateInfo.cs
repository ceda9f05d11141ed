using System.Collections.Generic;
using SourceGen.Autodiff.Generator.IR;

namespace SourceGen.Autodiff.Generator.Lowering;

internal enum AggregateKind
{
    /// <summary>A double[], ReadOnlySpan or Tensor parameter: read-only.</summary>
    Input,
    /// <summary>A Span&lt;double&gt; parameter the method writes.</summary>
    Output,
    /// <summary>A local <c>new double[n]</c> or <c>Tensor.Zeros(...)</c> written element by element.</summary>
    ElementWritten,
    /// <summary>A tensor local defined by a whole-tensor expression.</summary>
    TensorValue,
}

/// <summary>What lowering knows about one array, span or tensor while it walks the body.</summary>
internal sealed class AggregateInfo
{
    public AggregateInfo(string name, AggregateKind kind, bool isTensor, bool isVaried)
    {
        Name = name;
        Kind = kind;
        IsTensor = isTensor;
        IsVaried = isVaried;
    }

    /// <summary>The SSA name of the aggregate's current value.</summary>
    public string Name { get; set; }

    public AggregateKind Kind { get; }

    public bool IsTensor { get; }

    /// <summary>Depends on a differentiable input.</summary>
    public bool IsVaried { get; set; }

    /// <summary>A local array's length, when it has the same value wherever the method evaluates it (null otherwise).</summary>
    public Expr? Length { get; set; }

    /// <summary>The length as the user wrote it, for messages.</summary>
    public string LengthText { get; set; } = "";

    /// <summary>The latest value stored at each constant index (key "0,1"), for store-to-load forwarding.</summary>
    public Dictionary<string, StoredElement> Elements { get; } = new();
}

/// <summary>The statement that stored an element, in its segment, and the value it stored.</summary>
internal sealed class StoredElement
{
    public StoredElement(List<Statement> segment, Store store)
    {
        Segment = segment;
        Store = store;
    }

    public List<Statement> Segment { get; }

    public Store Store { get; set; }
}
