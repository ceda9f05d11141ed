using System.Collections.Generic;
using System.Linq;
using SourceGen.Autodiff.Generator.Differentiation;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Emission;

/// <summary>
/// How the Backward method declares its own record spans (the pass that puts the records there
/// is Differentiation/LocalRecords.cs). Records kept in the Backward method's own locals: a span of values and a span of decisions,
/// each with a count, on the stack until they outgrow it (then in the tape's pooled storage).
/// A push is a compare and a store, a read a load; the JIT keeps the spans and counts in
/// registers, which it cannot do with the fields of a shared <c>Tape</c> object (measured on the
/// MLP benchmark: 14.7 µs with the tape object, 10.5 µs with locals, 10.0 µs with a hand-sized
/// stack buffer). A method that calls another [Differentiable] method keeps the tape object:
/// the callee's taped entry points push on it and read it back.
/// </summary>
internal static class LocalTape
{
    /// <summary>Stack space for records before the tape's pooled storage takes over (doubles and ints).</summary>
    public const int StackRecords = 32;

    public const string Values = "tapeValues";
    public const string ValueCount = "tapeCount";
    public const string Decisions = "tapeDecisions";
    public const string DecisionCount = "tapeDecisionCount";

    /// <summary>Branch choices and integers go to the decisions; reals and longs to the values (as the tape object keeps them).</summary>
    public static bool IsDecision(ScalarType type) => LocalRecords.IsDecision(type);

    /// <summary>Which record spans the program uses: (values, decisions).</summary>
    public static (bool Values, bool Decisions) Uses(BackwardProgram program)
    {
        bool values = false, decisions = false;
        void Push(TapePush push)
        {
            if (IsDecision(push.Value.Type))
            {
                decisions = true;
            }
            else
            {
                values = true;
            }
        }
        void Walk(IEnumerable<Statement> statements)
        {
            foreach (var statement in statements)
            {
                switch (statement)
                {
                    case TapePush push: Push(push); break;
                    case If branch: Walk(branch.Then); Walk(branch.Else); break;
                    case Loop loop: Walk(loop.Body); break;
                }
            }
        }
        Walk(program.Forward);
        return (values, decisions);
    }
}
