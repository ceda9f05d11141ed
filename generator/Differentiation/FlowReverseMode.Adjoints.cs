using System.Collections.Generic;
using System.Linq;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Differentiation;

/// <summary>Adjoint propagation into mutable adjoints, and the clean-up once the reverse sweep is known.</summary>
internal sealed partial class FlowReverseMode
{
    /// <summary>Adds the contributions of <paramref name="adjoint"/> (the adjoint of <paramref name="expr"/>) to its operands' adjoints.</summary>
    private void Propagate(Expr expr, Expr adjoint, List<BackwardStatement> output, Expr? result = null)
    {
        if (!FlowActivity.IsVaried(expr, _varied))
        {
            return;
        }
        if (!IsAtomic(adjoint) && VariedLeaves(expr) > 1)
        {
            var name = _names.Fresh("adjoint");
            output.Add(new DeclareValue(name, adjoint));
            adjoint = Variable.Adjoint(name, adjoint.Type);
        }
        switch (expr)
        {
            case Variable v:
                output.Add(new AccumulateLocal(Adjoint(v.Name), adjoint));
                break;
            case ElementLoad load when _parameters.TryGetValue(load.Aggregate, out var parameter) && parameter.IsDifferentiable:
                output.Add(new AccumulateElementGradient(ReverseMode.GradientName(load.Aggregate), load.Indices, adjoint));
                break;
            case ElementLoad load:
                output.Add(new AccumulateElementGradient(Adjoint(load.Aggregate), load.Indices, adjoint));
                break;
            case Conditional conditional:
                // Only the branch that was taken receives the adjoint (PyTorch's behaviour).
                var then = new List<BackwardStatement>();
                var otherwise = new List<BackwardStatement>();
                Propagate(conditional.WhenTrue, adjoint, then);
                Propagate(conditional.WhenFalse, adjoint, otherwise);
                output.Add(new BackwardIf(conditional.Condition, then.ToEquatableArray(), otherwise.ToEquatableArray()));
                break;
            default:
                foreach (var (operand, partial) in DerivativeRules.Partials(expr, adjoint, result) ?? System.Array.Empty<(Expr, Expr)>())
                {
                    Propagate(operand, partial, output);
                }
                break;
        }
    }

    /// <summary>Cheap enough to repeat: a name, a constant, or the negation of one.</summary>
    private static bool IsAtomic(Expr expr) => expr is Variable or Constant or Unary { Op: UnaryOp.Negate, Operand: Variable or Constant };

    private int VariedLeaves(Expr expr)
    {
        var count = 0;
        ExprRewriter.Walk(expr, e =>
        {
            if (e is Variable or ElementLoad && FlowActivity.IsVaried(e, _varied))
            {
                count++;
            }
        });
        return count;
    }

    /// <summary>Names the reverse sweep reads (so their overwritten values must be restored), to a fixed point.</summary>
    private HashSet<string> NeededNames(List<BackwardStatement> reverse)
    {
        var needed = new HashSet<string>();
        bool changed;
        do
        {
            var before = needed.Count;
            CollectReads(reverse, needed, lengths: false);
            changed = needed.Count != before;
        }
        while (changed);
        return needed;
    }

    /// <summary>
    /// Names the statements read. With <paramref name="lengths"/> false, a read of only a length or
    /// shape does not count: it needs the array kept, not its elements restored.
    /// </summary>
    private static void CollectReads(IEnumerable<BackwardStatement> statements, HashSet<string> needed, bool lengths = true)
    {
        void Read(Expr expr, HashSet<string> into) => ReadNames(expr, into, lengths);
        void CollectReads(IEnumerable<BackwardStatement> inner, HashSet<string> into) => FlowReverseMode.CollectReads(inner, into, lengths);

        foreach (var statement in statements)
        {
            switch (statement)
            {
                case DeclareValue d: Read(d.Value, needed); break;
                case SetLocal s: Read(s.Value, needed); break;
                case AccumulateLocal a: Read(a.Value, needed); break;
                case AccumulateScalarGradient g: Read(g.Value, needed); break;
                case AccumulateElementGradient e:
                    Read(e.Value, needed);
                    foreach (var i in e.Indices) { Read(i, needed); }
                    break;
                case SetElement e:
                    Read(e.Value, needed);
                    foreach (var i in e.Indices) { Read(i, needed); }
                    break;
                case BackwardIf b:
                    Read(b.Condition, needed);
                    CollectReads(b.Then, needed);
                    CollectReads(b.Else, needed);
                    break;
                case BackwardFor f:
                    Read(f.Start, needed);
                    Read(f.Condition, needed);
                    CollectReads(f.Body, needed);
                    break;
                case RestoreElement r when needed.Contains(r.Aggregate):
                    foreach (var i in r.Indices) { Read(i, needed); }
                    break;
                case RestoreByComputing r when needed.Contains(r.Name):
                    // A recomputation that is kept reads what it is computed from.
                    Read(r.Value, needed);
                    break;
                case DeclareBuffer b when lengths:
                    needed.Add(b.CopyOf ?? b.Like);
                    break;
                case ReverseCall c:
                    Read(c.Seed, needed);
                    foreach (var s in c.Seeds) { Read(s, needed); }
                    foreach (var a in c.Call.Arguments) { Read(a, needed); }
                    break;
            }
        }
    }

