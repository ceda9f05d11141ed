using System;
using System.Linq;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.IR;

/// <summary>Bottom-up rewriting and walking of expression trees.</summary>
internal static class ExprRewriter
{
    /// <summary>Rebuilds <paramref name="expr"/> with <paramref name="rewrite"/> applied to every node, children first.</summary>
    public static Expr Rewrite(Expr expr, Func<Expr, Expr> rewrite)
    {
        var rebuilt = expr switch
        {
            Unary u => u with { Operand = Rewrite(u.Operand, rewrite) },
            Binary b => b with { Left = Rewrite(b.Left, rewrite), Right = Rewrite(b.Right, rewrite) },
            Conditional c => c with { Condition = Rewrite(c.Condition, rewrite), WhenTrue = Rewrite(c.WhenTrue, rewrite), WhenFalse = Rewrite(c.WhenFalse, rewrite) },
            MathCall m => m with { Arguments = m.Arguments.Select(a => Rewrite(a, rewrite)).ToEquatableArray() },
            ExternalCall c => c with { Arguments = c.Arguments.Select(a => Rewrite(a, rewrite)).ToEquatableArray() },
            DataRead d => d with { Holes = d.Holes.Select(h => Rewrite(h, rewrite)).ToEquatableArray() },
            DifferentiableCall c => c with { Arguments = c.Arguments.Select(a => Rewrite(a, rewrite)).ToEquatableArray() },
            ElementLoad l => l with { Indices = l.Indices.Select(i => Rewrite(i, rewrite)).ToEquatableArray() },
            Convert c => c with { Operand = Rewrite(c.Operand, rewrite) },
            TensorDimension d => d with { Dimension = Rewrite(d.Dimension, rewrite) },
            TensorSum s => s with { Tensor = Rewrite(s.Tensor, rewrite) },
            _ => expr,
        };
        return rewrite(rebuilt);
    }

    public static TensorExpr Rewrite(TensorExpr expr, Func<Expr, Expr> rewrite) => expr switch
    {
        TensorScalar s => s with { Value = Rewrite(s.Value, rewrite) },
        TensorBinary b => b with { Left = Rewrite(b.Left, rewrite), Right = Rewrite(b.Right, rewrite) },
        TensorNegate n => n with { Operand = Rewrite(n.Operand, rewrite) },
        _ => expr,
    };

    /// <summary>Calls <paramref name="visit"/> on every node, parents first.</summary>
    public static void Walk(Expr expr, Action<Expr> visit)
    {
        visit(expr);
        switch (expr)
        {
            case Unary u: Walk(u.Operand, visit); break;
            case Binary b: Walk(b.Left, visit); Walk(b.Right, visit); break;
            case Conditional c: Walk(c.Condition, visit); Walk(c.WhenTrue, visit); Walk(c.WhenFalse, visit); break;
            case MathCall m: foreach (var a in m.Arguments) { Walk(a, visit); } break;
            case ExternalCall c: foreach (var a in c.Arguments) { Walk(a, visit); } break;
            case DataRead d: foreach (var h in d.Holes) { Walk(h, visit); } break;
            case DifferentiableCall c: foreach (var a in c.Arguments) { Walk(a, visit); } break;
            case ElementLoad l: foreach (var i in l.Indices) { Walk(i, visit); } break;
            case Convert c: Walk(c.Operand, visit); break;
            case TensorDimension d: Walk(d.Dimension, visit); break;
            case TensorSum s: Walk(s.Tensor, visit); break;
        }
    }

    public static void Walk(TensorExpr expr, Action<Expr> visit)
    {
        switch (expr)
        {
            case TensorScalar s: Walk(s.Value, visit); break;
            case TensorBinary b: Walk(b.Left, visit); Walk(b.Right, visit); break;
            case TensorNegate n: Walk(n.Operand, visit); break;
        }
    }
}
