using System.Collections.Generic;
using System.Linq;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Differentiation;

/// <summary>
/// Activity of mutable variables in methods with branches and loops: a variable (or array) is
/// varied if any assignment to it is, iterated to a fixed point because loops carry values
/// backwards through the text.
/// </summary>
internal static class FlowActivity
{
    public static HashSet<string> VariedNames(MethodModel method)
    {
        var varied = new HashSet<string>(method.Parameters.Where(p => p.IsDifferentiable).Select(p => p.Name));
        var assignments = new List<(string Target, Expr Value)>();
        Collect(method.Body.Statements, assignments);
        bool changed;
        do
        {
            changed = false;
            foreach (var (target, value) in assignments)
            {
                if (!varied.Contains(target) && IsVaried(value, varied))
                {
                    varied.Add(target);
                    changed = true;
                }
            }
        }
        while (changed);
        return varied;
    }

    /// <summary>Whether what the method returns (or writes into its Span output) depends on a differentiable parameter.</summary>
    public static bool ResultIsVaried(MethodModel method)
    {
        var varied = VariedNames(method);
        if (method.Parameters.Any(p => p.Kind == ParameterKind.OutputSpan && varied.Contains(p.Name)))
        {
            return true;
        }
        return AnyReturnVaried(method.Body.Statements, varied);
    }

    private static bool AnyReturnVaried(IEnumerable<Statement> statements, HashSet<string> varied) => statements.Any(s => s switch
    {
        Return { Scalar: { } scalar } => IsVaried(scalar, varied),
        Return { Elements.Count: > 0 } tuple => tuple.Elements.Any(e => IsVaried(e, varied)),
        Return { Aggregate: { } aggregate } => varied.Contains(aggregate),
        If branch => AnyReturnVaried(branch.Then, varied) || AnyReturnVaried(branch.Else, varied),
        Loop loop => AnyReturnVaried(loop.Body, varied),
        _ => false,
    });

    private static void Collect(IEnumerable<Statement> statements, List<(string, Expr)> assignments)
    {
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case Assign assign when assign.Value.Type.IsReal():
                    assignments.Add((assign.Name, assign.Value));
                    break;
                case Store store:
                    assignments.Add((store.Aggregate, store.Value));
                    break;
                case CallStatement call:
                    assignments.Add((call.Output, call.Call));
                    assignments.AddRange(call.Targets.Select(t => (t, (Expr)call.Call)));
                    break;
                case If branch:
                    Collect(branch.Then, assignments);
                    Collect(branch.Else, assignments);
                    break;
                case Loop loop:
                    Collect(loop.Body, assignments);
                    Collect(loop.Step, assignments);
                    break;
            }
        }
    }

    /// <summary>
    /// Whether a real value depends on one of the <paramref name="varied"/> names (the one rule of
    /// forward activity, shared by lowering and both reverse-mode backends).
    /// </summary>
    public static bool IsVaried(Expr expr, ISet<string> varied) => expr switch
    {
        _ when !expr.Type.IsReal() => false,
        Variable v => varied.Contains(v.Name),
        ElementLoad l => varied.Contains(l.Aggregate),
        FlatElement f => varied.Contains(f.Tensor),
        AggregateArgument a => varied.Contains(a.Aggregate),
        Unary { Op: UnaryOp.StopGradient } => false,
        Unary u => IsVaried(u.Operand, varied),
        Binary b => IsVaried(b.Left, varied) || IsVaried(b.Right, varied),
        Conditional c => IsVaried(c.WhenTrue, varied) || IsVaried(c.WhenFalse, varied),
        MathCall m => m.Arguments.Any(a => IsVaried(a, varied)),
        Convert c => IsVaried(c.Operand, varied),
        DifferentiableCall call => call.Arguments.Any(a => IsVaried(a, varied)),
        TensorSum s => IsVaried(s.Tensor, varied),
        _ => false,
    };

    public static bool IsVaried(TensorExpr expr, ISet<string> varied) => expr switch
    {
        TensorRef r => varied.Contains(r.Name),
        TensorScalar s => IsVaried(s.Value, varied),
        TensorBinary b => IsVaried(b.Left, varied) || IsVaried(b.Right, varied),
        TensorNegate n => IsVaried(n.Operand, varied),
        _ => false,
    };
}
