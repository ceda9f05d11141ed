using System.Collections.Generic;
using System.Linq;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Differentiation;

/// <summary>The structural transform: each statement's forward instrumentation and its reverse.</summary>
internal sealed partial class FlowReverseMode
{
    private (List<Statement> Forward, List<BackwardStatement> Reverse) TransformList(EquatableArray<Statement> list, bool isMethodBody = false)
    {
        var frame = new ListFrame(NeedsMarker(list));
        _frames.Push(frame);
        var forward = new List<Statement>();
        var parts = new List<List<BackwardStatement>>();
        MarkCanonicalLoops(list);
        for (var k = 0; k < list.Count; k++)
        {
            frame.Index = k + 1;
            var statement = list[k];
            _enclosing = (list, k);
            var (f, r) = TransformStatement(statement, isMethodBody && k == list.Count - 1);
            forward.AddRange(f);
            parts.Add(r);
        }
        _frames.Pop();
        if (frame.NeedsMarker && !AlwaysExits(list))
        {
            forward.Add(new TapePush(new Constant(list.Count, ScalarType.Int)));
        }

        var reverse = new List<BackwardStatement>();
        if (frame.NeedsMarker)
        {
            var exit = _names.Fresh("exit");
            reverse.Add(new DeclareValue(exit, new TapePop(ScalarType.Int)));
            for (var k = list.Count; k >= 1; k--)
            {
                if (parts[k - 1].Count > 0)
                {
                    var reached = new Binary(BinaryOp.GreaterOrEqual, new Variable(exit, ScalarType.Int), new Constant(k, ScalarType.Int), ScalarType.Bool);
                    reverse.Add(new BackwardIf(reached, parts[k - 1].ToEquatableArray(), EquatableArray<BackwardStatement>.Empty));
                }
            }
        }
        else
        {
            for (var k = parts.Count - 1; k >= 0; k--)
            {
                reverse.AddRange(parts[k]);
            }
        }
        return (forward, reverse);
    }

    /// <summary>A block left early (break, continue, return) records where, so the reverse sweep skips what did not run.</summary>
    private static bool NeedsMarker(EquatableArray<Statement> list)
    {
        for (var k = 0; k < list.Count; k++)
        {
            var last = k == list.Count - 1;
            var statement = list[k];
            if (statement is Break or Continue or Return)
            {
                if (!last)
                {
                    return true;
                }
            }
            else if (ContainsExit(statement))
            {
                return true;
            }
        }
        return false;
    }

    private static bool ContainsExit(Statement statement) => statement switch
    {
        Break or Continue or Return => true,
        If branch => branch.Then.Any(ContainsExit) || branch.Else.Any(ContainsExit),
        // break and continue inside a nested loop leave only that loop; return leaves everything.
        Loop loop => loop.Body.Any(ContainsReturn),
        _ => false,
    };

    private static bool ContainsReturn(Statement statement) => statement switch
    {
        Return => true,
        If branch => branch.Then.Any(ContainsReturn) || branch.Else.Any(ContainsReturn),
        Loop loop => loop.Body.Any(ContainsReturn),
        _ => false,
    };

    private static bool ContainsBreak(IEnumerable<Statement> statements) => statements.Any(s => s switch
    {
        Break => true,
        If branch => ContainsBreak(branch.Then) || ContainsBreak(branch.Else),
        _ => false,
    });

    /// <summary>The list never falls through its end (it ends with a jump, or an if whose branches all jump).</summary>
    private static bool AlwaysExits(EquatableArray<Statement> list) => list.Count > 0 && list[list.Count - 1] switch
    {
        Break or Continue or Return => true,
        If branch => AlwaysExits(branch.Then) && AlwaysExits(branch.Else),
        _ => false,
    };

