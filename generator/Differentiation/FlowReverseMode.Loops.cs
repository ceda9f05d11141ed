using System.Collections.Generic;
using System.Linq;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Differentiation;

/// <summary>Loops: counted loops run backwards from their bounds; others replay a recorded count.</summary>
internal sealed partial class FlowReverseMode
{
    private sealed record CountedLoop(string Index, Expr Start, Expr Last, Expr Continue, int Step)
    {
        /// <summary>Iterations (negative or zero when the loop does not run): the reverse step is the forward one negated.</summary>
        public Expr TripCount => PlusConstant(Step == -1 ? Build.Subtract(Last, Start) : Build.Subtract(Start, Last), 1);

        /// <summary><c>e + c</c>, folding the constant into one at the end of e (<c>n - 1 + 1</c> is <c>n</c>).</summary>
        private static Expr PlusConstant(Expr e, double c) => e switch
        {
            _ when c == 0 => e,
            Binary { Op: BinaryOp.Subtract, Right: Constant k } d => PlusConstant(d.Left, c - k.Value),
            Binary { Op: BinaryOp.Add, Right: Constant k } a => PlusConstant(a.Left, c + k.Value),
            _ when c < 0 => Build.Subtract(e, new Constant(-c, ScalarType.Int)),
            _ => Build.Add(e, new Constant(c, ScalarType.Int)),
        };
    }

    private readonly Dictionary<Loop, CountedLoop> _counted = new(ReferenceComparer<Loop>.Instance);
    private readonly HashSet<Assign> _recomputed = new(ReferenceComparer<Assign>.Instance);

    /// <summary>
    /// Locals declared at the top of a loop body from values the loop does not change (inputs,
    /// the counted index, earlier such locals), before anything can leave the iteration: the
    /// reverse sweep recomputes them at the start of each iteration instead of taping them.
    /// </summary>
    private List<BackwardStatement> Recomputations(Loop loop, string? countedIndex)
    {
        var assigned = new HashSet<string>();
        AssignedNames(loop.Body, assigned);
        AssignedNames(loop.Step, assigned);
        var stable = new HashSet<string>();
        if (countedIndex is not null)
        {
            stable.Add(countedIndex);
        }
        var recomputations = new List<BackwardStatement>();
        foreach (var statement in loop.Body)
        {
            if (statement is Assign assign && assign.Value is not DifferentiableCall && _locals.Contains(assign.Name) && AssignmentCount(assign.Name) == 1
                && Names(assign.Value).All(n => stable.Contains(n) || !assigned.Contains(n) && n != assign.Name))
            {
                _recomputed.Add(assign);
                stable.Add(assign.Name);
                recomputations.Add(new RestoreByComputing(assign.Name, assign.Value));
            }
            if (ContainsExit(statement))
            {
                break;
            }
        }
        return recomputations;
    }

    private int AssignmentCount(string name)
    {
        var count = 0;
        CountAssignments(_method.Body.Statements, name, ref count);
        return count;
    }

