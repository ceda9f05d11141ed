using System;
using System.Collections.Generic;
using System.Linq;

namespace SourceGen.Autodiff.Generator.Tests.RandomPrograms;

/// <summary>
/// Side effects inside expressions: assignments used as values (<c>(u = e)</c>, <c>u += e</c>
/// inside a sum, chains <c>a = b = e</c>) and indices that move an int as they are read
/// (<c>x[k++] * x[k]</c>, <c>x[--k]</c>). They go only where they run exactly once, in the order
/// written (<see cref="CanWrite"/>: not in conditions, branches of ?:, or arguments a template
/// repeats), and assignments only to variables declared at the current loop level, or to
/// elements outside loops, so values carried around loops keep their bounded updates.
/// </summary>
public sealed partial class ProgramGenerator
{
    /// <summary>The int an index statement moves as it reads: its current range, and where it started.</summary>
    private sealed class Stepper
    {
        public Stepper(IntVar start, bool up)
        {
            Start = start;
            Up = up;
            Min = start.Min;
            Max = start.Max;
        }

        public IntVar Start { get; }

        public bool Up { get; }

        public int Min { get; set; }

        public int Max { get; set; }

        public int Reads { get; set; }
    }

    /// <summary>Set while generating the one statement whose indices move <see cref="Stepper.Start"/>.</summary>
    private Stepper? _stepper;

    private T WithoutWrites<T>(Func<T> generate)
    {
        _noWrites++;
        var generated = generate();
        _noWrites--;
        return generated;
    }

    private Call CallOf(Functions.Function function, int depth)
    {
        Expr[] Arguments() => Enumerable.Range(0, function.Arity).Select(_ => Expression(depth - 1)).ToArray();
        return new Call(function.Name, function.EvaluatesOnce ? Arguments() : WithoutWrites(Arguments));
    }

    /// <summary>Variables an assignment inside an expression may write: not carried around a loop, and elements outside loops.</summary>
    private IEnumerable<DoubleVar> AssignmentTargets()
    {
        var variables = _doubles.Where(v => !v.ReadOnly && v.Level == LoopLevel);
        if (LoopLevel > 0)
        {
            return variables;
        }
        // An element is written through a stand-in whose bound is the array's.
        var elements = _arrays.Where(a => a.Writable).Select(a => new DoubleVar(a.Name, 0, 0, readOnly: false) { ElementOf = a });
        return variables.Concat(elements);
    }

    /// <summary>
    /// The condition of an if statement, which runs exactly once: sometimes a comparison whose left
    /// side assigns (<c>if ((u = e) &gt; 0.5)</c>).
    /// </summary>
    private Cond IfCondition(int depth)
    {
        if (!CanWrite || !Chance(0.08) || !AssignmentTargets().Any())
        {
            return Condition(depth);
        }
        return WithoutCalls(() => new Compare(AssignmentValue(1), Comparisons[_r.Next(Comparisons.Length)], Chance(0.5) ? Expression(1) : new Num(0.5)));
    }

    /// <summary>
    /// <c>(u = e)</c>, <c>(u += e)</c>, <c>(u -= e)</c>, <c>(u *= gate)</c>, <c>(u /= d)</c>, <c>u++</c>,
    /// <c>--u</c>, or the same on an element <c>a[i]</c>, as a value.
    /// </summary>
    private Expr AssignmentValue(int depth)
    {
        var targets = AssignmentTargets().ToList();
        var target = targets[_r.Next(targets.Count)];
        var name = target.ElementOf is { } array ? $"{array.Name}[{OneOf(Indices(array))}]" : target.Name;
        var op = Pick(new[] { ("=", 12), ("+=", 4), ("-=", 2), ("*=", 2), ("/=", 1), ("++", 2), ("--", 1) });
        switch (op)
        {
            case "*=":
                // Gates and denominators of at least 1 cannot make it grow.
                return new AssignValue(name, op, Gate());
            case "/=":
                return new AssignValue(name, op, Denominator(true));
            case "++" or "--" when target.Bound + 1 <= Limit:
                target.Bound += 1;
                return new IncrementValue(name, op == "++", Prefix: Chance(0.5));
        }
        if (op is not ("+=" or "-=") || target.Bound > Limit - 2)
        {
            var value = Tame(Expression(depth - 1));
            target.Bound = Math.Max(target.Bound, Bound(value));
            return new AssignValue(name, "=", value);
        }
        var step = Tame(Expression(depth - 1), Limit - target.Bound - 2);
        target.Bound += Bound(step);
        return new AssignValue(name, op, step);
    }

    /// <summary>The bound of an assignment's target after it: the variable's, or the array's.</summary>
    private double TargetBound(string target)
    {
        var name = target.Split('[')[0];
        return _doubles.FirstOrDefault(d => d.Name == name)?.Bound ?? _arrays.First(a => a.Name == name).Bound;
    }