    private (List<Statement>, List<BackwardStatement>) TransformStatement(Statement statement, bool isFinalReturn)
    {
        var forward = new List<Statement>();
        var reverse = new List<BackwardStatement>();
        switch (statement)
        {
            case Assign assign:
                TransformAssign(assign, forward, reverse);
                break;
            case CallStatement call:
                TransformCallStatement(call, forward, reverse);
                break;
            case Store store:
                var pair = ++_elementRecords;
                forward.Add(new SaveElement(store.Aggregate, store.Indices) { Pair = pair });
                forward.Add(store);
                if (_varied.Contains(store.Aggregate) && store.Value is Binary { Op: BinaryOp.Add or BinaryOp.Subtract, Left: ElementLoad self } update
                    && self.Aggregate == store.Aggregate && self.Indices.Equals(store.Indices) && !Names(update.Right).Contains(store.Aggregate))
                {
                    // a[i] += e: the element's adjoint passes through unchanged.
                    reverse.Add(new RestoreElement(store.Aggregate, store.Indices, store.Value.Type) { Pair = pair });
                    var element = new ElementLoad(Adjoint(store.Aggregate), store.Indices, store.Value.Type);
                    Propagate(update.Right, update.Op == BinaryOp.Add ? element : Build.Negate(element), reverse);
                }
                else if (_varied.Contains(store.Aggregate))
                {
                    var adjoint = Adjoint(store.Aggregate);
                    var value = _names.Fresh(store.Aggregate + "Adjoint");
                    reverse.Add(new DeclareValue(value, new ElementLoad(adjoint, store.Indices, store.Value.Type)));
                    reverse.Add(new SetElement(adjoint, store.Indices, new Constant(0, store.Value.Type)));
                    reverse.Add(new RestoreElement(store.Aggregate, store.Indices, store.Value.Type) { Pair = pair });
                    Propagate(store.Value, Variable.Adjoint(value, store.Value.Type), reverse);
                }
                else
                {
                    reverse.Add(new RestoreElement(store.Aggregate, store.Indices, store.Value.Type) { Pair = pair });
                }
                break;
            case If branch:
                TransformIf(branch, forward, reverse);
                break;
            case Loop loop when ReferenceEquals(loop, _fusedLoop):
                TransformFusedLoop(loop, forward, reverse);
                break;
            case Loop loop:
                TransformLoop(loop, forward, reverse);
                break;
            case Break:
                forward.AddRange(ExitPushes(toLoop: true));
                if (InnermostLoop()?.Broke is { } broke)
                {
                    forward.Add(new Assign(broke, new Constant(1, ScalarType.Bool)));
                }
                forward.Add(statement);
                break;
            case Continue:
                forward.AddRange(ExitPushes(toLoop: true));
                forward.Add(statement);
                break;
            case Return ret:
                forward.AddRange(ExitPushes(toLoop: false));
                _earlyReturn |= !isFinalReturn;
                for (var k = 0; k < ret.Elements.Count; k++)
                {
                    // Each element has a seed of its own.
                    forward.Add(new Assign(_tupleResult[k], ret.Elements[k]));
                    Propagate(ret.Elements[k], Variable.Adjoint(_method.Result.SeedName(k), ScalarType.Double), reverse);
                }
                if (ret.Scalar is { } scalar)
                {
                    forward.Add(new Assign(_resultVariable!, scalar));
                    Propagate(scalar, Variable.Adjoint(ReverseMode.Seed, scalar.Type), reverse);
                }
                if (!isFinalReturn)
                {
                    forward.Add(new ForwardReturn(null));
                }
                break;
            default:
                forward.Add(statement);
                break;
        }
        return (forward, reverse);
    }

    private LoopFrame? InnermostLoop() => _frames.OfType<LoopFrame>().FirstOrDefault();

    /// <summary>
    /// What a jump pushes for every construct it leaves, innermost first: the position in each
    /// block, each branch's choice, and (for return) each loop's count and "broke" flag.
    /// </summary>
    private IEnumerable<Statement> ExitPushes(bool toLoop)
    {
        var pushes = new List<Statement>();
        foreach (var frame in _frames)
        {
            switch (frame)
            {
                case ListFrame list when list.NeedsMarker:
                    pushes.Add(new TapePush(new Constant(list.Index, ScalarType.Int)));
                    break;
                case IfFrame branch:
                    pushes.Add(new TapePush(new Variable(branch.Condition, ScalarType.Bool)));
                    break;
                case LoopFrame loop when toLoop:
                    return pushes;
                case LoopFrame loop:
                    if (loop.Count is not null)
                    {
                        pushes.Add(new TapePush(new Variable(loop.Count, ScalarType.Int)));
                        pushes.Add(new TapePush(new Constant(1, ScalarType.Bool)));
                    }
                    break;
            }
        }
        return pushes;
    }

