using System.Collections.Generic;
using System.Linq;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Differentiation;

/// <summary>
/// Reverse mode for methods with branches and loops. The forward sweep runs the method as
/// written and pushes on a tape what the reverse sweep cannot recompute: values about to be
/// overwritten (only of variables the reverse sweep reads), branch choices, iteration counts
/// and where a block was left by break, continue or return. The reverse sweep mirrors the
/// structure: it pops the decisions to replay the same path backwards, restores overwritten
/// values, and accumulates adjoints in mutable locals. Counted for loops
/// (<c>for (i = s; i &lt; e; i++)</c>) need no tape: they run backwards from their bounds.
/// </summary>
internal sealed partial class FlowReverseMode
{
    private readonly MethodModel _method;
    private readonly NameAllocator _names;
    private readonly HashSet<string> _varied;
    private readonly Dictionary<string, ParameterModel> _parameters;
    private readonly Dictionary<string, string> _adjoints = new();
    private readonly List<LocalVariable> _extraLocals = new();
    private readonly HashSet<string> _locals;
    private HashSet<string> _assigned = new();
    private readonly HashSet<Statement> _noRestore = new(ReferenceComparer<Statement>.Instance);
    private readonly HashSet<Loop> _canonical = new(ReferenceComparer<Loop>.Instance);
    private readonly Stack<Frame> _frames = new();
    private readonly string? _resultVariable;

    /// <summary>A tuple result: one variable per element, returned as <c>(dx, dy)</c>.</summary>
    private readonly List<string> _tupleResult = new();
    private readonly string? _resultAggregate;
    private int _loopDepth;
    private bool _earlyReturn;

    private readonly PassOptions _options;

    private FlowReverseMode(MethodModel method, PassOptions options)
    {
        _method = method;
        _options = options;
        _parameters = method.Parameters.ToDictionary(p => p.Name);
        _names = new NameAllocator(method.Body.UsedNames.Concat(ReverseMode.ReservedNames(method)).Concat(Identifiers.Generated)
            .Concat(method.Result.Elements.Select((_, k) => method.Result.SeedName(k))));
        _varied = FlowActivity.VariedNames(method);
        // A Span output's adjoint always exists, even when what is written is constant: a calling
        // method passes its own adjoint buffer as the seed, and the elements written must be cleared.
        _varied.UnionWith(method.Parameters.Where(p => p.Kind == ParameterKind.OutputSpan).Select(p => p.Name));
        _locals = new HashSet<string>(method.Body.Locals.Select(l => l.Name));
        if (method.Result.Kind == ResultKind.Scalar)
        {
            _resultVariable = _names.Fresh("result");
            _extraLocals.Add(new LocalVariable(_resultVariable, method.Result.ElementType));
        }
        foreach (var element in method.Result.Kind == ResultKind.Tuple ? method.Result.Elements : EquatableArray<string>.Empty)
        {
            _tupleResult.Add(_names.Fresh(element));
            _extraLocals.Add(new LocalVariable(_tupleResult[_tupleResult.Count - 1], ScalarType.Double));
        }
        _resultAggregate = FindReturnedAggregate(method.Body.Statements) ?? method.Parameters.FirstOrDefault(p => p.Kind == ParameterKind.OutputSpan)?.Name;
    }

    /// <summary>The program for every generated member (the pipeline derives Backward's from it).</summary>
    public static BackwardProgram Transform(MethodModel method, PassOptions options) => new FlowReverseMode(method, options).Run();

    /// <summary>The Backward program with one loop fused (its iterations reversed as they run), or null when no loop qualifies.</summary>
    public static BackwardProgram? Fuse(MethodModel method, PassOptions options) => new FlowReverseMode(method, options).RunFused();

    /// <summary>The program the Backward method prints (fused where a loop allows and fusion is on), without tangents.</summary>
    public static BackwardProgram DifferentiateForBackward(MethodModel method, PassOptions options) =>
        (options.LoopFusion ? Fuse(method, options) : null) ?? Transform(method, options);

    private abstract record Frame;

    /// <summary>A statement list; <c>Index</c> is the 1-based position being transformed.</summary>
    private sealed record ListFrame(bool NeedsMarker) : Frame
    {
        public int Index { get; set; }
    }