    private static void ReadNames(Expr expr, HashSet<string> needed, bool lengths)
    {
        ExprRewriter.Walk(expr, e =>
        {
            switch (e)
            {
                case Variable v: needed.Add(v.Name); break;
                case ElementLoad l: needed.Add(l.Aggregate); break;
                case LengthOf l when lengths: needed.Add(l.Aggregate); break;
                case AggregateArgument a: needed.Add(a.Aggregate); break;
                case TensorDimension d when lengths: needed.Add(d.Tensor); break;
            }
        });
    }

    /// <summary>Names written by the reverse sweep's restores (their arrays are copied where the tape keeps them for reuse).</summary>
    public static HashSet<string> RestoredAggregates(IEnumerable<BackwardStatement> statements)
    {
        var restored = new HashSet<string>();
        void Visit(IEnumerable<BackwardStatement> list)
        {
            foreach (var statement in list)
            {
                switch (statement)
                {
                    case SetElement { Value: TapePop } set: restored.Add(set.Aggregate); break;
                    case ReverseCall { RestoresOutput: true } call:
                        // The call's own restore puts back the output's old elements (a callee's reverse
                        // never writes its output: it works on a copy of what it returned).
                        restored.UnionWith(call.Call.Arguments.Where((a, k) => call.Call.Parameters[k].Kind == ParameterKind.OutputSpan).OfType<AggregateArgument>().Select(a => a.Aggregate));
                        break;
                    case BackwardIf b: Visit(b.Then); Visit(b.Else); break;
                    case BackwardFor f: Visit(f.Body); break;
                }
            }
        }
        Visit(statements);
        return restored;
    }

    /// <summary>Restores become tape reads where the value is read later in the reverse sweep, and vanish elsewhere.</summary>
    private List<BackwardStatement> FinalizeReverse(IEnumerable<BackwardStatement> statements, HashSet<string> needed) =>
        _options.TidyAdjoints ? MergeAccumulations(FinalizeStatements(statements, needed)) : FinalizeStatements(statements, needed);

    /// <summary>Adjacent <c>a += t1; a += t2;</c> become <c>a += t1 + t2</c>, so equal terms merge (2 * t).</summary>
    private static List<BackwardStatement> MergeAccumulations(List<BackwardStatement> statements)
    {
        var merged = new List<BackwardStatement>();
        foreach (var statement in statements)
        {
            var previous = merged.Count > 0 ? merged[merged.Count - 1] : null;
            switch (statement)
            {
                case AccumulateLocal a when previous is AccumulateLocal p && p.Name == a.Name && !Mentions(a.Value, a.Name):
                    merged[merged.Count - 1] = p with { Value = Build.Sum(new[] { p.Value, a.Value }, a.Value.Type) };
                    break;
                case AccumulateElementGradient a when previous is AccumulateElementGradient p && p.Buffer == a.Buffer && p.Indices.Equals(a.Indices):
                    merged[merged.Count - 1] = p with { Value = Build.Sum(new[] { p.Value, a.Value }, a.Value.Type) };
                    break;
                case BackwardIf b:
                    merged.Add(b with { Then = MergeAccumulations(b.Then.ToList()).ToEquatableArray(), Else = MergeAccumulations(b.Else.ToList()).ToEquatableArray() });
                    break;
                case BackwardFor f:
                    merged.Add(f with { Body = MergeAccumulations(f.Body.ToList()).ToEquatableArray() });
                    break;
                default:
                    merged.Add(statement);
                    break;
            }
        }
        return merged;
    }

