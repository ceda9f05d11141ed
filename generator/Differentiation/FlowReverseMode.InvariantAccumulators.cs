using System.Collections.Generic;
using System.Linq;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Differentiation;

/// <summary>
/// The InvariantAccumulators pass: an element adjoint or gradient that a reverse loop adds to at
/// an index the loop does not change (<c>xBar[i] += l[k] * adjoint</c> in the loop over j, the
/// reverse of <c>z[j] += l[k] * x[i]</c>) is summed in a local and added to the element once
/// after the loop, as a person writes the reverse of a matrix-vector product. The JIT cannot keep
/// the element in a register itself: the loop's other stores might alias it. Measured on the
/// Gaussian-mixture benchmark at d = 32: 1.89x the hand-written gradient before, 1.24x after.
/// Only when nothing else in the loop mentions the array, and the loop's start and condition do
/// not change in it (the element is added only when the loop ran, so an index that is valid only
/// inside the loop is never touched). The sum's rounding differs from adding one term at a time.
/// </summary>
internal sealed partial class FlowReverseMode
{
    public static BackwardProgram InvariantAccumulators(BackwardProgram program)
    {
        var taken = new Dictionary<string, int>();
        CountNames(RunReverse.Within(program.Forward).Concat(program.Reverse), taken);
        var names = new NameAllocator(program.Method.Body.UsedNames.Concat(ReverseMode.ReservedNames(program.Method)).Concat(Identifiers.Generated)
            .Concat(program.ForwardLocals.Select(l => l.Name)).Concat(taken.Keys));
        List<BackwardStatement> Hoist(List<BackwardStatement> block) => HoistAccumulations(block, names);
        var forward = MapFusedIterations(program.Forward, iteration => EveryBlock(iteration, Hoist));
        return program with { Forward = forward.ToEquatableArray(), Reverse = EveryBlock(program.Reverse, Hoist).ToEquatableArray() };
    }

    private static List<BackwardStatement> HoistAccumulations(List<BackwardStatement> block, NameAllocator names)
    {
        var result = new List<BackwardStatement>();
        foreach (var statement in block)
        {
            if (statement is BackwardFor loop && HoistFrom(loop, names) is { } hoisted)
            {
                result.AddRange(hoisted);
            }
            else
            {
                result.Add(statement);
            }
        }
        return result;
    }

    /// <summary>The loop with its invariant accumulations summed in locals: declarations, the loop, the guarded additions; null when it has none.</summary>
    private static List<BackwardStatement>? HoistFrom(BackwardFor loop, NameAllocator names)
    {
        var written = new HashSet<string> { loop.Index };
        if (!CollectAllWrites(loop.Body, written))
        {
            return null;
        }
        var guardReads = new HashSet<string>();
        ReadNames(loop.Start, guardReads, lengths: true);
        ReadNames(loop.Condition, guardReads, lengths: true);
        guardReads.Remove(loop.Index);
        if (guardReads.Overlaps(written))
        {
            return null;
        }
        var mentions = new Dictionary<string, int>();
        CountNames(loop.Body, mentions);
        var targets = loop.Body.OfType<AccumulateElementGradient>()
            .GroupBy(a => a.Buffer)
            .Where(g => IsInvariantTarget(g.ToList(), written, mentions))
            .Select(g => g.First())
            .ToList();
        if (targets.Count == 0)
        {
            return null;
        }
        var sums = targets.ToDictionary(t => t.Buffer, t => names.Fresh(t.Buffer + "Sum"));
        var body = loop.Body.Select(s => s is AccumulateElementGradient a && sums.TryGetValue(a.Buffer, out var sum) ? new AccumulateLocal(sum, a.Value) : s);
        var ran = ExprRewriter.Rewrite(loop.Condition, e => e is Variable v && v.Name == loop.Index ? loop.Start : e);
        var additions = targets.Select(t => (BackwardStatement)new AccumulateElementGradient(t.Buffer, t.Indices, new Variable(sums[t.Buffer], t.Value.Type))).ToEquatableArray();
        var hoisted = targets.Select(t => (BackwardStatement)new DeclareValue(sums[t.Buffer], new Constant(0, t.Value.Type))).ToList();
        hoisted.Add(loop with { Body = body.ToEquatableArray() });
        hoisted.Add(new BackwardIf(ran, additions, EquatableArray<BackwardStatement>.Empty));
        return hoisted;
    }

    /// <summary>
    /// Every accumulation into the buffer is at the top of the loop body, at the same indices,
    /// which the loop does not change; none reads the buffer, and nothing else in the loop
    /// mentions it.
    /// </summary>
    private static bool IsInvariantTarget(List<AccumulateElementGradient> accumulations, HashSet<string> written, Dictionary<string, int> mentions)
    {
        var first = accumulations[0];
        var indexReads = new HashSet<string>();
        foreach (var index in first.Indices)
        {
            ReadNames(index, indexReads, lengths: true);
        }
        var valueReads = new HashSet<string>();
        accumulations.ForEach(a => ReadNames(a.Value, valueReads, lengths: true));
        return accumulations.All(a => a.Indices.Equals(first.Indices) && a.Value.Type == first.Value.Type)
            && !indexReads.Overlaps(written) && !indexReads.Contains(first.Buffer) && !valueReads.Contains(first.Buffer)
            && mentions.TryGetValue(first.Buffer, out var count) && count == accumulations.Count;
    }

    /// <summary>Every name the statements write (locals, declared values, arrays, buffers, loop indices); false for a statement this pass does not know.</summary>
    private static bool CollectAllWrites(IEnumerable<BackwardStatement> statements, HashSet<string> names)
    {
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case DeclareValue d: names.Add(d.Name); break;
                case SetLocal s: names.Add(s.Name); break;
                case AccumulateLocal a: names.Add(a.Name); break;
                case AccumulateScalarGradient g: names.Add(g.Buffer); break;
                case AccumulateElementGradient e: names.Add(e.Buffer); break;
                case SetElement e: names.Add(e.Aggregate); break;
                case ReverseCall c: names.UnionWith(c.Buffers); break;
                case DeclareBuffer b: names.Add(b.Name); break;
                case BackwardIf b:
                    if (!CollectAllWrites(b.Then, names) || !CollectAllWrites(b.Else, names))
                    {
                        return false;
                    }
                    break;
                case BackwardFor f:
                    names.Add(f.Index);
                    if (!CollectAllWrites(f.Body, names))
                    {
                        return false;
                    }
                    break;
                default:
                    return false;
            }
        }
        return true;
    }
}