    private sealed record IfFrame(string Condition) : Frame;

    private sealed record LoopFrame(string? Count, string? Broke) : Frame;

    private BackwardProgram Run()
    {
        var (forward, reverse) = TransformList(_method.Body.Statements, isMethodBody: true);

        var prologue = new List<BackwardStatement>();
        foreach (var (name, type) in ScalarNames().Where(n => _varied.Contains(n.Name)))
        {
            prologue.Add(new DeclareValue(Adjoint(name), new Constant(0, type)));
        }
        foreach (var aggregate in LocalAggregates(_method.Body.Statements).Where(_varied.Contains))
        {
            var isTensor = IsTensorAggregate(aggregate);
            prologue.Add(new DeclareBuffer(Adjoint(aggregate), aggregate, isTensor, aggregate == _resultAggregate ? ReverseMode.Seed : null) { Element = ElementTypeOf(aggregate) });
        }
        if (_resultAggregate is not null && _parameters.TryGetValue(_resultAggregate, out var output) && _varied.Contains(output.Name))
        {
            prologue.Add(new DeclareBuffer(Adjoint(output.Name), output.Name, false, ReverseMode.Seed) { Element = output.ElementType });
        }
        var epilogue = _method.Parameters
            .Where(p => p.IsDifferentiable && p.Kind == ParameterKind.Scalar)
            .Select(p => (BackwardStatement)new AccumulateScalarGradient(ReverseMode.GradientName(p.Name), Variable.Adjoint(Adjoint(p.Name), p.ElementType)))
            .ToList();

        var allReverse = prologue.Concat(reverse).Concat(epilogue).ToList();
        (forward, allReverse) = DropUnreadElementRecords(forward, allReverse);
        var needed = NeededNames(allReverse.Concat(RunReverse.Within(forward)).ToList());
        var unused = new HashSet<string>();
        var finalReverse = DropEmptyReplays(FinalizeReverse(allReverse, needed), unused);
        var finalForward = FinalizeForward(forward, needed, unused);
        finalForward = DropRecords(finalForward, unused);
        if (_resultAggregate is not null && needed.Contains(_resultAggregate))
        {
            // The reverse sweep restores old elements: it works on a copy, never on the returned result.
            var copy = _names.Fresh(_resultAggregate + "Values");
            finalReverse = Rename(finalReverse, _resultAggregate, copy, ElementTypeOf(_resultAggregate));
            finalReverse.Insert(0, new DeclareBuffer(copy, _resultAggregate, IsTensorAggregate(_resultAggregate), _resultAggregate) { Element = ElementTypeOf(_resultAggregate) });
        }

        var locals = _method.Body.Locals.Concat(_extraLocals).ToEquatableArray();
        var captured = Captured(finalReverse, locals);
        return new BackwardProgram(_method, finalForward.ToEquatableArray(), finalReverse.ToEquatableArray(), captured, _resultVariable ?? _resultAggregate ?? TupleText())
        {
            UsesTape = true,
            NeedsTape = UsesTapeStorage(finalForward, finalReverse),
            ForwardLocals = locals,
            HasEarlyReturn = _earlyReturn,
        };
    }

    private string? TupleText() => _tupleResult.Count == 0 ? null : "(" + string.Join(", ", _tupleResult) + ")";

    private IEnumerable<(string Name, ScalarType Type)> ScalarNames() =>
        _method.Parameters.Where(p => p.Kind == ParameterKind.Scalar).Select(p => (p.Name, p.ElementType)).Concat(_method.Body.Locals.Select(l => (l.Name, l.Type)));

    private ScalarType ElementTypeOf(string aggregate) =>
        _parameters.TryGetValue(aggregate, out var p) ? p.ElementType
        : FindAllocation(_method.Body.Statements, aggregate) is AllocateArray array ? array.ElementType
        : ScalarType.Double;

    private string Adjoint(string name)
    {
        if (!_adjoints.TryGetValue(name, out var adjoint))
        {
            _adjoints[name] = adjoint = _names.Fresh(name + "Bar");
        }
        return adjoint;
    }

    private bool IsTensorAggregate(string name) =>
        _parameters.TryGetValue(name, out var p) ? p.Kind == ParameterKind.Tensor : FindAllocation(_method.Body.Statements, name) is AllocateTensor;

