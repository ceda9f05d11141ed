using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace SourceGen.Autodiff.Generator.IR;

/// <summary>Identity comparison for IR nodes, which are otherwise compared by value (two equal stores are still two statements).</summary>
internal sealed class ReferenceComparer<T> : IEqualityComparer<T> where T : class
{
    public static readonly ReferenceComparer<T> Instance = new();

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
}
