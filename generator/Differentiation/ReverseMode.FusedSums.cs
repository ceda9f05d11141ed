using System.Collections.Generic;
using System.Linq;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Differentiation;

/// <summary>
/// The Backward method's forward sweep computes each <c>(whole-tensor expression).Sum()</c> in
/// one loop over the elements, as a person writes it: no temporary tensor per operator (the
/// squared error <c>((x - t) * (x - t)).Sum()</c> of 1000 elements allocated three 8 KB
/// tensors and made four passes). Tensor locals it reads are expanded into the loop, and a
/// tensor local nothing else reads is no longer computed. The shapes are checked before the
/// loop, as the operators did. The pullback keeps the operators: it is built once and read many times.
/// </summary>
internal sealed partial class ReverseMode
{
    /// <summary>The forward sweep with every sum of a tensor expression as an elementwise loop; null if there is none.</summary>
    private List<Statement>? FuseSums(List<Statement> forward, Dictionary<TensorSum, string> totals)
    {
        var fused = false;
        var result = new List<Statement>();
        foreach (var statement in forward)
        {
            if (statement is not Let let)
            {
                result.Add(statement);
                continue;
            }
            var value = ExprRewriter.Rewrite(let.Value, e =>
            {
                if (e is not TensorSum sum || !Fusable(sum.Tensor) || FirstInput(sum.Tensor) is not { } first)
                {
                    return e;
                }
                // The whole value is the sum: accumulate into the variable itself.
                var total = ReferenceEquals(e, let.Value) || e.Equals(let.Value) ? let.Name : _names.Fresh("sum");
                result.Add(SumLoop(total, first, sum.Tensor));
                totals[sum] = total;
                fused = true;
                return new Variable(total, ScalarType.Double);
            });
            if (!(value is Variable v && v.Name == let.Name))
            {
                result.Add(let with { Value = value });
            }
        }
        return fused ? result : null;
    }

    /// <summary>A sum worth a loop: of an expression, or of a tensor local (a parameter's own Sum is already one pass).</summary>
    private bool Fusable(TensorExpr tensor) => tensor is not TensorRef r || _tensorLets.ContainsKey(r.Name);

    private RunReverse SumLoop(string total, string first, TensorExpr tensor)
    {
        var index = _names.Fresh("i");
        var element = ElementOf(tensor, EquatableArray<Expr>.Empty, index);
        var read = new SortedSet<string>(System.StringComparer.Ordinal);
        ExprRewriter.Walk(element, e =>
        {
            if (e is FlatElement f)
            {
                read.Add(f.Tensor);
            }
        });
        var loop = new ElementLoop(index, first, EquatableArray.Create(total), read.ToEquatableArray(), EquatableArray<string>.Empty,
            EquatableArray.Create<BackwardStatement>(new AccumulateLocal(total, element)))
        {
            CheckShapes = true,
        };
        return new RunReverse(EquatableArray.Create<BackwardStatement>(loop), ReadsTape: false);
    }

    /// <summary>
    /// A reverse elementwise loop over the same elements as a forward sum loop, that reads only
    /// inputs, the seed and adjoints computed from them (<c>2 * (x[i] - t[i]) * seed</c>), runs
    /// in the same loop: one pass over memory, as by hand. It moves, with the declarations it
    /// reads, from <paramref name="reverse"/> into <paramref name="forward"/>.
    /// </summary>
    private void MergeReverseLoops(List<Statement> forward, List<BackwardStatement> reverse)
    {
        for (var k = 0; k < forward.Count; k++)
        {
            if (forward[k] is not RunReverse { Statements: [ElementLoop { CheckShapes: true } sum] })
            {
                continue;
            }
            for (var r = 0; r < reverse.Count; r++)
            {
                if (reverse[r] is ElementLoop loop && loop.LengthOf == sum.LengthOf && Prerequisites(loop, reverse.Take(r).ToList()) is { } before)
                {
                    var body = loop.Body.Select(b => RenameIndex(b, loop.Index, sum.Index));
                    var merged = new ElementLoop(sum.Index, sum.LengthOf,
                        sum.Accumulators.Concat(loop.Accumulators).ToEquatableArray(),
                        sum.ReadTensors.Concat(loop.ReadTensors).Distinct().OrderBy(n => n, System.StringComparer.Ordinal).ToEquatableArray(),
                        loop.WrittenBuffers, sum.Body.Concat(body).ToEquatableArray())
                    {
                        CheckShapes = true,
                    };
                    forward[k] = new RunReverse(before.Cast<BackwardStatement>().Append(merged).ToEquatableArray(), ReadsTape: false);
                    reverse.RemoveAt(r);
                    reverse.RemoveAll(b => before.Contains(b));
                    break;
                }
            }
        }
    }

