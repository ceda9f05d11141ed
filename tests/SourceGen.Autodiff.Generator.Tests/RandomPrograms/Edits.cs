using System.Collections.Generic;
using System.Linq;

namespace SourceGen.Autodiff.Generator.Tests.RandomPrograms;

/// <summary>
/// Every program one small edit away from a given one, for the shrinker: a statement removed, a
/// branch or loop replaced by its body, an expression replaced by a part of it or a constant, a
/// parameter dropped. Many results do not compile (a variable loses its declaration); the shrinker
/// drops those. Denominators are only edited inside, so a division stays safe.
/// </summary>
public static class Edits
{
    public static IEnumerable<RandomProgram> Of(RandomProgram program)
    {
        foreach (var body in Block(program.Body))
        {
            yield return program with { Body = body };
        }
        for (var h = 0; h < program.Helpers.Count; h++)
        {
            var index = h;
            yield return program with { Helpers = program.Helpers.Where((_, j) => j != index).ToList() };
            foreach (var body in Block(program.Helpers[h].Body))
            {
                yield return program with { Helpers = program.Helpers.Select((m, j) => j == index ? m with { Body = body } : m).ToList() };
            }
        }
        for (var i = 0; i < program.Parameters.Count; i++)
        {
            var p = program.Parameters[i];
            if (p.Kind != ParameterKind.Output)
            {
                yield return program with { Parameters = program.Parameters.Where((_, j) => j != i).ToList() };
            }
            if (p.IsArray && p.Length > 1)
            {
                yield return program with { Parameters = program.Parameters.Select((q, j) => j == i ? q with { Length = q.Length - 1 } : q).ToList() };
            }
            if (p.IsArray && p.NoGradient)
            {
                yield return program with { Parameters = program.Parameters.Select((q, j) => j == i ? q with { NoGradient = false } : q).ToList() };
            }
        }
    }

    /// <summary>How big a program is: the shrinker prefers the smallest failing candidate.</summary>
    public static int Size(RandomProgram program) =>
        program.Parameters.Sum(p => 1 + p.Length + (p.NoGradient ? 1 : 0)) + program.Body.Sum(Size) +
        program.Helpers.Sum(h => 1 + h.Parameters.Count + h.Body.Sum(Size));

    private static int Size(Stmt s) => s switch
    {
        Declare d => 1 + Size(d.Value),
        Assign a => (a.Op == "=" ? 1 : 2) + Size(a.Value),
        AssignElement e => (e.Op == "=" ? 2 : 3) + Size(e.Value),
        If i => 1 + Size(i.Condition) + i.Then.Sum(Size) + (i.Else?.Sum(Size) ?? 0),
        For f => 2 + Size(f.Condition) + f.Body.Sum(Size),
        While w => (w.Do ? 3 : 2) + Size(w.Condition) + w.Body.Sum(Size),
        ForEach f => 2 + f.Body.Sum(Size),
        Return r => 1 + (r.Value is null ? 0 : Size(r.Value)),
        _ => 1,
    };

    private static int Size(Expr e) => e switch
    {
        Negate n => 1 + Size(n.Operand),
        Binary b => 1 + Size(b.Left) + Size(b.Right),
        Call c => 1 + c.Arguments.Sum(Size),
        Ternary t => 1 + Size(t.Condition) + Size(t.WhenTrue) + Size(t.WhenFalse),
        Invoke i => 1 + i.Arguments.Sum(Size),
        AssignValue a => 2 + Size(a.Value),
        IncrementValue => 2,
        _ => 1,
    };

    private static int Size(Cond c) => c switch
    {
        Compare k => 1 + Size(k.Left) + Size(k.Right),
        And a => 1 + Size(a.Left) + Size(a.Right),
        Or o => 1 + Size(o.Left) + Size(o.Right),
        Not n => 1 + Size(n.Operand),
        _ => 1,
    };

    private static IEnumerable<IReadOnlyList<Stmt>> Block(IReadOnlyList<Stmt> block)
    {
        for (var i = 0; i < block.Count; i++)
        {
            // Removed (never a counter's declaration or step: the loop would not end).
            if (block[i] is not IntCode { Text: var code } || code.StartsWith("int ", System.StringComparison.Ordinal))
            {
                yield return Splice(block, i, System.Array.Empty<Stmt>());
            }
            // Replaced by its body.
            foreach (var inner in Bodies(block[i]))
            {
                yield return Splice(block, i, inner);
            }
            // Edited in place.
            foreach (var edited in Statement(block[i]))
            {
                yield return Splice(block, i, new[] { edited });
            }
        }
    }

    private static IEnumerable<IReadOnlyList<Stmt>> Bodies(Stmt s)
    {
        switch (s)
        {
            case If i:
                yield return i.Then;
                if (i.Else is not null)
                {
                    yield return i.Else;
                }
                break;
            case For f:
                yield return f.Body;
                break;
            case While w:
                yield return w.Body;
                break;
            case ForEach f:
                yield return f.Body;
                break;
        }
    }

