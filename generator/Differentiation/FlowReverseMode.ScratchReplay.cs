using System.Collections.Generic;
using System.Linq;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Differentiation;

/// <summary>
/// Scratch arrays rewritten in every iteration from inputs are recomputed, not recorded. A
/// counted loop whose body fills a local array with a loop over every element
/// (<c>for (r = 0; r &lt; n; r++) a[r] = x[p * n + r] - mu[r];</c>), from values the loop does
/// not change (inputs, loop indices, arrays written before the loop, arrays recomputed the same
/// way before it), would record every element the fill overwrites, to give the previous
/// iteration's reverse the values it read. Instead each iteration's reverse first runs the fill
/// again, which leaves the array as the forward iteration left it, and the records go: the same
/// work as reading the records back, and no memory. Only when the fill is the array's one store
/// in the loop, nothing before the fill in the body reads the array, and nothing outside the
/// loop mentions it. Arrays the iteration goes on to update (<c>z[r] += l[r, c] * diff[c]</c>
/// over a triangle) stay recorded, once per iteration at their fill: recomputing them would
/// repeat the updates, more work than reading back one value per element. docs/architecture.md
/// states the rule.
/// </summary>
internal sealed partial class FlowReverseMode
{
    /// <summary>What one loop's reverse replays: the fill loops, and the arrays whose element records they make unnecessary.</summary>
    private sealed record ScratchReplay(List<BackwardStatement> Statements, HashSet<string> Arrays);

    /// <summary>The fills of the loop body to run again in each iteration's reverse, or null when there are none.</summary>
    private ScratchReplay? FindScratchReplay(Loop loop, string countedIndex)
    {
        if (!_options.RecomputeScratch)
        {
            return null;
        }
        var assignedInLoop = new HashSet<string>();
        AssignedNames(loop.Body, assignedInLoop);
        AssignedNames(loop.Step, assignedInLoop);
        MarkCanonicalLoops(loop.Body);
        var chosen = new HashSet<string>();
        var replay = new List<BackwardStatement>();
        var readBefore = new HashSet<string>();
        for (var k = 0; k < loop.Body.Count; k++)
        {
            var statement = loop.Body[k];
            if (k > 0 && loop.Body[k - 1] is Assign init && statement is Loop fill && _counted.TryGetValue(fill, out var counted) && counted.Index == init.Name
                && init.Value is Constant { Value: 0 } && counted.Step == -1 && fill.Body.Count > 0 && fill.Body.All(s => s is Store))
            {
                bool Fixed(string n) => n == counted.Index || n == countedIndex || !assignedInLoop.Contains(n) || chosen.Contains(n);
                var stores = fill.Body.Cast<Store>()
                    .Where(store => Fills(store, counted) && !readBefore.Contains(store.Aggregate) && !readBefore.Contains(AnyName) && StoreCount(loop.Body, store.Aggregate) == 1
                        && !UsedOutsideLoop(store.Aggregate, loop) && !PassedToCall(loop.Body, store.Aggregate) && !ContainsCall(store.Value)
                        && Names(store.Value).All(n => Fixed(n) && n != store.Aggregate) && ValueNames(fill.Condition).All(Fixed))
                    .ToList();
                // A fill reading an array filled in the same loop would read it before the replay wrote it.
                stores = stores.Where(store => !Names(store.Value).Any(n => stores.Any(other => other.Aggregate == n))).ToList();
                if (stores.Count > 0)
                {
                    chosen.UnionWith(stores.Select(store => store.Aggregate));
                    var sets = stores.Select(store => (BackwardStatement)new SetElement(store.Aggregate, store.Indices, store.Value)).ToEquatableArray();
                    replay.Add(new BackwardFor(counted.Index, false, init.Value, fill.Condition, 1, sets));
                }
            }
            CollectNames(statement, readBefore);
        }
        return chosen.Count == 0 ? null : new ScratchReplay(replay, chosen);
    }

    /// <summary>The store writes element [i] of a local array (not the result) for every i of the counted loop, 0 to the array's length.</summary>
    private bool Fills(Store store, CountedLoop counted) =>
        store.Indices.Count == 1 && store.Indices[0] is Variable { } index && index.Name == counted.Index && store.Aggregate != _resultAggregate
        && FindAllocation(_method.Body.Statements, store.Aggregate) is AllocateArray && IsLastElement(store.Aggregate, counted.Last);