    private static void CountAssignments(IEnumerable<Statement> statements, string name, ref int count)
    {
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case Assign assign when assign.Name == name: count++; break;
                case CallStatement call when call.Targets.Contains(name): count++; break;
                case If branch: CountAssignments(branch.Then, name, ref count); CountAssignments(branch.Else, name, ref count); break;
                case Loop loop: CountAssignments(loop.Body, name, ref count); CountAssignments(loop.Step, name, ref count); break;
            }
        }
    }

    /// <summary>
    /// Finds <c>i = s; for (; i &lt; e; i++)</c> (and &lt;=, &gt;, &gt;= with i--) where s and e
    /// do not change in the loop, i changes only in the step and is not used outside the loop,
    /// and nothing leaves the loop early: it can run backwards without a tape.
    /// </summary>
    private void MarkCanonicalLoops(EquatableArray<Statement> list)
    {
        for (var k = 1; k < list.Count; k++)
        {
            if (list[k] is not Loop { Kind: LoopKind.For } loop || list[k - 1] is not Assign { Value.Type: ScalarType.Int } init
                || loop.Step.Count != 1 || loop.Step[0] is not Assign { Value: Binary { Op: BinaryOp.Add or BinaryOp.Subtract, Left: Variable self, Right: Constant { Value: 1 } } stepValue } step
                || step.Name != init.Name || self.Name != init.Name
                || loop.Condition is not Binary compare)
            {
                continue;
            }
            var index = init.Name;
            var direction = stepValue.Op == BinaryOp.Add ? 1 : -1;
            var (op, bound) = IndexOffset(compare.Left, index) is { } leftOffset ? (compare.Op, Shifted(compare.Right, -leftOffset))
                : IndexOffset(compare.Right, index) is { } rightOffset ? (Flip(compare.Op), Shifted(compare.Left, -rightOffset))
                : (BinaryOp.Equal, compare.Right);
            Expr? last = (direction, op) switch
            {
                (1, BinaryOp.Less) => Build.Subtract(bound, new Constant(1, ScalarType.Int)),
                (1, BinaryOp.LessOrEqual) => bound,
                (-1, BinaryOp.Greater) => Build.Add(bound, new Constant(1, ScalarType.Int)),
                (-1, BinaryOp.GreaterOrEqual) => bound,
                _ => null,
            };
            var assignedInLoop = new HashSet<string>();
            AssignedNames(loop.Body, assignedInLoop);
            if (last is null || assignedInLoop.Contains(index) || ContainsBreak(loop.Body) || loop.Body.Any(ContainsReturn)
                || ValueNames(bound).Any(assignedInLoop.Contains) || ValueNames(init.Value).Any(assignedInLoop.Contains)
                || Names(init.Value).Contains(index) || Names(bound).Contains(index)
                || MentionedOutside(index, loop, init))
            {
                continue;
            }
            var keepGoing = direction == 1
                ? new Binary(BinaryOp.GreaterOrEqual, new Variable(index, ScalarType.Int), init.Value, ScalarType.Bool)
                : init.Value is Binary { Op: BinaryOp.Subtract, Right: Constant { Value: 1 } } lastIndex
                    // i <= n - 1 is i < n: the shape the JIT recognizes best.
                    ? new Binary(BinaryOp.Less, new Variable(index, ScalarType.Int), lastIndex.Left, ScalarType.Bool)
                    : new Binary(BinaryOp.LessOrEqual, new Variable(index, ScalarType.Int), init.Value, ScalarType.Bool);
            _counted[loop] = new CountedLoop(index, init.Value, last, keepGoing, -direction);
            _noRestore.Add(init);
        }
    }

    /// <summary>
    /// k when <paramref name="side"/> is the index plus a constant k (<c>i</c>, <c>i + 1</c>, <c>1 + i</c>,
    /// <c>i - 2</c>): <c>i + k &lt; n</c> is the counted loop <c>i &lt; n - k</c>.
    /// </summary>
    private static int? IndexOffset(Expr side, string index) => side switch
    {
        Variable v when v.Name == index => 0,
        Binary { Op: BinaryOp.Add, Left: Variable v, Right: Constant { Type: ScalarType.Int } k } when v.Name == index => (int)k.Value,
        Binary { Op: BinaryOp.Add, Left: Constant { Type: ScalarType.Int } k, Right: Variable v } when v.Name == index => (int)k.Value,
        Binary { Op: BinaryOp.Subtract, Left: Variable v, Right: Constant { Type: ScalarType.Int } k } when v.Name == index => -(int)k.Value,
        _ => null,
    };

    /// <summary><c>e + k</c> for an integer bound (<c>n + -1</c> is written <c>n - 1</c>).</summary>
    private static Expr Shifted(Expr e, int k) =>
        k < 0 ? Build.Subtract(e, new Constant(-k, e.Type)) : Build.Add(e, new Constant(k, e.Type));

    private static BinaryOp Flip(BinaryOp op) => op switch
    {
        BinaryOp.Less => BinaryOp.Greater,
        BinaryOp.LessOrEqual => BinaryOp.GreaterOrEqual,
        BinaryOp.Greater => BinaryOp.Less,
        BinaryOp.GreaterOrEqual => BinaryOp.LessOrEqual,
        _ => op,
    };

    private static void AssignedNames(IEnumerable<Statement> statements, HashSet<string> names)
    {
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case Assign assign: names.Add(assign.Name); break;
                case Store store: names.Add(store.Aggregate); break;
                case CallStatement call: names.Add(call.Output); names.UnionWith(call.Targets); break;
                case If branch: AssignedNames(branch.Then, names); AssignedNames(branch.Else, names); break;
                case Loop loop: AssignedNames(loop.Body, names); AssignedNames(loop.Step, names); break;
            }
        }
    }

    /// <summary>Names whose values an expression reads: a length or shape is fixed even when elements are written.</summary>
    private static HashSet<string> ValueNames(Expr expr)
    {
        var names = new HashSet<string>();
        ExprRewriter.Walk(expr, e =>
        {
            switch (e)
            {
                case Variable v: names.Add(v.Name); break;
                case ElementLoad l: names.Add(l.Aggregate); break;
                case AggregateArgument a: names.Add(a.Aggregate); break;
            }
        });
        return names;
    }

    private static HashSet<string> Names(Expr expr)
    {
        var names = new HashSet<string>();
        ExprRewriter.Walk(expr, e =>
        {
            switch (e)
            {
                case Variable v: names.Add(v.Name); break;
                case ElementLoad l: names.Add(l.Aggregate); break;
                case LengthOf l: names.Add(l.Aggregate); break;
                case AggregateArgument a: names.Add(a.Aggregate); break;
                case TensorDimension d: names.Add(d.Tensor); break;
            }
        });
        return names;
    }

    /// <summary>The index is used somewhere other than this loop and its initializer.</summary>
    private bool MentionedOutside(string index, Loop loop, Assign init)
    {
        var count = 0;
        CountMentions(_method.Body.Statements, index, loop, init, ref count);
        return count > 0;
    }

    private static void CountMentions(IEnumerable<Statement> statements, string name, Loop skip, Assign? init, ref int count)
    {
        foreach (var statement in statements)
        {
            if (ReferenceEquals(statement, skip) || ReferenceEquals(statement, init))
            {
                continue;
            }
            switch (statement)
            {
                case Assign assign:
                    count += assign.Name == name || Names(assign.Value).Contains(name) ? 1 : 0;
                    break;
                case Store store:
                    count += Names(store.Value).Contains(name) || store.Indices.Any(i => Names(i).Contains(name)) ? 1 : 0;
                    break;
                case CallStatement call:
                    count += Names(call.Call).Contains(name) ? 1 : 0;
                    break;
                case Return { Scalar: { } scalar }:
                    count += Names(scalar).Contains(name) ? 1 : 0;
                    break;
                case If branch:
                    count += Names(branch.Condition).Contains(name) ? 1 : 0;
                    CountMentions(branch.Then, name, skip, init, ref count);
                    CountMentions(branch.Else, name, skip, init, ref count);
                    break;
                case Loop loop:
                    count += Names(loop.Condition).Contains(name) ? 1 : 0;
                    CountMentions(loop.Body, name, skip, init, ref count);
                    CountMentions(loop.Step, name, skip, init, ref count);
                    break;
            }
        }
    }

    private readonly HashSet<string> _accumulating = new();

    /// <summary>
    /// Real variables the loop only ever increments (<c>a += e</c>, e not reading a) and reads
    /// nowhere else: the reverse sweep of the loop never reads their intermediate values, so
    /// instead of recording each increment the loop records the value once, before it starts.
    /// </summary>
    private List<string> Accumulators(Loop loop)
    {
        var increments = new List<Assign>();
        var others = new List<Expr>();
        var assignedOtherwise = new HashSet<string>();
        Scan(loop.Body);
        Scan(loop.Step);
        others.Add(loop.Condition);
        var result = new List<string>();
        foreach (var name in increments.Select(i => i.Name).Distinct())
        {
            if (!assignedOtherwise.Contains(name) && !_accumulating.Contains(name) && _locals.Contains(name)
                && !others.Any(e => Mentions(e, name)) && increments.Where(i => i.Name == name).All(i => i.Value.Type.IsReal()))
            {
                result.Add(name);
                foreach (var increment in increments.Where(i => i.Name == name))
                {
                    _noRestore.Add(increment);
                }
            }
        }
        return result;

        void Scan(IEnumerable<Statement> statements)
        {
            foreach (var statement in statements)
            {
                switch (statement)
                {
                    case Assign { Value: Binary { Op: BinaryOp.Add or BinaryOp.Subtract, Left: Variable self } sum } assign when self.Name == assign.Name && !Mentions(sum.Right, assign.Name):
                        increments.Add(assign);
                        others.Add(sum.Right);
                        break;
                    case Assign assign:
                        assignedOtherwise.Add(assign.Name);
                        others.Add(assign.Value);
                        break;
                    case Store store:
                        others.Add(store.Value);
                        others.AddRange(store.Indices);
                        break;
                    case CallStatement call:
                        others.Add(call.Call);
                        assignedOtherwise.UnionWith(call.Targets);
                        break;
                    case Return { Scalar: { } scalar }:
                        others.Add(scalar);
                        break;
                    case If branch:
                        others.Add(branch.Condition);
                        Scan(branch.Then);
                        Scan(branch.Else);
                        break;
                    case Loop inner:
                        others.Add(inner.Condition);
                        Scan(inner.Body);
                        Scan(inner.Step);
                        break;
                }
            }
        }
    }

    /// <summary>The list holding the statement being transformed, and its position there.</summary>
    private (EquatableArray<Statement> List, int Index) _enclosing;

    private void TransformLoop(Loop loop, List<Statement> forward, List<BackwardStatement> reverse)
    {
        var accumulators = Accumulators(loop);
        _accumulating.UnionWith(accumulators);
        // An accumulator set to a constant just before the loop (s = 0; for ...) is restored to it without a record.
        var initial = accumulators.ToDictionary(name => name, ConstantBefore);
        foreach (var name in accumulators.Where(name => initial[name] is null))
        {
            forward.Add(new SaveVariable(name, TypeOf(name)));
        }
        TransformLoopBody(loop, forward, reverse);
        // Read back last saved first.
        foreach (var name in Enumerable.Reverse(accumulators))
        {
            reverse.Add(initial[name] is { } constant ? new RestoreByComputing(name, constant) : new RestoreVariable(name, TypeOf(name)));
        }
        _accumulating.ExceptWith(accumulators);
    }

    /// <summary>The constant the variable was last set to by the assignments right before the loop (in the same list, nothing else between).</summary>
    private Constant? ConstantBefore(string name)
    {
        var (list, index) = _enclosing;
        for (var k = index - 1; k >= 0 && list[k] is Assign assign; k--)
        {
            if (assign.Name == name)
            {
                return assign.Value as Constant;
            }
        }
        return null;
    }

    private ScalarType TypeOf(string local) => _method.Body.Locals.First(l => l.Name == local).Type;

    private void TransformLoopBody(Loop loop, List<Statement> forward, List<BackwardStatement> reverse)
    {
        _loopDepth++;
        if (_counted.TryGetValue(loop, out var counted))
        {
            var recomputed = Recomputations(loop, counted.Index);
            var replay = FindScratchReplay(loop, counted.Index);
            _frames.Push(new LoopFrame(null, null));
            var (countedBody, bodyReverse) = TransformList(loop.Body);
            _frames.Pop();
            _loopDepth--;
            if (replay is not null)
            {
                (countedBody, bodyReverse) = DropReplayedRecords(countedBody, bodyReverse, replay.Arrays);
                recomputed.AddRange(replay.Statements);
            }
            forward.Add(loop with { Body = countedBody.ToEquatableArray(), TripCount = counted.TripCount });
            reverse.Add(new BackwardFor(counted.Index, false, counted.Last, counted.Continue, counted.Step, recomputed.Concat(bodyReverse).ToEquatableArray()));
            return;
        }
        var recomputations = Recomputations(loop, null);

        var count = _names.Fresh("count");
        _extraLocals.Add(new LocalVariable(count, ScalarType.Int));
        string? broke = null;
        if (ContainsBreak(loop.Body) || loop.Body.Any(ContainsReturn))
        {
            broke = _names.Fresh("broke");
            _extraLocals.Add(new LocalVariable(broke, ScalarType.Bool));
        }
        _frames.Push(new LoopFrame(count, broke));
        var (bodyForward, reverseBody) = TransformList(loop.Body);
        var (stepForward, stepReverse) = TransformList(loop.Step);
        _frames.Pop();
        _loopDepth--;

        var countVariable = new Variable(count, ScalarType.Int);
        forward.Add(new Assign(count, new Constant(0, ScalarType.Int)));
        if (broke is not null)
        {
            forward.Add(new Assign(broke, new Constant(0, ScalarType.Bool)));
        }
        var counting = new Assign(count, new Binary(BinaryOp.Add, countVariable, new Constant(1, ScalarType.Int), ScalarType.Int));
        forward.Add(loop with { Body = new[] { (Statement)counting }.Concat(bodyForward).ToEquatableArray(), Step = stepForward.ToEquatableArray() });
        forward.Add(new TapePush(countVariable));
        if (broke is not null)
        {
            forward.Add(new TapePush(new Variable(broke, ScalarType.Bool)));
        }

        // Reverse: the last iteration first; if the loop was left by break, its step never ran.
        var brokeRead = broke is null ? null : _names.Fresh("brokeOut");
        var countRead = _names.Fresh("iterations");
        var iteration = _names.Fresh("iteration");
        if (brokeRead is not null)
        {
            reverse.Add(new DeclareValue(brokeRead, new TapePop(ScalarType.Bool)));
        }
        reverse.Add(new DeclareValue(countRead, new TapePop(ScalarType.Int)));
        var body = new List<BackwardStatement>();
        if (stepReverse.Count > 0)
        {
            if (brokeRead is null)
            {
                body.AddRange(stepReverse);
            }
            else
            {
                var stepRan = new Binary(BinaryOp.Or,
                    new Binary(BinaryOp.NotEqual, new Variable(iteration, ScalarType.Int), new Variable(countRead, ScalarType.Int), ScalarType.Bool),
                    new Unary(UnaryOp.Not, new Variable(brokeRead, ScalarType.Bool), ScalarType.Bool), ScalarType.Bool);
                body.Add(new BackwardIf(stepRan, stepReverse.ToEquatableArray(), EquatableArray<BackwardStatement>.Empty));
            }
        }
        body.AddRange(recomputations);
        body.AddRange(reverseBody);
        var more = new Binary(BinaryOp.Greater, new Variable(iteration, ScalarType.Int), new Constant(0, ScalarType.Int), ScalarType.Bool);
        reverse.Add(new BackwardFor(iteration, true, new Variable(countRead, ScalarType.Int), more, -1, body.ToEquatableArray())
        {
            Records = loop.Body.Any(ContainsReturn) ? EquatableArray<string>.Empty : new[] { count }.Concat(broke is null ? new string[0] : new[] { broke! }).ToEquatableArray(),
        });
    }
}