    private static List<BackwardStatement> FinalizeStatements(IEnumerable<BackwardStatement> statements, HashSet<string> needed)
    {
        var result = new List<BackwardStatement>();
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case RestoreVariable r:
                    if (needed.Contains(r.Name))
                    {
                        result.Add(new SetLocal(r.Name, new TapePop(r.Type)));
                    }
                    break;
                case RestoreElement r:
                    if (needed.Contains(r.Aggregate))
                    {
                        result.Add(new SetElement(r.Aggregate, r.Indices, new TapePop(r.Element)));
                    }
                    break;
                case RestoreByComputing r:
                    if (needed.Contains(r.Name))
                    {
                        result.Add(new SetLocal(r.Name, r.Value));
                    }
                    break;
                case BackwardIf b:
                    var then = FinalizeStatements(b.Then, needed);
                    var otherwise = FinalizeStatements(b.Else, needed);
                    if (then.Count > 0 || otherwise.Count > 0 || b.Condition is TapePop)
                    {
                        result.Add(b with { Then = then.ToEquatableArray(), Else = otherwise.ToEquatableArray() });
                    }
                    break;
                case BackwardFor f:
                    result.Add(f with { Body = FinalizeStatements(f.Body, needed).ToEquatableArray() });
                    break;
                default:
                    result.Add(statement);
                    break;
            }
        }
        return result;
    }

    /// <summary>
    /// Saves become tape pushes where the value is read back; a fused iteration's reverse is
    /// finalized as the reverse sweep is (its dropped replays land in <paramref name="unused"/>).
    /// </summary>
    private List<Statement> FinalizeForward(IEnumerable<Statement> statements, HashSet<string> needed, HashSet<string> unused)
    {
        var result = new List<Statement>();
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case SaveVariable s:
                    if (needed.Contains(s.Name))
                    {
                        result.Add(new TapePush(new Variable(s.Name, s.Type)));
                    }
                    break;
                case SaveElement s:
                    if (needed.Contains(s.Aggregate))
                    {
                        result.Add(new TapePush(new ElementLoad(s.Aggregate, s.Indices, ScalarType.Double)));
                    }
                    break;
                case If branch:
                    result.Add(branch with { Then = FinalizeForward(branch.Then, needed, unused).ToEquatableArray(), Else = FinalizeForward(branch.Else, needed, unused).ToEquatableArray() });
                    break;
                case Loop loop:
                    result.Add(loop with { Body = FinalizeForward(loop.Body, needed, unused).ToEquatableArray(), Step = FinalizeForward(loop.Step, needed, unused).ToEquatableArray() });
                    break;
                case RunReverse run:
                    var final = DropEmptyReplays(FinalizeReverse(run.Statements, needed), unused);
                    result.Add(run with { Statements = final.ToEquatableArray(), ReadsTape = ReadsTape(final) });
                    break;
                default:
                    result.Add(statement);
                    break;
            }
        }
        return result;
    }

    private static List<BackwardStatement> Rename(IEnumerable<BackwardStatement> statements, string from, string to, ScalarType element = ScalarType.Double)
    {
        // Only elements move to the copy: its length is the pooled buffer's, not the result's.
        Expr Map(Expr e) => ExprRewriter.Rewrite(e, x => x switch
        {
            ElementLoad l when l.Aggregate == from => l with { Aggregate = to },
            AggregateArgument a when a.Aggregate == from => a with { Aggregate = to, LengthOf = from, Element = element },
            _ => x,
        });
        EquatableArray<Expr> MapAll(EquatableArray<Expr> es) => es.Select(Map).ToEquatableArray();
        return statements.Select(s => s switch
        {
            DeclareValue d => d with { Value = Map(d.Value) },
            SetLocal l => l with { Value = Map(l.Value) },
            AccumulateLocal a => a with { Value = Map(a.Value) },
            AccumulateScalarGradient g => g with { Value = Map(g.Value) },
            AccumulateElementGradient e => e with { Value = Map(e.Value), Indices = MapAll(e.Indices) },
            SetElement e => e with { Aggregate = e.Aggregate == from ? to : e.Aggregate, Value = Map(e.Value), Indices = MapAll(e.Indices) },
            BackwardIf b => b with { Condition = Map(b.Condition), Then = Rename(b.Then, from, to, element).ToEquatableArray(), Else = Rename(b.Else, from, to, element).ToEquatableArray() },
            BackwardFor f => f with { Start = Map(f.Start), Condition = Map(f.Condition), Body = Rename(f.Body, from, to, element).ToEquatableArray() },
            DeclareBuffer b when b.Like == from && b.CopyOf != from => b with { Like = to },
            ReverseCall c => c with
            {
                Call = c.Call with
                {
                    Arguments = c.Call.Arguments.Select((a, k) => Map(a) is AggregateArgument { LengthOf: not null } copy && c.Call.Parameters[k].Kind is ParameterKind.Array or ParameterKind.OutputSpan
                        ? copy with { AsArray = c.Call.Parameters[k].Kind == ParameterKind.Array, Writable = c.Call.Parameters[k].Kind == ParameterKind.OutputSpan }
                        : Map(a)).ToEquatableArray(),
                },
                Seed = Map(c.Seed),
            },
            _ => s,
        }).ToList();
    }

    private static void CollectWrites(IEnumerable<BackwardStatement> statements, HashSet<string> names)
    {
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case SetLocal set: names.Add(set.Name); break;
                case SetElement set: names.Add(set.Aggregate); break;
                case BackwardIf b: CollectWrites(b.Then, names); CollectWrites(b.Else, names); break;
                case BackwardFor f: names.Add(f.Index); CollectWrites(f.Body, names); break;
            }
        }
    }

    /// <summary>Forward values and inputs the reverse sweep reads: what a pullback keeps.</summary>
    private EquatableArray<string> Captured(List<BackwardStatement> reverse, EquatableArray<LocalVariable> locals)
    {
        var reads = new HashSet<string>();
        CollectReads(reverse, reads);
        // Variables the reverse sweep writes (restores, recomputations) must exist there too.
        CollectWrites(reverse, reads);
        var forward = new HashSet<string>(locals.Select(l => l.Name).Concat(_method.Parameters.Select(p => p.Name)).Concat(LocalAggregates(_method.Body.Statements)));
        return reads.Where(forward.Contains).OrderBy(n => n, System.StringComparer.Ordinal).ToEquatableArray();
    }
}
