using System.Collections.Generic;
using System.Linq;

namespace SourceGen.Autodiff.Generator.Tests.RandomPrograms;

/// <summary>Which constructs a program uses, to show (and assert) that a run covers the subset.</summary>
public static class Coverage
{
    public static IEnumerable<string> Of(RandomProgram program)
    {
        var found = new HashSet<string> { "result " + program.Result };
        foreach (var p in program.Parameters)
        {
            found.Add("parameter " + p.Kind + (p.Kind == ParameterKind.Tensor ? $" rank {p.Shape.Length}" : "") + (p.NoGradient ? " [NoGradient]" : ""));
        }
        if (program.Helpers.Count > 0)
        {
            found.Add("helper methods");
        }
        if (program.Helpers.Any(h => h.Body is [Return]))
        {
            found.Add("expression-bodied helper");
        }
        foreach (var body in program.Helpers.Select(h => h.Body).Append(program.Body))
        {
            Block(body, 0, found);
        }
        return found;
    }

    private static void Block(IEnumerable<Stmt> block, int loops, HashSet<string> found)
    {
        foreach (var s in block)
        {
            switch (s)
            {
                case Declare d:
                    Expression(d.Value, found);
                    break;
                case Assign a:
                    found.Add($"assign {a.Op}" + (loops > 0 ? " in loop" : ""));
                    Expression(a.Value, found);
                    break;
                case AssignElement e:
                    found.Add($"element {e.Op}" + (loops > 0 ? " in loop" : ""));
                    Expression(e.Value, found);
                    break;
                case DeclareArray:
                    found.Add("local array");
                    break;
                case DeclareTensor:
                    found.Add("local tensor");
                    break;
                case DeclareUnassigned:
                    found.Add("local assigned on every branch");
                    break;
                case Increment:
                    found.Add("++ or -- on a double");
                    break;
                case If i:
                    found.Add(i.Else is null ? "if" : i.Else is [If] ? "else if" : "if/else");
                    Condition(i.Condition, found);
                    Block(i.Then, loops, found);
                    Block(i.Else ?? new List<Stmt>(), loops, found);
                    break;
                case For f:
                    Loop("for", loops, found);
                    Block(f.Body, loops + 1, found);
                    break;
                case While w:
                    Loop(w.Do ? "do" : "while", loops, found);
                    if (w.Condition is And { Right: Compare })
                    {
                        found.Add("loop exit on a double comparison");
                    }
                    Block(w.Body, loops + 1, found);
                    break;
                case ForEach f:
                    Loop("foreach", loops, found);
                    Block(f.Body, loops + 1, found);
                    break;
                case Break:
                    found.Add("break");
                    break;
                case Continue:
                    found.Add("continue");
                    break;
                case Return r when !(r.Value is null && r.Array is null):
                    found.Add(loops > 0 ? "early return in loop" : "return");
                    if (r.Value is not null)
                    {
                        Expression(r.Value, found);
                    }
                    break;
            }
        }
    }

    private static void Loop(string kind, int loops, HashSet<string> found)
    {
        found.Add(kind);
        if (loops > 0)
        {
            found.Add("nested loop");
        }
    }

    private static void Expression(Expr e, HashSet<string> found)
    {
        switch (e)
        {
            case Binary b:
                found.Add("operator " + b.Op);
                Expression(b.Left, found);
                Expression(b.Right, found);
                break;
            case Negate n:
                found.Add("unary -");
                Expression(n.Operand, found);
                break;
            case Call c:
                found.Add("Math " + c.Function);
                c.Arguments.ToList().ForEach(a => Expression(a, found));
                break;
            case Ternary t:
                found.Add("?:");
                Condition(t.Condition, found);
                Expression(t.WhenTrue, found);
                Expression(t.WhenFalse, found);
                break;
            case IntValue:
                found.Add("int as double");
                break;
            case Invoke i:
                found.Add("call");
                if (i.Arguments.Any(a => a is ArrayArgument))
                {
                    found.Add("call with an array argument");
                }
                i.Arguments.ToList().ForEach(a => Expression(a, found));
                break;
        }
    }

    private static void Condition(Cond c, HashSet<string> found)
    {
        switch (c)
        {
            case And a:
                found.Add("&&");
                Condition(a.Left, found);
                Condition(a.Right, found);
                break;
            case Or o:
                found.Add("||");
                Condition(o.Left, found);
                Condition(o.Right, found);
                break;
            case Not n:
                found.Add("!");
                Condition(n.Operand, found);
                break;
            case Compare k:
                found.Add("comparison " + k.Op);
                Expression(k.Left, found);
                Expression(k.Right, found);
                break;
        }
    }
}
