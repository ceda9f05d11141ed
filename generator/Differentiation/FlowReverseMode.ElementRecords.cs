using System.Collections.Generic;
using System.Linq;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Differentiation;

/// <summary>
/// Element records, kept per store rather than per array. The reverse sweep restores an element
/// only for the reads of the array that come after the restore in the reverse sweep (the reads
/// of forward statements that ran before the store, or in an earlier iteration of a loop around
/// it) and before another restore of that element. A store with no such read records nothing:
/// <c>h[i] += w * x</c> filling a scratch array that is read only after the loop, the first
/// writes into a fresh <c>new double[n]</c> read only after them, or <c>out[r] += ...</c> in an
/// iteration that starts by rewriting every element of <c>out</c> (that loop's restores then
/// give every later read its value, so what the increments overwrote is never read).
/// </summary>
internal sealed partial class FlowReverseMode
{
    private int _elementRecords;

    /// <summary>The reverse sweep and the forward sweep without the element records no read needs.</summary>
    private (List<Statement> Forward, List<BackwardStatement> Reverse) DropUnreadElementRecords(List<Statement> forward, List<BackwardStatement> reverse)
    {
        var dead = new HashSet<int>();
        foreach (var aggregate in RestoredAggregateNames(reverse))
        {
            new ElementReads(this, aggregate, dead).Walk(reverse, new Reads());
        }
        return dead.Count == 0 ? (forward, reverse) : (DropSaves(forward, dead), DropRestores(reverse, dead));
    }

