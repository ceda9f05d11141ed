using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Differentiation;

/// <summary>
/// The reverse-mode transform of straight-line SSA code. Statements are visited last to first;
/// when a value's definition is reached every use has contributed its term, so its adjoint is
/// the (simplified) sum of those terms, pushed through the definition with the derivative rules.
/// Whole-tensor expressions become one loop over flat elements.
/// </summary>
internal sealed partial class ReverseMode
{
    public const string Seed = "seed";

    private readonly MethodModel _method;
    private readonly NameAllocator _names;
    private readonly Dictionary<string, TensorExpr> _tensorLets = new();
    private readonly Dictionary<string, ParameterModel> _parameters;
    private ActivityAnalysis _activity = null!;
    private List<BackwardStatement> _out = new();
    private AdjointSink _sink = new();

    private readonly PassOptions _options;

    private ReverseMode(MethodModel method, PassOptions options)
    {
        _method = method;
        _options = options;
        _parameters = method.Parameters.ToDictionary(p => p.Name);
        _names = new NameAllocator(method.Body.UsedNames.Concat(ReservedNames(method)));
    }

    public static IEnumerable<string> ReservedNames(MethodModel method) =>
        new[] { Seed, "pullback" }.Concat(method.Parameters.Select(p => GradientName(p.Name)));

    public static string GradientName(string parameter) => Identifiers.Derive(parameter, "Grad");

    public static BackwardProgram Differentiate(MethodModel method, PassOptions options) => new ReverseMode(method, options).Run();

    private BackwardProgram Run()
    {
        var forward = ForwardPreparation.Prepare(_method, _names, out var resultName);
        _activity = new ActivityAnalysis(_method, forward);
        foreach (var tensorLet in forward.OfType<TensorLet>())
        {
            _tensorLets[tensorLet.Name] = tensorLet.Value;
        }
        var finalStores = FinalOutputStores(forward);

        for (var i = forward.Count - 1; i >= 0; i--)
        {
            switch (forward[i])
            {
                case Return { Scalar: Variable v }:
                    if (_activity.IsVaried(v))
                    {
                        _sink.AddScalar(v.Name, Variable.Adjoint(Seed, v.Type));
                    }
                    break;
                case Return { Tensor: TensorRef tensor }:
                    if (_activity.IsVaried(tensor))
                    {
                        ElementwiseLoop(tensor, elementAdjoint: null);
                    }
                    break;
                case Store store when finalStores.Contains(store):
                    var seedElement = new ElementLoad(Seed, store.Indices, store.Value.Type);
                    Propagate(store.Value, seedElement, store.Aggregate + "Bar" + string.Concat(store.Indices.Select(IndexText)));
                    break;
                case Let let when let.Value.Type.IsReal():
                    var terms = _sink.TakeScalar(let.Name);
                    if (terms is not null)
                    {
                        Propagate(let.Value, Build.Sum(terms, let.Value.Type), let.Name + "Bar", let.Name);
                    }
                    break;
            }
        }

        foreach (var parameter in _method.Parameters.Where(p => p.IsDifferentiable && p.Kind == ParameterKind.Scalar))
        {
            var terms = _sink.TakeScalar(parameter.Name);
            if (terms is not null)
            {
                _out.Add(new AccumulateScalarGradient(GradientName(parameter.Name), Build.Sum(terms, parameter.ElementType)));
            }
        }
        foreach (var (buffer, indices, terms) in _sink.Elements.OrderBy(e => e.Buffer, System.StringComparer.Ordinal).ThenBy(e => string.Join(",", e.Indices.Select(IndexText)), System.StringComparer.Ordinal))
        {
            _out.Add(new AccumulateElementGradient(buffer, indices, Build.Sum(terms, terms[0].Type)));
        }

        var captured = CapturedValues(forward);
        var program = new BackwardProgram(_method, forward.ToEquatableArray(), _out.ToEquatableArray(), captured, resultName);
        var totals = new Dictionary<TensorSum, string>();
        if (!_options.FusedSums || FuseSums(forward, totals) is not { } fused)
        {
            return program;
        }
        var reverse = _out.Select(b => UseTotals(b, totals)).ToList();
        fused = DropUnreadTensorLocals(fused, reverse);
        MergeReverseLoops(fused, reverse);
        return program with { FusedBackward = program with { Forward = fused.ToEquatableArray(), Reverse = reverse.ToEquatableArray() } };
    }

    private static string IndexText(Expr index) =>
        index is Constant c ? c.Value.ToString(CultureInfo.InvariantCulture) : "i";

