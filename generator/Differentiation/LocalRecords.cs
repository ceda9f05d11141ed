using System.Collections.Generic;
using System.Linq;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Differentiation;

/// <summary>
/// The LocalRecords pass: the Backward program's pushes and reads go to the method's own spans
/// of values and decisions (on the stack until they outgrow it) instead of the shared tape
/// object, and counted loops reserve their room once before they start. The JIT keeps spans and
/// counts in registers, which it cannot do with a tape object's fields (MLP benchmark: 14.7 µs
/// with the tape object, 10.5 µs with locals). A program that calls another [Differentiable]
/// method keeps the tape object: the callee's taped entry points push on it and read it back.
/// Emission/LocalTape.cs prints the spans.
/// </summary>
internal static class LocalRecords
{
    /// <summary>The program with its records local where it allows, marked <see cref="BackwardProgram.LocalRecords"/>.</summary>
    public static BackwardProgram Apply(BackwardProgram program) =>
        program.UsesTape && program.NeedsTape && Applies(program) ? Rewrite(program) with { LocalRecords = true } : program;

    /// <summary>The program records only its own values and decisions, and none in a for loop's step (which holds expressions only).</summary>
    private static bool Applies(BackwardProgram program) => !NeedsTapeObject(program.Forward) && !FlowReverseMode.CallsTapedReverse(program.Reverse);

    /// <summary>Branch choices and integers go to the decisions; reals and longs to the values (as the tape object keeps them).</summary>
    public static bool IsDecision(ScalarType type) => type is ScalarType.Bool or ScalarType.Int;

    /// <summary>Marks every push and read as local; a fused iteration then needs no reader.</summary>
    private static BackwardProgram Rewrite(BackwardProgram program) => program with
    {
        Forward = Forward(program.Forward).ToEquatableArray(),
        Reverse = Reverse(program.Reverse).ToEquatableArray(),
    };

    /// <summary>A call to a taped forward, or a push in a loop's step.</summary>
    private static bool NeedsTapeObject(IEnumerable<Statement> statements) => statements.Any(s => s switch
    {
        Assign assign => CallsTapedForward(assign.Value),
        Store store => CallsTapedForward(store.Value),
        CallStatement => true,
        Loop loop => loop.Step.Any(step => step is TapePush) || CallsTapedForward(loop.Condition) || NeedsTapeObject(loop.Body) || NeedsTapeObject(loop.Step),
        If branch => CallsTapedForward(branch.Condition) || NeedsTapeObject(branch.Then) || NeedsTapeObject(branch.Else),
        RunReverse run => FlowReverseMode.CallsTapedReverse(run.Statements),
        _ => false,
    });

    private static bool CallsTapedForward(Expr expr)
    {
        var calls = false;
        ExprRewriter.Walk(expr, e => calls |= e is DifferentiableCall { UserDerivative: null });
        return calls;
    }


    private static IEnumerable<Statement> Forward(IEnumerable<Statement> statements) => statements.Select(s => s switch
    {
        TapePush push => push with { Local = true },
        If branch => branch with { Then = Forward(branch.Then).ToEquatableArray(), Else = Forward(branch.Else).ToEquatableArray() },
        Loop { TripCount: { } trips } loop => Reserve(loop, trips),
        Loop loop => loop with { Body = Forward(loop.Body).ToEquatableArray() },
        RunReverse run => run with { Statements = Reverse(run.Statements).ToEquatableArray(), ReadsTape = false },
        _ => s,
    });

    /// <summary>
    /// A counted loop reserves room for the values and decisions each iteration records (the
    /// longer branch of each if) times its trip count, once before it starts: the pushes in its
    /// body need no check, and the loop no call that would make the JIT keep its variables on
    /// the stack. Only for the kind of record its nested loops do not make: what they record
    /// would land in the room.
    /// </summary>
    private static Loop Reserve(Loop loop, Expr trips)
    {
        var body = Forward(loop.Body).ToList();
        // A fused iteration reads its records back before the next one runs: room for one iteration is enough.
        var fused = loop.FusedIteration is not null;
        Expr? Room(int pushes) => pushes == 0 ? null
            : fused ? new Constant(pushes, ScalarType.Int)
            : Build.Multiply(new Constant(pushes, ScalarType.Int), trips);

        var values = 0;
        if (!NestedLoopRecords(body, decisions: false))
        {
            (body, values) = ReservedPushes(body, decisions: false);
        }
        var decisions = 0;
        if (!NestedLoopRecords(body, decisions: true))
        {
            (body, decisions) = ReservedPushes(body, decisions: true);
        }
        return loop with { Body = body.ToEquatableArray(), ReserveValues = Room(values), ReserveDecisions = Room(decisions) };
    }

    private static bool NestedLoopRecords(IEnumerable<Statement> statements, bool decisions) => statements.Any(s => s switch
    {
        Loop loop => Records(loop.Body, decisions),
        If branch => NestedLoopRecords(branch.Then, decisions) || NestedLoopRecords(branch.Else, decisions),
        _ => false,
    });

    private static bool Records(IEnumerable<Statement> statements, bool decisions) => statements.Any(s => s switch
    {
        TapePush push => IsDecision(push.Value.Type) == decisions,
        Loop loop => Records(loop.Body, decisions),
        If branch => Records(branch.Then, decisions) || Records(branch.Else, decisions),
        _ => false,
    });

    /// <summary>Marks one kind of push of one iteration as reserved; returns how many one iteration makes at most.</summary>
    private static (List<Statement> Body, int Pushes) ReservedPushes(IEnumerable<Statement> statements, bool decisions)
    {
        var body = new List<Statement>();
        var pushes = 0;
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case TapePush push when IsDecision(push.Value.Type) == decisions:
                    body.Add(push with { Reserved = true });
                    pushes++;
                    break;
                case If branch:
                    var (then, thenPushes) = ReservedPushes(branch.Then, decisions);
                    var (otherwise, elsePushes) = ReservedPushes(branch.Else, decisions);
                    body.Add(branch with { Then = then.ToEquatableArray(), Else = otherwise.ToEquatableArray() });
                    pushes += System.Math.Max(thenPushes, elsePushes);
                    break;
                default:
                    body.Add(statement);
                    break;
            }
        }
        return (body, pushes);
    }

    private static IEnumerable<BackwardStatement> Reverse(IEnumerable<BackwardStatement> statements) =>
        statements.Select(s => BackwardRewriter.Rewrite(s, e => e is TapePop pop ? pop with { Local = true } : e));
}
