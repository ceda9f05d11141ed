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
            Block(body, 0, found, new HashSet<string>());
        }
        return found;
    }

    /// <param name="refs">The ref locals declared so far, to tell updates through them.</param>
    private static void Block(IReadOnlyList<Stmt> block, int loops, HashSet<string> found, HashSet<string> refs)
    {
        for (var n = 0; n < block.Count; n++)
        {
            switch (block[n])
            {
                case Declare d:
                    Chain(d.Value, found);
                    Expression(d.Value, found);
                    break;
                case Assign a:
                    found.Add($"assign {a.Op}" + (loops > 0 ? " in loop" : ""));
                    if (refs.Contains(a.Name))
                    {
                        found.Add("update through a ref");
                    }
                    Chain(a.Value, found);
                    Expression(a.Value, found);
                    break;
                case AssignElement e:
                    found.Add($"element {e.Op}" + (loops > 0 ? " in loop" : ""));
                    if (e.Index.Contains("++") || e.Index.Contains("--"))
                    {
                        found.Add("++ or -- in the index of an element written");
                    }
                    Chain(e.Value, found);
                    Expression(e.Value, found);
                    break;
                case DeclareRef r:
                    refs.Add(r.Name);
                    found.Add(r.ReadOnly ? "ref readonly to an element" : r.Target.Contains('[') ? "ref to an element" : "ref to a variable");
                    if (n + 1 < block.Count && block[n + 1] is IntCode { Text: var moved } && r.Target.EndsWith("[" + IndexVariable(moved) + "]", System.StringComparison.Ordinal))
                    {
                        found.Add("index moved after a ref to its element");
                    }
                    break;
                case DeclareArray:
                    found.Add("local array");
                    break;
                case SwapArrays:
                    found.Add(loops > 0 ? "arrays swapped in a loop" : "arrays swapped");
                    break;
                case DeclareTensor:
                    found.Add("local tensor");
                    break;
                case DeclareUnassigned:
                    found.Add("local assigned on every branch");
                    break;
                case Increment i:
                    found.Add("++ or -- on a double");
                    if (refs.Contains(i.Name))
                    {
                        found.Add("update through a ref");
                    }
                    break;
                case If i:
                    found.Add(i.Else is null ? "if" : i.Else is [If] ? "else if" : "if/else");
                    if (i.Condition is Compare { Left: AssignValue or IncrementValue })
                    {
                        found.Add("assignment in an if condition");
                    }
                    Condition(i.Condition, found);
                    Block(i.Then, loops, found, refs);
                    Block(i.Else ?? new List<Stmt>(), loops, found, refs);
                    break;
                case For f:
                    Loop("for", loops, found);
                    Block(f.Body, loops + 1, found, refs);
                    break;
                case While w:
                    Loop(w.Do ? "do" : "while", loops, found);
                    if (w.Condition is And { Right: Compare })
                    {
                        found.Add("loop exit on a double comparison");
                    }
                    Block(w.Body, loops + 1, found, refs);
                    break;
                case ForEach f:
                    Loop("foreach", loops, found);
                    Block(f.Body, loops + 1, found, refs);
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

    /// <summary>The int a statement like <c>k++;</c> or <c>--k;</c> moves.</summary>
    private static string IndexVariable(string code) => code.Trim('+', '-', ';', ' ').Split(' ')[0];

    /// <summary><c>a = b = value</c>: the value of a statement is itself an assignment.</summary>
    private static void Chain(Expr value, HashSet<string> found)
    {
        if (value is AssignValue)
        {
            found.Add("assignment chain");
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
            case Element el when el.Index.Contains("++") || el.Index.Contains("--"):
                found.Add("++ or -- in an index");
                break;
            case IncrementValue:
                found.Add("++ or -- used as a value");
                break;
            case AssignValue a:
                found.Add(a.Op == "=" ? "assignment used as a value" : "compound assignment used as a value");
                Expression(a.Value, found);
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