    private void TransformAssign(Assign assign, List<Statement> forward, List<BackwardStatement> reverse)
    {
        var type = assign.Value.Type;
        var variable = new Variable(assign.Name, type);
        // A local's first assignment outside loops (or in a fused iteration, which is reversed
        // before the next one runs) overwrites nothing the reverse sweep can read.
        var firstOutsideLoops = (_loopDepth == 0 || _loopDepth == _fusedDepth) && _locals.Contains(assign.Name) && _assigned.Add(assign.Name);
        var restore = !_noRestore.Contains(assign) && !firstOutsideLoops;

        // i = i + c on an integer is undone by i = i - c: no tape.
        if (!type.IsReal() && assign.Value is Binary { Op: BinaryOp.Add or BinaryOp.Subtract, Left: Variable self, Right: Constant step } increment && self.Name == assign.Name)
        {
            forward.Add(assign);
            var inverse = increment.Op == BinaryOp.Add ? BinaryOp.Subtract : BinaryOp.Add;
            reverse.Add(new RestoreByComputing(assign.Name, new Binary(inverse, variable, step, type)));
            return;
        }
        if (_recomputed.Contains(assign))
        {
            restore = false;
        }
        if (assign.Value is DifferentiableCall call)
        {
            TransformCall(assign, call, restore, forward, reverse);
            return;
        }
        if (restore)
        {
            forward.Add(new SaveVariable(assign.Name, type));
        }
        forward.Add(assign);
        if (firstOutsideLoops && _loopDepth == 0 && !FlowActivity.IsVaried(assign.Value, _varied))
        {
            // Nothing before this assignment reads the variable, and its value is a constant of the
            // sweep. (In a fused iteration its adjoint must still be cleared for the next iteration.)
            return;
        }
        if (!type.IsReal() || !_varied.Contains(assign.Name))
        {
            if (restore)
            {
                reverse.Add(new RestoreVariable(assign.Name, type));
            }
            return;
        }
        var adjoint = Variable.Adjoint(Adjoint(assign.Name), type);
        // s = s + e (s not in e): the adjoint of s passes through unchanged.
        if (assign.Value is Binary { Op: BinaryOp.Add or BinaryOp.Subtract, Left: Variable left } sum && left.Name == assign.Name && !Mentions(sum.Right, assign.Name))
        {
            if (restore)
            {
                reverse.Add(new RestoreVariable(assign.Name, type));
            }
            Propagate(sum.Right, sum.Op == BinaryOp.Add ? adjoint : Build.Negate(adjoint), reverse);
            return;
        }
        var saved = _names.Fresh(assign.Name + "Adjoint");
        reverse.Add(new DeclareValue(saved, adjoint));
        reverse.Add(new SetLocal(adjoint.Name, new Constant(0, type)));
        if (Mentions(assign.Value, assign.Name))
        {
            // v = f(v): f's derivative needs v's old value, so restore it first.
            if (restore)
            {
                reverse.Add(new RestoreVariable(assign.Name, type));
            }
            Propagate(assign.Value, Variable.Adjoint(saved, type), reverse);
            return;
        }
        // v still holds this assignment's value: a Math call's derivative reads it instead of recomputing.
        Propagate(assign.Value, Variable.Adjoint(saved, type), reverse, result: assign.Value is MathCall ? variable : null);
        if (restore)
        {
            reverse.Add(new RestoreVariable(assign.Name, type));
        }
    }

    /// <summary>
    /// <c>v = G(args)</c>: the forward sweep calls G's taped forward (recording on this tape);
    /// the reverse sweep always calls G's taped reverse, which reads G's records back, with v's
    /// adjoint as seed; scalar arguments receive their adjoints through fresh locals.
    /// </summary>
    private void TransformCall(Assign assign, DifferentiableCall call, bool restore, List<Statement> forward, List<BackwardStatement> reverse)
    {
        if (restore)
        {
            forward.Add(new SaveVariable(assign.Name, call.Type));
        }
        forward.Add(assign);
        Expr seed = new Constant(0, call.Type);
        if (_varied.Contains(assign.Name))
        {
            var adjoint = Adjoint(assign.Name);
            var saved = _names.Fresh(assign.Name + "Adjoint");
            reverse.Add(new DeclareValue(saved, Variable.Adjoint(adjoint, call.Type)));
            reverse.Add(new SetLocal(adjoint, new Constant(0, call.Type)));
            seed = Variable.Adjoint(saved, call.Type);
        }
        var (buffers, scalarAdjoints) = CalleeBuffers(call, reverse);
        reverse.Add(new ReverseCall(call, seed, buffers.ToEquatableArray()));
        foreach (var (argument, adjoint, type) in scalarAdjoints)
        {
            Propagate(argument, Variable.Adjoint(adjoint, type), reverse);
        }
        // The variable's old value was recorded before the callee's records: it is read back after them.
        // (The variable is the call's own temporary, so the arguments never read it.)
        if (restore)
        {
            reverse.Add(new RestoreVariable(assign.Name, call.Type));
        }
    }

