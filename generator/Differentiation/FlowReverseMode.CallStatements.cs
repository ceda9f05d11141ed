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