    private static Statement? FindAllocation(IEnumerable<Statement> statements, string name) =>
        statements.FirstOrDefault(s => s is AllocateArray a && a.Name == name || s is AllocateTensor t && t.Name == name);

    private static IEnumerable<string> LocalAggregates(IEnumerable<Statement> statements) =>
        statements.Select(s => s switch { AllocateArray a => a.Name, AllocateTensor t => t.Name, CallStatement { Declares: true } c => c.Output, _ => null }).Where(n => n is not null)!;

    private static string? FindReturnedAggregate(IEnumerable<Statement> statements)
    {
        foreach (var statement in statements)
        {
            var found = statement switch
            {
                Return { Aggregate: { } aggregate } => aggregate,
                If branch => FindReturnedAggregate(branch.Then) ?? FindReturnedAggregate(branch.Else),
                Loop loop => FindReturnedAggregate(loop.Body),
                _ => null,
            };
            if (found is not null)
            {
                return found;
            }
        }
        return null;
    }

    /// <summary>
    /// A branch whose reverse does nothing in either arm, or a replayed loop whose reverse body is
    /// empty, needs no record: both the replay and the forward pushes go (<paramref name="unused"/>
    /// collects the forward variables whose pushes are dropped).
    /// </summary>
    private static List<BackwardStatement> DropEmptyReplays(List<BackwardStatement> statements, HashSet<string> unused)
    {
        var result = new List<BackwardStatement>();
        for (var i = 0; i < statements.Count; i++)
        {
            switch (statements[i])
            {
                case BackwardIf { Record: { } record, Then.Count: 0, Else.Count: 0 }:
                    unused.Add(record);
                    break;
                case BackwardIf b:
                    result.Add(b with { Then = DropEmptyReplays(b.Then.ToList(), unused).ToEquatableArray(), Else = DropEmptyReplays(b.Else.ToList(), unused).ToEquatableArray() });
                    break;
                case BackwardFor f:
                    var body = DropEmptyReplays(f.Body.ToList(), unused);
                    if (body.Count == 0 && f.Records.Count > 0)
                    {
                        // Its count (and flag) were read into the declarations just before it.
                        unused.UnionWith(f.Records);
                        result.RemoveRange(result.Count - f.Records.Count, f.Records.Count);
                        break;
                    }
                    result.Add(f with { Body = body.ToEquatableArray() });
                    break;
                default:
                    result.Add(statements[i]);
                    break;
            }
        }
        return result;
    }

    private static List<Statement> DropRecords(IEnumerable<Statement> statements, HashSet<string> unused) =>
        statements.Where(s => s is not TapePush { Value: Variable v } || !unused.Contains(v.Name)).Select(s => s switch
        {
            If branch => branch with { Then = DropRecords(branch.Then, unused).ToEquatableArray(), Else = DropRecords(branch.Else, unused).ToEquatableArray() },
            Loop loop => loop with { Body = DropRecords(loop.Body, unused).ToEquatableArray(), Step = DropRecords(loop.Step, unused).ToEquatableArray() },
            _ => s,
        }).ToList();

    private static bool UsesTapeStorage(List<Statement> forward, List<BackwardStatement> reverse)
    {
        var uses = false;
        void Forward(IEnumerable<Statement> statements)
        {
            foreach (var statement in statements)
            {
                switch (statement)
                {
                    case TapePush: uses = true; break;
                    case Assign { Value: DifferentiableCall { UserDerivative: null } }: uses = true; break;
                    case CallStatement: uses = true; break;
                    case RunReverse run: Reverse(run.Statements); break;
                    case If branch: Forward(branch.Then); Forward(branch.Else); break;
                    case Loop loop: Forward(loop.Body); Forward(loop.Step); break;
                }
            }
        }
        void Reverse(IEnumerable<BackwardStatement> statements)
        {
            foreach (var statement in statements)
            {
                switch (statement)
                {
                    case DeclareBuffer { IsTensor: false }: uses = true; break;
                    case ReverseCall: uses = true; break;
                    case BackwardIf b: Reverse(b.Then); Reverse(b.Else); break;
                    case BackwardFor f: Reverse(f.Body); break;
                }
            }
        }
        Forward(forward);
        Reverse(reverse);
        return uses;
    }
}