    /// <summary>
    /// The declarations before <paramref name="loop"/> that it reads, if everything it reads comes
    /// from them, the inputs or the seed (null otherwise: it needs a value of the forward sweep,
    /// such as the sum itself in <c>Math.Log(x.Sum())</c>).
    /// </summary>
    private List<DeclareValue>? Prerequisites(ElementLoop loop, List<BackwardStatement> before)
    {
        var inside = new HashSet<string>(loop.Body.OfType<DeclareValue>().Select(d => d.Name)) { loop.Index };
        inside.UnionWith(loop.Accumulators);
        var needed = new List<DeclareValue>();
        var pending = new Stack<Expr>(loop.Body.SelectMany(ExpressionsOf));
        var seen = new HashSet<string>();
        while (pending.Count > 0)
        {
            var ok = true;
            ExprRewriter.Walk(pending.Pop(), e =>
            {
                switch (e)
                {
                    case TensorSum:
                        ok = false; // a value of the forward sweep
                        break;
                    case FlatElement f when !_parameters.ContainsKey(f.Tensor):
                        ok = false; // a tensor seed: checked only after the forward sweep
                        break;
                    case Variable v when !inside.Contains(v.Name) && v.Name != Seed && !_parameters.ContainsKey(v.Name) && seen.Add(v.Name):
                        if (before.OfType<DeclareValue>().FirstOrDefault(d => d.Name == v.Name) is { } declaration)
                        {
                            needed.Add(declaration);
                            pending.Push(declaration.Value);
                        }
                        else
                        {
                            ok = false;
                        }
                        break;
                }
            });
            if (!ok)
            {
                return null;
            }
        }
        // In their original order.
        return before.OfType<DeclareValue>().Where(needed.Contains).ToList();
    }

    /// <summary>The reverse sweep reads each sum the forward loops computed instead of recomputing it with the operators.</summary>
    private static BackwardStatement UseTotals(BackwardStatement statement, Dictionary<TensorSum, string> totals) =>
        BackwardRewriter.Rewrite(statement, x => x is TensorSum sum && totals.TryGetValue(sum, out var total) ? new Variable(total, ScalarType.Double) : x);

    /// <summary>An elementwise loop's body statement read at another loop's index.</summary>
    private static BackwardStatement RenameIndex(BackwardStatement statement, string from, string to) =>
        BackwardRewriter.Rewrite(statement, x => x switch
        {
            FlatElement f when f.Index == from => f with { Index = to },
            Variable v when v.Name == from => v with { Name = to },
            _ => x,
        });

    /// <summary>Drops tensor locals that neither the forward sweep nor <paramref name="reverse"/> reads any more.</summary>
    private static List<Statement> DropUnreadTensorLocals(List<Statement> forward, IEnumerable<BackwardStatement> reverse)
    {
        var read = new HashSet<string>();
        void Tensor(TensorExpr tensor)
        {
            switch (tensor)
            {
                case TensorRef r: read.Add(r.Name); break;
                case TensorBinary b: Tensor(b.Left); Tensor(b.Right); break;
                case TensorNegate n: Tensor(n.Operand); break;
                case TensorScalar s: Scalar(s.Value); break;
            }
        }
        void Scalar(Expr expr) => ExprRewriter.Walk(expr, e =>
        {
            switch (e)
            {
                case ElementLoad l: read.Add(l.Aggregate); break;
                case LengthOf l: read.Add(l.Aggregate); break;
                case TensorDimension d: read.Add(d.Tensor); break;
                case AggregateArgument a: read.Add(a.Aggregate); break;
                case TensorSum s: Tensor(s.Tensor); break;
            }
        });
        foreach (var expr in reverse.SelectMany(ExpressionsOf))
        {
            Scalar(expr);
        }
        // Later tensor locals may read earlier ones: walk backwards, keeping what is read.
        var kept = new List<Statement>();
        for (var k = forward.Count - 1; k >= 0; k--)
        {
            switch (forward[k])
            {
                case TensorLet tensorLet when !read.Contains(tensorLet.Name):
                    continue;
                case TensorLet tensorLet:
                    Tensor(tensorLet.Value);
                    break;
                case Let let:
                    Scalar(let.Value);
                    break;
                case Store store:
                    Scalar(store.Value);
                    foreach (var index in store.Indices) { Scalar(index); }
                    break;
                case Return ret:
                    if (ret.Scalar is { } scalar) { Scalar(scalar); }
                    if (ret.Tensor is { } returned) { Tensor(returned); }
                    if (ret.Aggregate is { } aggregate) { read.Add(aggregate); }
                    break;
                case AllocateTensor allocate:
                    foreach (var dimension in allocate.Dimensions) { Scalar(dimension); }
                    break;
                case AllocateArray allocate:
                    Scalar(allocate.Length);
                    break;
            }
            kept.Add(forward[k]);
        }
        kept.Reverse();
        return kept;
    }
}
