using System;
using System.Linq;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.IR;

/// <summary>Rewriting every expression of reverse-sweep statements, nested blocks included.</summary>
internal static class BackwardRewriter
{
    /// <summary>Rebuilds <paramref name="statement"/> with <paramref name="rewrite"/> applied to every expression node in it (see <see cref="ExprRewriter.Rewrite(Expr, Func{Expr, Expr})"/>).</summary>
    public static BackwardStatement Rewrite(BackwardStatement statement, Func<Expr, Expr> rewrite)
    {
        Expr Map(Expr e) => ExprRewriter.Rewrite(e, rewrite);
        EquatableArray<Expr> MapAll(EquatableArray<Expr> es) => es.Select(Map).ToEquatableArray();
        EquatableArray<BackwardStatement> Block(EquatableArray<BackwardStatement> block) => block.Select(b => Rewrite(b, rewrite)).ToEquatableArray();
        return statement switch
        {
            DeclareValue d => d with { Value = Map(d.Value) },
            SetLocal l => l with { Value = Map(l.Value) },
            AccumulateLocal a => a with { Value = Map(a.Value) },
            AccumulateScalarGradient g => g with { Value = Map(g.Value) },
            AccumulateElementGradient e => e with { Value = Map(e.Value), Indices = MapAll(e.Indices) },
            SetElement e => e with { Value = Map(e.Value), Indices = MapAll(e.Indices) },
            RestoreByComputing r => r with { Value = Map(r.Value) },
            BackwardIf b => b with { Condition = Map(b.Condition), Then = Block(b.Then), Else = Block(b.Else) },
            BackwardFor f => f with { Start = Map(f.Start), Condition = Map(f.Condition), Body = Block(f.Body) },
            ElementLoop loop => loop with { Body = Block(loop.Body) },
            _ => statement,
        };
    }
}