    /// <summary><paramref name="value"/>, or sometimes <c>other = value</c> so the statement is a chain (<c>a = other = value</c>).</summary>
    private Expr Chained(Expr value, string? target)
    {
        if (!CanWrite || !Chance(0.12))
        {
            return value;
        }
        var others = _doubles.Where(v => !v.ReadOnly && v.Level == LoopLevel && v.Name != target).ToList();
        if (others.Count == 0)
        {
            return value;
        }
        var other = others[_r.Next(others.Count)];
        other.Bound = Math.Max(other.Bound, Bound(value));
        return new AssignValue(other.Name, "=", value);
    }

    /// <summary>Arrays read with a moving index: one index (a rank-2 tensor has two).</summary>
    private List<ArrayVar> Steppable() => _arrays.Where(a => CanRead(a) && a.Columns == 0 && !ConstantIndexOnly(a)).ToList();

    /// <summary>
    /// <c>int k = start;</c> and one statement whose reads move k (<c>x[k++] * x[k]</c>), all one
    /// way, so every read stays in range (also after the shrinker drops some). Afterwards k is an
    /// index like any other, over every value it took.
    /// </summary>
    private void SteppedIndex(List<Stmt> into)
    {
        var arrays = Steppable();
        var array = arrays[_r.Next(arrays.Count)];
        var up = Chance(0.6);
        var start = FreshIndex(into, array, fromEnd: !up);
        var stepper = _stepper = new Stepper(start, up);
        var mutable = _doubles.Where(v => !v.ReadOnly).ToList();
        var writable = _arrays.Where(a => a.Writable).ToList();
        var kind = Pick(new[] { ("declare", 3), ("assign", mutable.Count > 0 ? 2 : 0), ("element", writable.Count > 0 ? 3 : 0) });
        var target = kind == "element" ? OneOf(writable) : null;
        if (target is not null && Steppable().Contains(target) && Chance(0.8) && SteppedIndexOf(stepper, target) is { } written)
        {
            // t[k++] op= ...: the index moves before the right side is evaluated.
            into.Add(AssignElement(target, written));
        }
        else if (target is not null)
        {
            into.Add(AssignElement(target));
        }
        else
        {
            OneExpression(into, kind, mutable, writable);
        }
        _stepper = null;
        var min = Math.Min(start.Min, stepper.Min);
        if (min >= 0)
        {
            _ints.Add(new IntVar(start.Name, min, Math.Max(start.Max, stepper.Max)));
        }
    }

    /// <summary>
    /// <c>a[k]</c>, <c>a[k++]</c> or <c>a[++k]</c> (<c>--</c> when moving down) where the index read is in
    /// range. Moving down, only arrays longer than k's start, so reads stay in range if a step is dropped.
    /// </summary>
    private Element? SteppedElement(Stepper k)
    {
        var forms = Steppable().SelectMany(array => IndexForms(k, array).Select(form => (Array: array, form.Index, form.Shift))).ToList();
        if (forms.Count == 0)
        {
            return null;
        }
        var (chosen, index, shift) = forms[_r.Next(forms.Count)];
        return new Element(chosen.Name, Read(k, index, shift));
    }

    /// <summary>A moving index (<c>k++</c>, <c>++k</c>...) into <paramref name="array"/>, or null when none is in range.</summary>
    private string? SteppedIndexOf(Stepper k, ArrayVar array)
    {
        var forms = IndexForms(k, array).Where(f => f.Shift != 0).ToList();
        if (forms.Count == 0)
        {
            return null;
        }
        var (index, shift) = forms[_r.Next(forms.Count)];
        return Read(k, index, shift);
    }

    private static string Read(Stepper k, string index, int shift)
    {
        k.Min += shift;
        k.Max += shift;
        k.Reads++;
        return index;
    }

    private static IEnumerable<(string Index, int Shift)> IndexForms(Stepper k, ArrayVar array)
    {
        var shift = k.Up ? 1 : -1;
        var step = k.Up ? "++" : "--";
        if (!k.Up && array.Length <= k.Start.Max)
        {
            yield break;
        }
        if (k.Min >= 0 && k.Max < array.Length)
        {
            yield return (k.Start.Name, 0);
            yield return (k.Start.Name + step, shift);
        }
        if (k.Min + shift >= 0 && k.Max + shift < array.Length)
        {
            yield return (step + k.Start.Name, shift);
        }
    }

    /// <summary>Whether evaluating <paramref name="e"/> writes something (an assignment or a moving index).</summary>
    private static bool HasWrites(Expr e) => e switch
    {
        AssignValue or IncrementValue => true,
        Element el => el.Index.Contains("++") || el.Index.Contains("--"),
        Negate n => HasWrites(n.Operand),
        Binary b => HasWrites(b.Left) || HasWrites(b.Right),
        Call c => c.Arguments.Any(HasWrites),
        Invoke i => i.Arguments.Any(HasWrites),
        Ternary t => HasWrites(t.WhenTrue) || HasWrites(t.WhenFalse),
        _ => false,
    };

    private T OneOf<T>(IReadOnlyList<T> choices) => choices[_r.Next(choices.Count)];
}