    private static HashSet<string> RestoredAggregateNames(IEnumerable<BackwardStatement> statements)
    {
        var names = new HashSet<string>();
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case RestoreElement r: names.Add(r.Aggregate); break;
                case BackwardIf b: names.UnionWith(RestoredAggregateNames(b.Then)); names.UnionWith(RestoredAggregateNames(b.Else)); break;
                case BackwardFor f: names.UnionWith(RestoredAggregateNames(f.Body)); break;
            }
        }
        return names;
    }

    private static List<Statement> DropSaves(IEnumerable<Statement> statements, HashSet<int> dead) =>
        statements.Where(s => s is not SaveElement save || !dead.Contains(save.Pair)).Select(s => s switch
        {
            If branch => branch with { Then = DropSaves(branch.Then, dead).ToEquatableArray(), Else = DropSaves(branch.Else, dead).ToEquatableArray() },
            Loop loop => loop with { Body = DropSaves(loop.Body, dead).ToEquatableArray(), Step = DropSaves(loop.Step, dead).ToEquatableArray() },
            _ => s,
        }).ToList();

    private static List<BackwardStatement> DropRestores(IEnumerable<BackwardStatement> statements, HashSet<int> dead) =>
        statements.Where(s => s is not RestoreElement restore || !dead.Contains(restore.Pair)).Select(s => s switch
        {
            BackwardIf b => b with { Then = DropRestores(b.Then, dead).ToEquatableArray(), Else = DropRestores(b.Else, dead).ToEquatableArray() },
            BackwardFor f => f with { Body = DropRestores(f.Body, dead).ToEquatableArray() },
            _ => s,
        }).ToList();

    /// <summary>
    /// Reads of one array, as a set: the index lists read, and whether some read may be of any
    /// element (a whole-array argument, an unknown statement).
    /// </summary>
    private sealed class Reads
    {
        private readonly HashSet<EquatableArray<Expr>> _indices = new();
        private bool _anyElement;

        public Reads Copy()
        {
            var copy = new Reads();
            copy.UnionWith(this);
            return copy;
        }

        public void Add(EquatableArray<Expr>? indices)
        {
            if (indices is { } known)
            {
                _indices.Add(known);
            }
            else
            {
                _anyElement = true;
            }
        }

        public void UnionWith(Reads other)
        {
            _indices.UnionWith(other._indices);
            _anyElement |= other._anyElement;
        }

        /// <summary>Some read may be of an element the restore writes: unless both index lists are constants that differ.</summary>
        public bool Meet(EquatableArray<Expr> restored) =>
            _anyElement || _indices.Any(read => read.Count != restored.Count
                || !read.Zip(restored, (a, b) => a is Constant && b is Constant && !a.Equals(b)).Any(differ => differ));

        public void Remove(EquatableArray<Expr> indices) => _indices.Remove(indices);
    }

    /// <summary>
    /// One array's reads, walked from the end of the reverse sweep to its start: a read is pending
    /// at a restore when it runs after it.
    /// </summary>
    private sealed class ElementReads(FlowReverseMode owner, string aggregate, HashSet<int> dead)
    {
        public Reads Walk(IReadOnlyList<BackwardStatement> statements, Reads pending)
        {
            for (var k = statements.Count - 1; k >= 0; k--)
            {
                switch (statements[k])
                {
                    case RestoreElement r when r.Aggregate == aggregate:
                        if (!pending.Meet(r.Indices))
                        {
                            dead.Add(r.Pair);
                        }
                        else if (r.Indices.All(i => i is Constant))
                        {
                            // Later reads of this element get the restored value: the restores before it are not read.
                            pending.Remove(r.Indices);
                        }
                        break;
                    case BackwardIf b:
                        var then = Walk(b.Then, pending.Copy());
                        pending = Walk(b.Else, pending);
                        pending.UnionWith(then);
                        AddReads(b.Condition, pending);
                        break;
                    case BackwardFor f when RestoresEveryElement(f):
                        pending.UnionWith(ReadsIn(f.Body));
                        Walk(f.Body, pending);
                        // Every read after the loop gets a restored value: only the loop's own reads remain.
                        pending = ReadsIn(f.Body);
                        AddReads(f.Start, pending);
                        AddReads(f.Condition, pending);
                        break;
                    case BackwardFor f:
                        // Iterations repeat: every read in the body runs after every restore in it.
                        // The loop may also run no iteration at all, so a restore in its body does not
                        // stand for one before it: what was pending after the loop stays pending.
                        var body = ReadsIn(f.Body);
                        var afterLoop = pending.Copy();
                        pending.UnionWith(body);
                        pending = Walk(f.Body, pending);
                        pending.UnionWith(body);
                        pending.UnionWith(afterLoop);
                        AddReads(f.Start, pending);
                        AddReads(f.Condition, pending);
                        break;
                    default:
                        AddReads(statements[k], pending);
                        break;
                }
            }
            return pending;
        }

        private Reads ReadsIn(IEnumerable<BackwardStatement> statements)
        {
            var reads = new Reads();
            foreach (var statement in statements)
            {
                switch (statement)
                {
                    case BackwardIf b: AddReads(b.Condition, reads); reads.UnionWith(ReadsIn(b.Then)); reads.UnionWith(ReadsIn(b.Else)); break;
                    case BackwardFor f: AddReads(f.Start, reads); AddReads(f.Condition, reads); reads.UnionWith(ReadsIn(f.Body)); break;
                    default: AddReads(statement, reads); break;
                }
            }
            return reads;
        }

        /// <summary>The reads of one statement other than a branch or loop (a restore reads only its indices).</summary>
        private void AddReads(BackwardStatement statement, Reads reads)
        {
            switch (statement)
            {
                case DeclareValue d: AddReads(d.Value, reads); break;
                case SetLocal s: AddReads(s.Value, reads); break;
                case AccumulateLocal a: AddReads(a.Value, reads); break;
                case AccumulateScalarGradient g: AddReads(g.Value, reads); break;
                case AccumulateElementGradient e: AddReads(e.Value, reads); e.Indices.ToList().ForEach(i => AddReads(i, reads)); break;
                case SetElement e: AddReads(e.Value, reads); e.Indices.ToList().ForEach(i => AddReads(i, reads)); break;
                case RestoreElement r: r.Indices.ToList().ForEach(i => AddReads(i, reads)); break;
                case RestoreByComputing r: AddReads(r.Value, reads); break;
                case ReverseCall c: AddReads(c.Seed, reads); c.Call.Arguments.ToList().ForEach(a => AddReads(a, reads)); break;
                case DeclareBuffer b when b.CopyOf == aggregate: reads.Add(null); break;
                case RestoreVariable or DeclareBuffer or FusionPoint: break;
                default: reads.Add(null); break; // a statement this walk does not know: it may read anything
            }
        }

        private void AddReads(Expr expr, Reads reads) => ExprRewriter.Walk(expr, e =>
        {
            switch (e)
            {
                case ElementLoad l when l.Aggregate == aggregate: reads.Add(l.Indices); break;
                case AggregateArgument a when a.Aggregate == aggregate: reads.Add(null); break;
            }
        });

        /// <summary>
        /// A counted loop's reverse from the array's last element down to 0 that restores element
        /// [index] in every iteration (the reverse of a loop rewriting every element).
        /// </summary>
        private bool RestoresEveryElement(BackwardFor f)
        {
            if (f.Step != -1 || f.Condition is not Binary { Op: BinaryOp.GreaterOrEqual, Left: Variable index, Right: Constant { Value: 0 } } || index.Name != f.Index
                || !f.Body.Any(s => s is RestoreElement r && r.Aggregate == aggregate && r.Indices.Count == 1 && r.Indices[0] is Variable v && v.Name == f.Index))
            {
                return false;
            }
            return owner.IsLastElement(aggregate, f.Start);
        }
    }

    /// <summary>The index is the array's last: its length minus one, or a local array's fixed allocated length minus one.</summary>
    private bool IsLastElement(string aggregate, Expr index)
    {
        var one = new Constant(1, ScalarType.Int);
        return index.Equals(Build.Subtract(new LengthOf(aggregate), one))
            || FindAllocation(_method.Body.Statements, aggregate) is AllocateArray array && IsFixed(array.Length) && index.Equals(Build.Subtract(array.Length, one));
    }

    /// <summary>The expression has one value for the whole call: its variables are parameters never assigned or locals assigned once.</summary>
    private bool IsFixed(Expr expr) => Names(expr).All(n => AssignmentCount(n) == 0 || _locals.Contains(n) && AssignmentCount(n) == 1);
}
