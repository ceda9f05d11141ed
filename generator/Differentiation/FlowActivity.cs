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

    public static bool IsVaried(Expr expr, ISet<string> varied)
    {
        if (!expr.Type.IsReal())
        {
            return false;
        }
        var result = false;
        Visit(expr, varied, ref result);
        return result;
    }

    private static void Visit(Expr expr, ISet<string> varied, ref bool result)
    {
        switch (expr)
        {
            case Variable v:
                result |= varied.Contains(v.Name);
                break;
            case ElementLoad l:
                result |= varied.Contains(l.Aggregate);
                break;
            case Unary { Op: UnaryOp.StopGradient }:
                break;
            case Unary u:
                Visit(u.Operand, varied, ref result);
                break;
            case Binary b when b.Type.IsReal():
                Visit(b.Left, varied, ref result);
                Visit(b.Right, varied, ref result);
                break;
            case Conditional c:
                Visit(c.WhenTrue, varied, ref result);
                Visit(c.WhenFalse, varied, ref result);
                break;
            case MathCall m when m.Type.IsReal():
                foreach (var a in m.Arguments)
                {
                    Visit(a, varied, ref result);
                }
                break;
            case Convert c when c.Type.IsReal():
                Visit(c.Operand, varied, ref result);
                break;
            case DifferentiableCall call:
                foreach (var a in call.Arguments)
                {
                    Visit(a, varied, ref result);
                }
                break;
            case AggregateArgument a:
                result |= varied.Contains(a.Aggregate);
                break;
        }
    }
}