    /// <summary>The last store to each element of the result (earlier ones are overwritten: their adjoint is zero).</summary>
    private HashSet<Store> FinalOutputStores(List<Statement> forward)
    {
        var outputs = new HashSet<string>(_method.Parameters.Where(p => p.Kind == ParameterKind.OutputSpan).Select(p => p.Name));
        if (forward.LastOrDefault() is Return { Aggregate: { } returned })
        {
            outputs.Add(returned);
        }
        var seen = new HashSet<(string, EquatableArray<Expr>)>();
        var final = new HashSet<Store>(ReferenceComparer<Store>.Instance);
        for (var i = forward.Count - 1; i >= 0; i--)
        {
            if (forward[i] is Store store && outputs.Contains(store.Aggregate) && seen.Add((store.Aggregate, store.Indices)))
            {
                final.Add(store);
            }
        }
        return final;
    }

    /// <summary>Sends adjoint <paramref name="adjoint"/> of <paramref name="expr"/> into its operands.</summary>
    private void Propagate(Expr expr, Expr adjoint, string hint, string? resultName = null)
    {
        if (!_activity.IsVaried(expr))
        {
            return;
        }
        if (!IsAtomic(adjoint) && VariedLeaves(expr) > 1)
        {
            var name = _names.Fresh(hint);
            _out.Add(new DeclareValue(name, adjoint));
            adjoint = Variable.Adjoint(name, adjoint.Type);
        }
        switch (expr)
        {
            case Variable v:
                _sink.AddScalar(v.Name, adjoint);
                break;
            case ElementLoad load when _tensorLets.ContainsKey(load.Aggregate):
                // An element of a tensor local is the local's elementwise expression at that index.
                Propagate(ElementOf(new TensorRef(load.Aggregate), load.Indices), adjoint, hint);
                break;
            case ElementLoad load:
                _sink.AddElement(GradientName(load.Aggregate), load.Indices, adjoint);
                break;
            case FlatElement element:
                _sink.AddFlat(element.Tensor, adjoint);
                break;
            case TensorSum sum:
                ElementwiseLoop(sum.Tensor, adjoint);
                break;
            default:
                var value = resultName is not null && expr is MathCall call ? new Variable(resultName, call.Type) : null;
                foreach (var (operand, partial) in DerivativeRules.Partials(expr, adjoint, value) ?? System.Array.Empty<(Expr, Expr)>())
                {
                    Propagate(operand, partial, hint);
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
            if (e is Variable or ElementLoad or FlatElement or TensorSum && _activity.IsVaried(e))
            {
                count++;
            }
        });
        return count;
    }

    /// <summary>
    /// The scalar expression for one element of a whole-tensor expression: tensor locals are
    /// expanded (they are pure elementwise functions of the inputs); tensor inputs are read at
    /// <paramref name="indices"/>, or at the flat index <paramref name="flatIndex"/> inside an
    /// elementwise loop.
    /// </summary>
    private Expr ElementOf(TensorExpr tensor, EquatableArray<Expr> indices, string? flatIndex = null) => tensor switch
    {
        TensorRef r when _tensorLets.TryGetValue(r.Name, out var value) => ElementOf(value, indices, flatIndex),
        TensorRef r => flatIndex is null ? new ElementLoad(r.Name, indices, ScalarType.Double) : new FlatElement(r.Name, flatIndex),
        TensorScalar s => s.Value,
        TensorBinary b => Build.Binary(b.Op, ElementOf(b.Left, indices, flatIndex), ElementOf(b.Right, indices, flatIndex)),
        TensorNegate n => Build.Negate(ElementOf(n.Operand, indices, flatIndex)),
        _ => Build.Real(0),
    };

    private string? FirstInput(TensorExpr tensor) => tensor switch
    {
        TensorRef r when _tensorLets.TryGetValue(r.Name, out var value) => FirstInput(value),
        TensorRef r => r.Name,
        TensorBinary b => FirstInput(b.Left) ?? FirstInput(b.Right),
        TensorNegate n => FirstInput(n.Operand),
        _ => null,
    };