    /// <summary>
    /// The gradient buffers a call's reverse passes, in the callee's parameter order: an input's
    /// gradient buffer, a local's or output's adjoint buffer, or scratch; scalar parameters get
    /// fresh adjoint locals (declared here), which the caller propagates after the call.
    /// </summary>
    private (List<string> Buffers, List<(Expr Argument, string Adjoint, ScalarType Type)> ScalarAdjoints) CalleeBuffers(DifferentiableCall call, List<BackwardStatement> reverse)
    {
        var buffers = new List<string>();
        var scalarAdjoints = new List<(Expr Argument, string Adjoint, ScalarType Type)>();
        for (var k = 0; k < call.Parameters.Count; k++)
        {
            var parameter = call.Parameters[k];
            if (!parameter.IsDifferentiable)
            {
                continue;
            }
            var argument = call.Arguments[k];
            if (parameter.Kind == ParameterKind.Scalar)
            {
                var adjoint = _names.Fresh(parameter.Name + "Adjoint");
                reverse.Add(new DeclareValue(adjoint, new Constant(0, parameter.ElementType)));
                buffers.Add(adjoint);
                scalarAdjoints.Add((argument, adjoint, parameter.ElementType));
                continue;
            }
            var aggregate = ((AggregateArgument)argument).Aggregate;
            var ownBuffer = _parameters.TryGetValue(aggregate, out var own) && own.IsDifferentiable
                || _varied.Contains(aggregate) && (!_parameters.ContainsKey(aggregate) || own!.Kind == ParameterKind.OutputSpan);
            // A scratch buffer per call lives until the tape is released: not once per fused iteration.
            _fusionBlocked |= !ownBuffer && _fusedDepth >= 0;
            // An input's gradient buffer; a local or output holding active values: its adjoint buffer.
            buffers.Add(own is { IsDifferentiable: true } ? ReverseMode.GradientName(aggregate)
                : _varied.Contains(aggregate) && (!_parameters.ContainsKey(aggregate) || own!.Kind == ParameterKind.OutputSpan) ? Adjoint(aggregate)
                : parameter.Kind == ParameterKind.Tensor ? $"global::SourceGen.Autodiff.Tensor.ZerosLike({aggregate})"
                : parameter.ElementType == ScalarType.Float ? $"new global::System.Span<float>(tape.ScratchSingle({aggregate}.Length), 0, {aggregate}.Length)"
                : $"new global::System.Span<double>(tape.Scratch({aggregate}.Length), 0, {aggregate}.Length)");
        }
        return (buffers, scalarAdjoints);
    }

    private static bool Mentions(Expr expr, string name)
    {
        var found = false;
        ExprRewriter.Walk(expr, e => found |= e is Variable v && v.Name == name);
        return found;
    }

    private void TransformIf(If branch, List<Statement> forward, List<BackwardStatement> reverse)
    {
        var condition = _names.Fresh("branch");
        _extraLocals.Add(new LocalVariable(condition, ScalarType.Bool));
        forward.Add(new Assign(condition, branch.Condition));
        _frames.Push(new IfFrame(condition));
        // Each branch is its own path: a local first assigned in both is a first assignment in both.
        var assignedBefore = new HashSet<string>(_assigned);
        var (thenForward, thenReverse) = TransformList(branch.Then);
        var assignedInThen = _assigned;
        _assigned = assignedBefore;
        var (elseForward, elseReverse) = TransformList(branch.Else);
        _assigned.UnionWith(assignedInThen);
        _frames.Pop();
        forward.Add(new If(new Variable(condition, ScalarType.Bool), thenForward.ToEquatableArray(), elseForward.ToEquatableArray()));
        if (_fusedDepth >= 0 && _loopDepth == _fusedDepth && !ContainsExit(branch))
        {
            // In a fused iteration (outside its inner loops) the choice is still in its variable when the reverse runs.
            reverse.Add(new BackwardIf(new Variable(condition, ScalarType.Bool), thenReverse.ToEquatableArray(), elseReverse.ToEquatableArray()));
            return;
        }
        if (!(AlwaysExits(branch.Then) && AlwaysExits(branch.Else)))
        {
            forward.Add(new TapePush(new Variable(condition, ScalarType.Bool)));
        }
        reverse.Add(new BackwardIf(new TapePop(ScalarType.Bool), thenReverse.ToEquatableArray(), elseReverse.ToEquatableArray())
        {
            Record = ContainsExit(branch) ? null : condition,
        });
    }
}
