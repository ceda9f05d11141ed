using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace SourceGen.Autodiff.Generator.Tests.RandomPrograms;

/// <summary>
/// Whether every name a program uses is declared in scope where it is used: a cheap filter for
/// the shrinker, whose edits often remove a declaration (compiling those candidates only to
/// throw them away made shrinking several times slower).
/// </summary>
public static class ScopeCheck
{
    private static readonly Regex Name = new(@"\b[A-Za-z_]\w*\b", RegexOptions.Compiled);
    private static readonly Regex IntDeclaration = new(@"^int (\w+) =", RegexOptions.Compiled);
    private static readonly HashSet<string> Keywords = new() { "int", "Length", "Math", "double", "Tensor" };

    public static bool IsValid(RandomProgram program)
    {
        // Names of helpers are in scope after their declaration (a helper calls earlier ones only).
        var methods = new List<string>();
        foreach (var helper in program.Helpers)
        {
            if (!Block(helper.Body, new List<string>(helper.Parameters.Select(p => p.Name).Concat(methods))))
            {
                return false;
            }
            methods.Add(helper.Name);
        }
        return Block(program.Body, new List<string>(program.Parameters.Select(p => p.Name).Concat(methods)));
    }

    private static bool Block(IReadOnlyList<Stmt> block, List<string> scope)
    {
        var mark = scope.Count;
        var valid = block.All(s => Statement(s, scope));
        scope.RemoveRange(mark, scope.Count - mark);
        return valid;
    }

    private static bool Statement(Stmt s, List<string> scope)
    {
        switch (s)
        {
            case Declare d:
                if (!Expression(d.Value, scope))
                {
                    return false;
                }
                scope.Add(d.Name);
                return true;
            case DeclareArray a:
                if (!Text(a.Length, scope))
                {
                    return false;
                }
                scope.Add(a.Name);
                return true;
            case Assign a:
                return scope.Contains(a.Name) && Expression(a.Value, scope);
            case DeclareRef r:
                if (!Text(r.Target, scope))
                {
                    return false;
                }
                scope.Add(r.Name);
                return true;
            case DeclareTensor t:
                if (!Text(t.Length, scope))
                {
                    return false;
                }
                scope.Add(t.Name);
                return true;
            case DeclareUnassigned d:
                scope.Add(d.Name);
                return true;
            case Increment i:
                return scope.Contains(i.Name);
            case SwapArrays w:
                return scope.Contains(w.First) && scope.Contains(w.Second);
            case AssignElement e:
                return scope.Contains(e.Array) && Text(e.Index, scope) && Expression(e.Value, scope);
            case IntCode c:
                var declared = IntDeclaration.Match(c.Text);
                if (declared.Success)
                {
                    if (!Text(c.Text.Substring(declared.Length), scope))
                    {
                        return false;
                    }
                    scope.Add(declared.Groups[1].Value);
                    return true;
                }
                return Text(c.Text, scope);
            case If i:
                return Condition(i.Condition, scope) && Block(i.Then, scope) && (i.Else is null || Block(i.Else, scope));
            case For f:
                var mark = scope.Count;
                var init = IntDeclaration.Match(f.Init);
                var valid = init.Success && Text(f.Init.Substring(init.Length), scope);
                scope.Add(init.Groups[1].Value);
                valid = valid && Condition(f.Condition, scope) && Text(f.Step, scope) && Block(f.Body, scope);
                scope.RemoveRange(mark, scope.Count - mark);
                return valid;
            case While w:
                return Condition(w.Condition, scope) && Block(w.Body, scope);
            case ForEach f:
                if (!scope.Contains(f.Array))
                {
                    return false;
                }
                scope.Add(f.Variable);
                var ok = Block(f.Body, scope);
                scope.Remove(f.Variable);
                return ok;
            case Return r:
                return (r.Value is null || Expression(r.Value, scope)) && (r.Array is null || scope.Contains(r.Array));
            default:
                return true;
        }
    }

    private static bool Expression(Expr e, List<string> scope) => e switch
    {
        Var v => scope.Contains(v.Name),
        Element el => scope.Contains(el.Array) && Text(el.Index, scope),
        Negate n => Expression(n.Operand, scope),
        Binary b => Expression(b.Left, scope) && Expression(b.Right, scope),
        Call c => c.Arguments.All(a => Expression(a, scope)),
        Ternary t => Condition(t.Condition, scope) && Expression(t.WhenTrue, scope) && Expression(t.WhenFalse, scope),
        Invoke i => scope.Contains(i.Method) && i.Arguments.All(a => Expression(a, scope)),
        ArrayArgument a => scope.Contains(a.Name),
        IntValue i => Text(i.Text, scope),
        AssignValue a => Text(a.Target, scope) && Expression(a.Value, scope),
        IncrementValue i => Text(i.Target, scope),
        _ => true,
    };

    private static bool Condition(Cond c, List<string> scope) => c switch
    {
        Compare k => Expression(k.Left, scope) && Expression(k.Right, scope),
        IntCond i => Text(i.Text, scope),
        And a => Condition(a.Left, scope) && Condition(a.Right, scope),
        Or o => Condition(o.Left, scope) && Condition(o.Right, scope),
        Not n => Condition(n.Operand, scope),
        _ => true,
    };

    private static bool Text(string code, List<string> scope) =>
        Name.Matches(code).All(m => Keywords.Contains(m.Value) || scope.Contains(m.Value));
}
