using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Differentiation;

/// <summary>
/// Prepares the forward sweep for reuse by the reverse sweep: the result gets a name, element
/// reads of inputs that occur more than once are read once into a named local (x00), and
/// functions whose derivative reuses their value (Exp, Sqrt, Tanh...) are given a named local.
/// </summary>
internal static class ForwardPreparation
{
    public static List<Statement> Prepare(MethodModel method, NameAllocator names, out string? resultName)
    {
        var statements = new List<Statement>(method.Body.Statements);
        resultName = NameResult(statements, names);
        HoistRepeatedInputReads(method, statements, names);
        HoistReusedResults(statements, names);
        return statements;
    }

    private static string? NameResult(List<Statement> statements, NameAllocator names)
    {
        var last = statements.Count - 1;
        if (last < 0 || statements[last] is not Return ret)
        {
            return null;
        }
        if (ret.Scalar is Variable v)
        {
            return v.Name;
        }
        if (ret.Scalar is { } scalar)
        {
            var name = names.Fresh("result");
            statements[last] = new Let(name, scalar);
            statements.Add(new Return(new Variable(name, scalar.Type), null, null));
            return name;
        }
        if (ret.Tensor is TensorRef tensorRef)
        {
            return tensorRef.Name;
        }
        if (ret.Tensor is { } tensor)
        {
            var name = names.Fresh("result");
            statements[last] = new TensorLet(name, tensor);
            statements.Add(new Return(null, null, new TensorRef(name)));
            return name;
        }
        return ret.Aggregate;
    }

    private static void HoistRepeatedInputReads(MethodModel method, List<Statement> statements, NameAllocator names)
    {
        var inputs = new HashSet<string>(method.Parameters.Where(p => p.IsDifferentiable && p.IsAggregate).Select(p => p.Name));
        var counts = new Dictionary<ElementLoad, int>();
        var firstUse = new Dictionary<ElementLoad, int>();
        for (var i = 0; i < statements.Count; i++)
        {
            foreach (var expr in ExpressionsOf(statements[i]))
            {
                var index = i;
                ExprRewriter.Walk(expr, e =>
                {
                    if (e is ElementLoad load && inputs.Contains(load.Aggregate) && load.Indices.All(x => x is Constant))
                    {
                        counts[load] = counts.TryGetValue(load, out var c) ? c + 1 : 1;
                        if (!firstUse.ContainsKey(load))
                        {
                            firstUse[load] = index;
                        }
                    }
                });
            }
        }
        var hoisted = new Dictionary<ElementLoad, Variable>();
        foreach (var load in counts.Where(c => c.Value > 1).Select(c => c.Key).OrderBy(l => firstUse[l]))
        {
            hoisted[load] = new Variable(names.Fresh(ReadName(load)), load.Type);
        }
        if (hoisted.Count == 0)
        {
            return;
        }
        var result = new List<Statement>();
        for (var i = 0; i < statements.Count; i++)
        {
            foreach (var load in hoisted.Keys.Where(l => firstUse[l] == i))
            {
                result.Add(new Let(hoisted[load].Name, load));
            }
            result.Add(RewriteStatement(statements[i], e => e is ElementLoad l && hoisted.TryGetValue(l, out var v) ? v : e));
        }
        statements.Clear();
        statements.AddRange(result);
    }

    /// <summary>x[0, 1] is read into x01; x[1, 10] into x1_10 so names stay unambiguous.</summary>
    private static string ReadName(ElementLoad load)
    {
        var indices = load.Indices.Select(i => ((Constant)i).Value.ToString(CultureInfo.InvariantCulture)).ToList();
        return load.Aggregate + (indices.All(i => i.Length == 1) ? string.Concat(indices) : string.Join("_", indices));
    }

    private static void HoistReusedResults(List<Statement> statements, NameAllocator names)
    {
        var result = new List<Statement>();
        foreach (var statement in statements)
        {
            var top = statement is Let let ? let.Value : null;
            result.Add(RewriteStatement(statement, e =>
            {
                if (e is MathCall call && !ReferenceEquals(e, top) && !call.Equals(top) && call.Type.IsReal() && call.Function.UsesResult
                    && call.Arguments.Any(a => a is not Constant))
                {
                    var name = names.Fresh(call.Function.ToString().ToLowerInvariant());
                    result.Add(new Let(name, call));
                    return new Variable(name, call.Type);
                }
                return e;
            }));
        }
        statements.Clear();
        statements.AddRange(result);
    }

    private static IEnumerable<Expr> ExpressionsOf(Statement statement)
    {
        switch (statement)
        {
            case Let let: yield return let.Value; break;
            case Store store: yield return store.Value; break;
            case Return { Scalar: { } scalar }: yield return scalar; break;
        }
    }

    private static Statement RewriteStatement(Statement statement, System.Func<Expr, Expr> rewrite) => statement switch
    {
        Let let => let with { Value = ExprRewriter.Rewrite(let.Value, rewrite) },
        Store store => store with { Value = ExprRewriter.Rewrite(store.Value, rewrite) },
        Return { Scalar: { } scalar } ret => ret with { Scalar = ExprRewriter.Rewrite(scalar, rewrite) },
        _ => statement,
    };
}
