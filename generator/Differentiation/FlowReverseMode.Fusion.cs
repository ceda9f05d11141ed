using System.Collections.Generic;
using System.Linq;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Differentiation;

/// <summary>
/// Loop fusion for the Backward method: when the adjoint flowing into a loop is known before
/// the loop runs, each iteration's reverse runs right after its forward, as a person writes
/// the gradient of <c>Σ f(x[i])</c> (shared/EXAMPLES.md, Rosenbrock).
/// <para>
/// The loop qualifies when it is the method body's last top-level loop, counted (no break or
/// return), with no continue, no element writes, and every variable it assigns is either an
/// accumulator (<c>s += e</c>, read nowhere else in the loop: its adjoint is the same in every
/// iteration) or local to an iteration (assigned before it is read in each iteration and not
/// mentioned outside the loop). After the whole transform, the reverse of the code after the
/// loop must read no tape and no value the loop or that code assigns (<c>return s / n</c>
/// does; <c>return Math.Log(s)</c> does not): it is hoisted before the loop and gives the
/// accumulators' adjoints. Otherwise the method keeps its two-pass reverse.
/// </para>
/// <para>
/// Only the Backward method is fused: a pullback (and a taped forward for callers) does not
/// know its seed when the forward sweep runs.
/// </para>
/// </summary>
internal sealed partial class FlowReverseMode
{
    private Loop? _fusedLoop;
    private int _fusedDepth = -1;
    private bool _fusionBlocked;

    /// <summary>The Backward method's program with one loop fused, or null when no loop qualifies.</summary>
    private BackwardProgram? RunFused()
    {
        // A tuple result has several seeds; fusion reasons about one.
        _fusedLoop = _method.Result.Kind == ResultKind.Tuple ? null : FusionCandidate();
        if (_fusedLoop is null)
        {
            return null;
        }
        var program = Run();
        if (_fusionBlocked)
        {
            return null;
        }
        var split = IndexOfFusionPoint(program.Reverse);
        if (split < 0)
        {
            return null;
        }
        var hoisted = program.Reverse.Take(split).ToList();
        var assignedFromLoop = AssignedFromFusedLoop();
        var reads = new HashSet<string>();
        CollectReads(hoisted, reads);
        if (ReadsTape(hoisted) || reads.Any(assignedFromLoop.Contains))
        {
            return null;
        }

        var forward = new List<Statement>();
        foreach (var statement in program.Forward)
        {
            if (statement is Loop { FusedIteration: not null })
            {
                forward.Add(new RunReverse(hoisted.ToEquatableArray(), ReadsTape: false)
                {
                    Comment = "Adjoints of what the loop computes: known before it runs, so each iteration's reverse runs with it.",
                });
            }
            forward.Add(statement);
        }
        var reverse = program.Reverse.Skip(split + 1).ToList();
        if (_options.TidyAdjoints)
        {
            forward = TidyFusedIterations(forward, reverse);
        }
        return program with
        {
            Forward = forward.ToEquatableArray(),
            Reverse = reverse.ToEquatableArray(),
            NeedsTape = UsesTapeStorage(forward, reverse),
        };
    }

    private static int IndexOfFusionPoint(EquatableArray<BackwardStatement> reverse)
    {
        for (var k = 0; k < reverse.Count; k++)
        {
            if (reverse[k] is FusionPoint)
            {
                return k;
            }
        }
        return -1;
    }

    /// <summary>The last top-level loop, if its shape allows fusion (see the class comment).</summary>
    private Loop? FusionCandidate()
    {
        if (_method.Result.Kind != ResultKind.Scalar)
        {
            return null;
        }
        var body = _method.Body.Statements;
        var position = -1;
        for (var k = 0; k < body.Count; k++)
        {
            if (body[k] is Loop)
            {
                position = k;
            }
        }
        if (position < 0)
        {
            return null;
        }
        MarkCanonicalLoops(body);
        var loop = (Loop)body[position];
        if (!_counted.TryGetValue(loop, out var counted) || ContainsOwnJump(loop.Body) || ContainsStore(loop.Body))
        {
            return null;
        }
        var assigned = new HashSet<string>();
        AssignedNames(loop.Body, assigned);
        var accumulators = new HashSet<string>(AccumulatorNames(loop));
        var defined = new HashSet<string>();
        var exposed = new HashSet<string>();
        UpwardExposed(loop.Body, defined, exposed, accumulators);
        foreach (var name in assigned)
        {
            if (name == counted.Index || accumulators.Contains(name))
            {
                continue;
            }
            if (exposed.Contains(name) || MentionedOutsideLoop(name, loop))
            {
                return null;
            }
        }
        return loop;
    }

    /// <summary>A break, continue or return of this loop itself (nested loops' own jumps do not count).</summary>
    private static bool ContainsOwnJump(IEnumerable<Statement> statements) => statements.Any(s => s switch
    {
        Break or Continue or Return => true,
        If branch => ContainsOwnJump(branch.Then) || ContainsOwnJump(branch.Else),
        Loop inner => inner.Body.Any(ContainsReturn),
        _ => false,
    });

    private static bool ContainsStore(IEnumerable<Statement> statements) => statements.Any(s => s switch
    {
        Store => true,
        If branch => ContainsStore(branch.Then) || ContainsStore(branch.Else),
        Loop inner => ContainsStore(inner.Body) || ContainsStore(inner.Step),
        _ => false,
    });