    private static IEnumerable<Stmt> Statement(Stmt s)
    {
        switch (s)
        {
            case Declare d:
                foreach (var e in Expression(d.Value))
                {
                    yield return d with { Value = e };
                }
                break;
            case Assign a:
                if (a.Op != "=")
                {
                    yield return a with { Op = "=" };
                }
                foreach (var e in Expression(a.Value))
                {
                    yield return a with { Value = e };
                }
                break;
            case AssignElement a:
                if (a.Op != "=")
                {
                    yield return a with { Op = "=" };
                }
                foreach (var e in Expression(a.Value))
                {
                    yield return a with { Value = e };
                }
                break;
            case Return { Value: { } value } r:
                foreach (var e in Expression(value))
                {
                    yield return r with { Value = e };
                }
                break;
            case If i:
                if (i.Else is not null)
                {
                    yield return i with { Else = null };
                }
                foreach (var c in Condition(i.Condition))
                {
                    yield return i with { Condition = c };
                }
                foreach (var b in Block(i.Then))
                {
                    yield return i with { Then = b };
                }
                if (i.Else is not null)
                {
                    foreach (var b in Block(i.Else))
                    {
                        yield return i with { Else = b };
                    }
                }
                break;
            case For f:
                foreach (var b in Block(f.Body))
                {
                    yield return f with { Body = b };
                }
                break;
            case While { Condition: And { Right: Compare compare } and } w:
                // Only the comparison is edited: the counter's test must stay, or the loop would not end.
                foreach (var c in Condition(compare))
                {
                    yield return w with { Condition = and with { Right = c } };
                }
                if (w.Do)
                {
                    yield return w with { Do = false };
                }
                foreach (var b in Block(w.Body))
                {
                    yield return w with { Body = b };
                }
                break;
            case While w:
                if (w.Do)
                {
                    yield return w with { Do = false };
                }
                foreach (var b in Block(w.Body))
                {
                    yield return w with { Body = b };
                }
                break;
            case ForEach f:
                foreach (var b in Block(f.Body))
                {
                    yield return f with { Body = b };
                }
                break;
        }
    }

    private static IEnumerable<Expr> Expression(Expr e)
    {
        if (e is not Num)
        {
            yield return new Num(1.0);
        }
        switch (e)
        {
            case Negate n:
                yield return n.Operand;
                foreach (var x in Expression(n.Operand))
                {
                    yield return new Negate(x);
                }
                break;
            case Binary b:
                yield return b.Left;
                if (b.Op != '/')
                {
                    yield return b.Right;
                }
                foreach (var x in Expression(b.Left))
                {
                    yield return b with { Left = x };
                }
                foreach (var x in b.Op == '/' ? Inside(b.Right) : Expression(b.Right))
                {
                    yield return b with { Right = x };
                }
                break;
            case Call c:
                foreach (var argument in c.Arguments)
                {
                    yield return argument;
                }
                foreach (var x in Inside(c))
                {
                    yield return x;
                }
                break;
            case Invoke i:
                for (var a = 0; a < i.Arguments.Count; a++)
                {
                    foreach (var x in i.Arguments[a] is ArrayArgument ? Enumerable.Empty<Expr>() : Expression(i.Arguments[a]))
                    {
                        var arguments = i.Arguments.ToArray();
                        arguments[a] = x;
                        yield return i with { Arguments = arguments };
                    }
                }
                break;
            case AssignValue a:
                // The write dropped, or its value edited.
                yield return a.Value;
                foreach (var x in Expression(a.Value))
                {
                    yield return a with { Value = x };
                }
                break;
            case Ternary t:
                yield return t.WhenTrue;
                yield return t.WhenFalse;
                foreach (var c in Condition(t.Condition))
                {
                    yield return t with { Condition = c };
                }
                foreach (var x in Expression(t.WhenTrue))
                {
                    yield return t with { WhenTrue = x };
                }
                foreach (var x in Expression(t.WhenFalse))
                {
                    yield return t with { WhenFalse = x };
                }
                break;
        }
    }

    /// <summary>A call with one argument edited (the call itself stays).</summary>
    private static IEnumerable<Expr> Inside(Expr e)
    {
        if (e is not Call c)
        {
            yield break;
        }
        for (var i = 0; i < c.Arguments.Count; i++)
        {
            foreach (var x in Expression(c.Arguments[i]))
            {
                var arguments = c.Arguments.ToArray();
                arguments[i] = x;
                yield return c with { Arguments = arguments };
            }
        }
    }

    private static IEnumerable<Cond> Condition(Cond c)
    {
        switch (c)
        {
            case And a:
                yield return a.Left;
                yield return a.Right;
                foreach (var x in Condition(a.Left))
                {
                    yield return a with { Left = x };
                }
                foreach (var x in Condition(a.Right))
                {
                    yield return a with { Right = x };
                }
                break;
            case Or o:
                yield return o.Left;
                yield return o.Right;
                foreach (var x in Condition(o.Left))
                {
                    yield return o with { Left = x };
                }
                foreach (var x in Condition(o.Right))
                {
                    yield return o with { Right = x };
                }
                break;
            case Not n:
                yield return n.Operand;
                foreach (var x in Condition(n.Operand))
                {
                    yield return new Not(x);
                }
                break;
            case Compare k:
                foreach (var x in Expression(k.Left))
                {
                    yield return k with { Left = x };
                }
                foreach (var x in Expression(k.Right))
                {
                    yield return k with { Right = x };
                }
                break;
        }
    }

    private static IReadOnlyList<Stmt> Splice(IReadOnlyList<Stmt> block, int index, IReadOnlyList<Stmt> replacement) =>
        block.Take(index).Concat(replacement).Concat(block.Skip(index + 1)).ToList();
}
