using System.Collections.Generic;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Differentiation;

/// <summary>
/// Where adjoint contributions collect until they can be summed: per SSA value, per element of
/// a gradient buffer, and (inside an elementwise loop) per flat element of a tensor input.
/// </summary>
internal sealed class AdjointSink
{
    public Dictionary<string, List<Expr>> Scalars { get; } = new();

    public List<string> ScalarOrder { get; } = new();

    public List<(string Buffer, EquatableArray<Expr> Indices, List<Expr> Terms)> Elements { get; } = new();

    public Dictionary<string, List<Expr>> Flat { get; } = new();

    public List<string> FlatOrder { get; } = new();

    public void AddScalar(string name, Expr term)
    {
        if (!Scalars.TryGetValue(name, out var terms))
        {
            Scalars[name] = terms = new List<Expr>();
            ScalarOrder.Add(name);
        }
        terms.Add(term);
    }

    public List<Expr>? TakeScalar(string name)
    {
        if (!Scalars.TryGetValue(name, out var terms))
        {
            return null;
        }
        Scalars.Remove(name);
        ScalarOrder.Remove(name);
        return terms;
    }

    public void AddElement(string buffer, EquatableArray<Expr> indices, Expr term)
    {
        var index = Elements.FindIndex(e => e.Buffer == buffer && e.Indices.Equals(indices));
        if (index < 0)
        {
            Elements.Add((buffer, indices, new List<Expr> { term }));
        }
        else
        {
            Elements[index].Terms.Add(term);
        }
    }

    public void AddFlat(string tensor, Expr term)
    {
        if (!Flat.TryGetValue(tensor, out var terms))
        {
            Flat[tensor] = terms = new List<Expr>();
            FlatOrder.Add(tensor);
        }
        terms.Add(term);
    }
}