    private static int StoreCount(IEnumerable<Statement> statements, string aggregate) => statements.Sum(s => s switch
    {
        Store store => store.Aggregate == aggregate ? 1 : 0,
        If branch => StoreCount(branch.Then, aggregate) + StoreCount(branch.Else, aggregate),
        Loop loop => StoreCount(loop.Body, aggregate) + StoreCount(loop.Step, aggregate),
        _ => 0,
    });

    /// <summary>Every name a statement mentions (what it reads, and what it writes).</summary>
    private static void CollectNames(Statement statement, HashSet<string> names)
    {
        switch (statement)
        {
            case Assign assign: names.UnionWith(Names(assign.Value)); break;
            case Store store: names.UnionWith(Names(store.Value)); store.Indices.ToList().ForEach(i => names.UnionWith(Names(i))); break;
            case Return { Scalar: { } scalar }: names.UnionWith(Names(scalar)); break;
            case If branch:
                names.UnionWith(Names(branch.Condition));
                branch.Then.Concat(branch.Else).ToList().ForEach(s => CollectNames(s, names));
                break;
            case Loop inner:
                names.UnionWith(Names(inner.Condition));
                inner.Body.Concat(inner.Step).ToList().ForEach(s => CollectNames(s, names));
                break;
            default:
                // A statement of another kind may read anything: no array read after it is filled before.
                names.Add(AnyName);
                break;
        }
    }

    private const string AnyName = "<any>";

    private bool UsedOutsideLoop(string name, Loop loop) => MentionedOutsideLoop(name, loop) || StoredOutside(_method.Body.Statements, name, loop);

    private static bool StoredOutside(IEnumerable<Statement> statements, string name, Loop skip) => statements.Any(s => s switch
    {
        _ when ReferenceEquals(s, skip) => false,
        Store store => store.Aggregate == name,
        If branch => StoredOutside(branch.Then, name, skip) || StoredOutside(branch.Else, name, skip),
        Loop loop => StoredOutside(loop.Body, name, skip) || StoredOutside(loop.Step, name, skip),
        _ => false,
    });

    /// <summary>The array is an argument of a call in the statements: the callee may write it (a span output), which the replay would not repeat.</summary>
    private static bool PassedToCall(IEnumerable<Statement> statements, string aggregate)
    {
        var passed = false;
        void Visit(Expr expr) => ExprRewriter.Walk(expr, e => passed |= e is AggregateArgument a && a.Aggregate == aggregate);
        void VisitAll(IEnumerable<Statement> list)
        {
            foreach (var statement in list)
            {
                switch (statement)
                {
                    case Assign assign: Visit(assign.Value); break;
                    case Store store: Visit(store.Value); store.Indices.ToList().ForEach(Visit); break;
                    case Return { Scalar: { } scalar }: Visit(scalar); break;
                    case If branch: Visit(branch.Condition); VisitAll(branch.Then); VisitAll(branch.Else); break;
                    case Loop inner: Visit(inner.Condition); VisitAll(inner.Body); VisitAll(inner.Step); break;
                    case Let let: Visit(let.Value); break;
                    case Break or Continue or AllocateArray: break;
                    default: passed = true; break;
                }
            }
        }
        VisitAll(statements);
        return passed;
    }

    private static bool ContainsCall(Expr expr)
    {
        var call = false;
        ExprRewriter.Walk(expr, e => call |= e is DifferentiableCall);
        return call;
    }

    /// <summary>The loop body's forward and reverse without the element records of the replayed arrays.</summary>
    private static (List<Statement> Forward, List<BackwardStatement> Reverse) DropReplayedRecords(List<Statement> forward, List<BackwardStatement> reverse, HashSet<string> arrays)
    {
        var pairs = new HashSet<int>();
        CollectSavePairs(forward, arrays, pairs);
        return (DropSaves(forward, pairs), DropRestores(reverse, pairs));
    }

    private static void CollectSavePairs(IEnumerable<Statement> statements, HashSet<string> arrays, HashSet<int> pairs)
    {
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case SaveElement save when arrays.Contains(save.Aggregate): pairs.Add(save.Pair); break;
                case If branch: CollectSavePairs(branch.Then, arrays, pairs); CollectSavePairs(branch.Else, arrays, pairs); break;
                case Loop loop: CollectSavePairs(loop.Body, arrays, pairs); CollectSavePairs(loop.Step, arrays, pairs); break;
            }
        }
    }
}
