using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SourceGen.Autodiff.Generator.IR;

namespace SourceGen.Autodiff.Generator.Lowering;

/// <summary>
/// Tuple assignment from a tuple literal: <c>(a, b) = (b, a + b)</c>, <c>var (q, p) = (q0, p0)</c>,
/// <c>(double u, double v) = (x, 2 * y)</c>. As in C#, every value on the right is computed
/// before any target is written (each copied into a temporary), then the targets are written
/// left to right, so a swap swaps.
/// </summary>
internal sealed partial class BodyLowerer
{
    private static bool IsTupleLiteralAssignment(IDeconstructionAssignmentOperation deconstruction) =>
        StripConversions(deconstruction.Value) is ITupleOperation;

    private void LowerTupleLiteralAssignment(IDeconstructionAssignmentOperation deconstruction)
    {
        var targets = TupleElements(deconstruction.Target);
        var values = ((ITupleOperation)StripConversions(deconstruction.Value)).Elements;
        if (targets is null || targets.Count != values.Length || targets.Any(t => t is ITupleOperation))
        {
            Unsupported(deconstruction.Target, "tuple assignment is supported between a tuple of variables or elements and a tuple of values of the same length, without nesting");
            return;
        }
        if (deconstruction.Descendants().Any(IsNestedWrite))
        {
            Unsupported(deconstruction, "an assignment or increment inside a tuple assignment; move it into a statement of its own");
            return;
        }
        var computed = new List<Expr>();
        foreach (var value in values)
        {
            var lowered = LowerScalar(value);
            if (lowered is null)
            {
                return;
            }
            computed.Add(values.Length > 1 ? Capture(lowered, "tupleItem") : lowered);
        }
        for (var k = 0; k < targets.Count; k++)
        {
            AssignLowered(targets[k], null, computed[k], null, deconstruction);
        }
    }

    /// <summary>The variables or elements of <c>(a, b)</c>, <c>var (a, b)</c> or <c>(double a, double b)</c>, or null.</summary>
    private static List<IOperation>? TupleElements(IOperation target)
    {
        var tuple = target is IDeclarationExpressionOperation { Expression: ITupleOperation declared } ? declared : target as ITupleOperation;
        return tuple?.Elements.Select(e => e is IDeclarationExpressionOperation { Expression: var inner } ? inner : e).ToList();
    }
}