    /// <summary>
    /// One loop over the flat elements: the adjoint of each element is the seed's element (a
    /// returned tensor) or <paramref name="elementAdjoint"/> (a Sum). Contributions to scalars
    /// are summed in accumulators declared before the loop.
    /// </summary>
    private void ElementwiseLoop(TensorExpr tensor, Expr? elementAdjoint)
    {
        var index = _names.Fresh("i");
        var element = ElementOf(tensor, EquatableArray<Expr>.Empty, index);
        var outerOut = _out;
        var outerSink = _sink;
        _out = new List<BackwardStatement>();
        _sink = new AdjointSink();

        Propagate(element, elementAdjoint ?? new FlatElement(Seed, index), "elementBar");

        foreach (var tensorName in _sink.FlatOrder)
        {
            _out.Add(new AccumulateElementGradient(GradientName(tensorName), EquatableArray.Create<Expr>(new Variable(index, ScalarType.Int)), Build.Sum(_sink.Flat[tensorName], ScalarType.Double)));
        }
        var accumulators = new List<string>();
        foreach (var name in _sink.ScalarOrder.ToList())
        {
            var accumulator = _names.Fresh(name + "BarSum");
            accumulators.Add(accumulator);
            _out.Add(new AccumulateLocal(accumulator, Build.Sum(_sink.Scalars[name], ScalarType.Double)));
            outerSink.AddScalar(name, Variable.Adjoint(accumulator, ScalarType.Double));
        }
        foreach (var (buffer, indices, terms) in _sink.Elements)
        {
            var accumulator = _names.Fresh(buffer + "Sum");
            accumulators.Add(accumulator);
            _out.Add(new AccumulateLocal(accumulator, Build.Sum(terms, ScalarType.Double)));
            outerSink.AddElement(buffer, indices, Variable.Adjoint(accumulator, ScalarType.Double));
        }

        var read = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var statement in _out)
        {
            foreach (var expr in ExpressionsOf(statement))
            {
                ExprRewriter.Walk(expr, e =>
                {
                    if (e is FlatElement f)
                    {
                        read.Add(f.Tensor);
                    }
                });
            }
        }
        // Values that do not depend on the element (a broadcast scalar's adjoint) are computed once, before the loop.
        var invariant = new HashSet<string>();
        var body = new List<BackwardStatement>();
        foreach (var statement in _out)
        {
            if (statement is DeclareValue declare && !DependsOnElement(declare.Value, index, invariant))
            {
                outerOut.Add(declare);
                invariant.Add(declare.Name);
            }
            else
            {
                body.Add(statement);
            }
        }
        var loop = new ElementLoop(index, FirstInput(tensor) ?? Seed, accumulators.ToEquatableArray(), read.ToEquatableArray(),
            _sink.FlatOrder.Select(GradientName).ToEquatableArray(), body.ToEquatableArray());
        _out = outerOut;
        _sink = outerSink;
        _out.Add(loop);
    }

    private bool DependsOnElement(Expr expr, string index, HashSet<string> invariant)
    {
        var depends = false;
        ExprRewriter.Walk(expr, e => depends |= e is FlatElement || e is Variable v && (v.Name == index || IsLoopLocal(v.Name, invariant)));
        return depends;
    }

    /// <summary>Names declared inside the current loop body (not hoisted) depend on the element.</summary>
    private bool IsLoopLocal(string name, HashSet<string> invariant) =>
        !invariant.Contains(name) && _out.OfType<DeclareValue>().Any(d => d.Name == name);

    private static IEnumerable<Expr> ExpressionsOf(BackwardStatement statement)
    {
        switch (statement)
        {
            case DeclareValue d: yield return d.Value; break;
            case AccumulateScalarGradient s: yield return s.Value; break;
            case AccumulateElementGradient e:
                yield return e.Value;
                foreach (var i in e.Indices) { yield return i; }
                break;
            case AccumulateLocal l: yield return l.Value; break;
            case ElementLoop loop:
                foreach (var inner in loop.Body)
                {
                    foreach (var expr in ExpressionsOf(inner)) { yield return expr; }
                }
                break;
        }
    }

    /// <summary>Forward values and inputs the reverse sweep reads: what a pullback must keep.</summary>
    private EquatableArray<string> CapturedValues(List<Statement> forward)
    {
        var forwardNames = new HashSet<string>(forward.OfType<Let>().Select(l => l.Name).Concat(forward.OfType<TensorLet>().Select(t => t.Name)));
        forwardNames.UnionWith(_method.Parameters.Select(p => p.Name));
        var captured = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var statement in _out)
        {
            foreach (var expr in ExpressionsOf(statement))
            {
                ExprRewriter.Walk(expr, e =>
                {
                    var name = e switch
                    {
                        Variable v => v.Name,
                        ElementLoad l => l.Aggregate,
                        FlatElement f => f.Tensor,
                        LengthOf l => l.Aggregate,
                        AggregateArgument a => a.Aggregate,
                        TensorDimension d => d.Tensor,
                        _ => null,
                    };
                    if (name is not null && forwardNames.Contains(name))
                    {
                        captured.Add(name);
                    }
                });
            }
            if (statement is ElementLoop loop && forwardNames.Contains(loop.LengthOf))
            {
                captured.Add(loop.LengthOf);
            }
        }
        return captured.ToEquatableArray();
    }
}