    /// <summary>
    /// Collects into <paramref name="exposed"/> the locals some path through one iteration reads
    /// before assigning: their value comes from the previous iteration. An accumulator's own
    /// increments do not count as reads of it.
    /// </summary>
    private void UpwardExposed(IEnumerable<Statement> statements, HashSet<string> defined, HashSet<string> exposed, HashSet<string> accumulators)
    {
        void Read(Expr expr)
        {
            foreach (var name in Names(expr))
            {
                if (_locals.Contains(name) && !defined.Contains(name))
                {
                    exposed.Add(name);
                }
            }
        }

        foreach (var statement in statements)
        {
            switch (statement)
            {
                case Assign { Value: Binary { Op: BinaryOp.Add or BinaryOp.Subtract, Left: Variable self } sum } increment
                    when self.Name == increment.Name && accumulators.Contains(increment.Name):
                    Read(sum.Right);
                    break;
                case Assign assign:
                    Read(assign.Value);
                    defined.Add(assign.Name);
                    break;
                case If branch:
                    Read(branch.Condition);
                    var then = new HashSet<string>(defined);
                    var otherwise = new HashSet<string>(defined);
                    UpwardExposed(branch.Then, then, exposed, accumulators);
                    UpwardExposed(branch.Else, otherwise, exposed, accumulators);
                    then.IntersectWith(otherwise);
                    defined.UnionWith(then);
                    break;
                case Loop inner:
                    // The inner loop may run no iteration: what it assigns is not defined after it.
                    var inside = new HashSet<string>(defined);
                    if (inner.Kind != LoopKind.DoWhile)
                    {
                        Read(inner.Condition);
                    }
                    UpwardExposed(inner.Body, inside, exposed, accumulators);
                    UpwardExposed(inner.Step, inside, exposed, accumulators);
                    if (inner.Kind == LoopKind.DoWhile)
                    {
                        Read(inner.Condition);
                        defined.UnionWith(inside);
                    }
                    break;
                case Return { Scalar: { } scalar }:
                    Read(scalar);
                    break;
            }
        }
    }

    /// <summary>The accumulators of <paramref name="loop"/> (as <see cref="Accumulators"/> finds them), without marking anything.</summary>
    private List<string> AccumulatorNames(Loop loop)
    {
        var marked = new HashSet<Statement>(_noRestore, ReferenceComparer<Statement>.Instance);
        var names = Accumulators(loop);
        _noRestore.Clear();
        _noRestore.UnionWith(marked);
        return names;
    }

    private bool MentionedOutsideLoop(string name, Loop loop)
    {
        var count = 0;
        CountMentions(_method.Body.Statements, name, loop, init: null, ref count);
        return count > 0;
    }

    /// <summary>Names assigned in the fused loop or after it: the hoisted reverse must not read them.</summary>
    private HashSet<string> AssignedFromFusedLoop()
    {
        var body = _method.Body.Statements;
        var names = new HashSet<string>();
        var seen = false;
        foreach (var statement in body)
        {
            seen |= ReferenceEquals(statement, _fusedLoop);
            if (seen)
            {
                AssignedNames(new[] { statement }, names);
            }
        }
        return names;
    }

    /// <summary>The fused loop: its body, then the reverse of that iteration, inside one loop.</summary>
    private void TransformFusedLoop(Loop loop, List<Statement> forward, List<BackwardStatement> reverse)
    {
        var accumulators = Accumulators(loop);
        _accumulating.UnionWith(accumulators);
        foreach (var name in accumulators)
        {
            forward.Add(new SaveVariable(name, TypeOf(name)));
        }
        _loopDepth++;
        var outer = _assigned;
        // Each iteration is reversed before the next runs: its first assignments overwrite nothing its reverse reads.
        _assigned = new HashSet<string>();
        _fusedDepth = _loopDepth;
        _frames.Push(new LoopFrame(null, null));
        var (body, bodyReverse) = TransformList(loop.Body);
        _frames.Pop();
        _fusedDepth = -1;
        _assigned = outer;
        _loopDepth--;
        var names = string.Join(", ", accumulators);
        var iterationReverse = new RunReverse(bodyReverse.ToEquatableArray(), ReadsTape: false)
        {
            Comment = accumulators.Count == 0
                ? "This iteration's reverse."
                : $"This iteration's reverse: the adjoint of {names} is the same in every iteration.",
        };
        forward.Add(loop with { Body = body.Append(iterationReverse).ToEquatableArray(), TripCount = _counted[loop].TripCount });
        reverse.Add(new FusionPoint());
        foreach (var name in Enumerable.Reverse(accumulators))
        {
            reverse.Add(new RestoreVariable(name, TypeOf(name)));
        }
        _accumulating.ExceptWith(accumulators);
    }

    /// <summary>The statements read the tape (a restore, a replayed decision, or a callee's reverse).</summary>
    public static bool ReadsTape(IEnumerable<BackwardStatement> statements)
    {
        var reads = false;
        foreach (var statement in statements)
        {
            BackwardRewriter.Rewrite(statement, e =>
            {
                reads |= e is TapePop;
                return e;
            });
        }
        return reads || CallsTapedReverse(statements);
    }

    /// <summary>The statements run a called [Differentiable] method's taped reverse (which reads the shared tape).</summary>
    public static bool CallsTapedReverse(IEnumerable<BackwardStatement> statements) => statements.Any(b => b switch
    {
        ReverseCall { Call.UserDerivative: null } => true,
        BackwardIf branch => CallsTapedReverse(branch.Then) || CallsTapedReverse(branch.Else),
        BackwardFor loop => CallsTapedReverse(loop.Body),
        _ => false,
    });
}
