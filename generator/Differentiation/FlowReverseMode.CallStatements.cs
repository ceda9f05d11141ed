using System.Collections.Generic;
using System.Linq;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Differentiation;

/// <summary>Calls to void [Differentiable] methods that write a Span output (<see cref="CallStatement"/>).</summary>
internal sealed partial class FlowReverseMode
{
    /// <summary>
    /// <c>G(args, q);</c>: the forward sweep calls G's taped forward, first recording q's old
    /// elements when something may read them later (in a loop, or after an earlier write); the
    /// reverse calls G's taped reverse with q's adjoint buffer as seed, which G's reverse reads and
    /// clears where G wrote (an element G left alone keeps its adjoint, as it keeps its value),
    /// then puts q's old elements back. G's reverse runs while q still holds what G wrote.
    /// </summary>
    private void TransformCallStatement(CallStatement statement, List<Statement> forward, List<BackwardStatement> reverse)
    {
        if (statement.Targets.Count > 0)
        {
            TransformTupleCall(statement, forward, reverse);
            return;
        }
        var output = statement.Output;
        var save = !statement.Declares && (_loopDepth > 0 || WrittenBefore(_method.Body.Statements, output, statement) != false);
        forward.Add(statement with { SaveOutput = save });
        // Fused iterations rewind the tape after their reverse: the output records would go with it.
        _fusionBlocked |= _fusedDepth >= 0;
        var element = _parameters.TryGetValue(output, out var own) ? own.ElementType : ElementTypeOf(output);
        Expr seed = _varied.Contains(output)
            ? new AggregateArgument(Adjoint(output)) { Element = element }
            : new AggregateArgument($"new {SpanText(element)}(tape.{(element == ScalarType.Float ? "ScratchSingle" : "Scratch")}({output}.Length), 0, {output}.Length)");
        var (buffers, scalarAdjoints) = CalleeBuffers(statement.Call, reverse);
        reverse.Add(new ReverseCall(statement.Call, seed, buffers.ToEquatableArray()) { RestoresOutput = save });
        foreach (var (argument, adjoint, type) in scalarAdjoints)
        {
            Propagate(argument, Variable.Adjoint(adjoint, type), reverse);
        }
    }

    /// <summary>
    /// <c>(a, b) = G(args);</c>: as a scalar call, with one seed per element: each target's
    /// adjoint, taken and cleared. Targets overwritten (in a loop, or assigned before) are
    /// recorded before the callee's records and read back after its reverse.
    /// </summary>
    private void TransformTupleCall(CallStatement statement, List<Statement> forward, List<BackwardStatement> reverse)
    {
        var restored = new List<string>();
        foreach (var target in statement.Targets)
        {
            var first = (_loopDepth == 0 || _loopDepth == _fusedDepth) && _locals.Contains(target) && _assigned.Add(target);
            if (!first)
            {
                forward.Add(new SaveVariable(target, ScalarType.Double));
                restored.Add(target);
            }
        }
        forward.Add(statement);
        _fusionBlocked |= _fusedDepth >= 0;
        var seeds = new List<Expr>();
        foreach (var target in statement.Targets)
        {
            if (!_varied.Contains(target))
            {
                seeds.Add(new Constant(0, ScalarType.Double));
                continue;
            }
            var saved = _names.Fresh(target + "Adjoint");
            reverse.Add(new DeclareValue(saved, Variable.Adjoint(Adjoint(target), ScalarType.Double)));
            reverse.Add(new SetLocal(Adjoint(target), new Constant(0, ScalarType.Double)));
            seeds.Add(Variable.Adjoint(saved, ScalarType.Double));
        }
        var (buffers, scalarAdjoints) = CalleeBuffers(statement.Call, reverse);
        reverse.Add(new ReverseCall(statement.Call, new Constant(0, ScalarType.Double), buffers.ToEquatableArray()) { Seeds = seeds.ToEquatableArray() });
        foreach (var (argument, adjoint, type) in scalarAdjoints)
        {
            Propagate(argument, Variable.Adjoint(adjoint, type), reverse);
        }
        for (var k = restored.Count - 1; k >= 0; k--)
        {
            reverse.Add(new RestoreVariable(restored[k], ScalarType.Double));
        }
    }

    private static string SpanText(ScalarType element) => $"global::System.Span<{element.Keyword()}>";

    /// <summary>
    /// Whether <paramref name="aggregate"/> is written before <paramref name="until"/> in program
    /// order: true, false, or null when <paramref name="until"/> is not in <paramref name="statements"/>.
    /// </summary>
    private static bool? WrittenBefore(IEnumerable<Statement> statements, string aggregate, Statement until)
    {
        var written = false;
        foreach (var statement in statements)
        {
            if (ReferenceEquals(statement, until))
            {
                return written;
            }
            switch (statement)
            {
                case Store store when store.Aggregate == aggregate:
                case CallStatement call when call.Output == aggregate:
                    written = true;
                    break;
                case If branch:
                    if (WrittenBefore(branch.Then, aggregate, until) is { } inThen)
                    {
                        return written || inThen;
                    }
                    if (WrittenBefore(branch.Else, aggregate, until) is { } inElse)
                    {
                        return written || inElse;
                    }
                    written |= WritesTo(branch.Then, aggregate) || WritesTo(branch.Else, aggregate);
                    break;
                case Loop loop:
                    written |= WritesTo(loop.Body, aggregate);
                    break;
            }
        }
        return null;
    }

    private static bool WritesTo(IEnumerable<Statement> statements, string aggregate) => statements.Any(s => s switch
    {
        Store store => store.Aggregate == aggregate,
        CallStatement call => call.Output == aggregate,
        If branch => WritesTo(branch.Then, aggregate) || WritesTo(branch.Else, aggregate),
        Loop loop => WritesTo(loop.Body, aggregate),
        _ => false,
    });
}
