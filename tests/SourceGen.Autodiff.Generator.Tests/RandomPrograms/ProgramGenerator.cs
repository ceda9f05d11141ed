using System;
using System.Collections.Generic;
using System.Linq;

namespace SourceGen.Autodiff.Generator.Tests.RandomPrograms;

/// <summary>
/// Generates random well-typed [Differentiable] methods in the subset the generator supports:
/// double and array/span parameters, locals, + - * /, Math functions on safe domains, if/else,
/// ?:, for/while/do/foreach loops with break, continue and early return, nested loops,
/// loop-carried reassignment, local arrays written in loops, span outputs and array results,
/// ref locals (ProgramGenerator.RefLocals.cs) and side effects inside expressions: assignments
/// used as values, moving indices (ProgramGenerator.SideEffects.cs).
/// </summary>
/// <remarks>
/// Programs stay numerically tame by construction: every variable carries a bound on its
/// magnitude, an expression whose bound exceeds <see cref="Limit"/> is squashed with Tanh, and a
/// value carried around a loop is only updated in forms that cannot make it blow up (squash,
/// bounded increments, gates in [0.5, 1], division by values at least 1...).
/// </remarks>
public sealed partial class ProgramGenerator
{
    private const double Limit = 30;
    private static readonly double[] Constants = { 0.5, 1.5, 2.0, 0.25, 3.0, 0.1, 1.0, 0.75 };
    private static readonly string[] Comparisons = { "<", "<=", ">", ">=" };

    private readonly Random _r;
    private readonly List<DoubleVar> _doubles = new();
    private readonly List<ArrayVar> _arrays = new();
    private readonly List<IntVar> _ints = new();
    private readonly List<double> _tripsAtLevel = new() { 1 };
    private readonly List<(HelperMethod Method, double Bound)> _helpers;
    private readonly int? _commonLength;
    private ResultKind _result;
    private Parameter? _intParameter;
    private double _returnBound;

    // Above 0 while generating a condition or a branch of ?:, where a call would not run exactly
    // once where it is written (DIFF006 by design).
    private int _noCalls;

    // Above 0 while generating an argument a template repeats or reorders (Sqrt(1 + a * a)) or a
    // denominator: a side effect there would not run once, where it is written.
    private int _noWrites;

    /// <summary>Where an assignment or a moving index may go: it runs exactly once, in the order written.</summary>
    private bool CanWrite => _noCalls == 0 && _noWrites == 0;
    private int _budget;
    private int _fresh;

    private sealed class DoubleVar
    {
        private readonly int _level;
        private double _bound;

        public DoubleVar(string name, int level, double bound, bool readOnly)
        {
            Name = name;
            _level = level;
            _bound = bound;
            ReadOnly = readOnly;
        }

        public string Name { get; }

        /// <summary>For a ref local to a variable: that variable (its level and bound are the ref's).</summary>
        public DoubleVar? Named { get; init; }

        /// <summary>For a ref local to an element: the array, whose elements are all carried like it.</summary>
        public ArrayVar? ElementOf { get; init; }

        /// <summary>Loop depth at the declaration: inside deeper loops the variable is carried.</summary>
        public int Level => Named?.Level ?? (ElementOf is null ? _level : 0);

        /// <summary>
        /// Bound on the magnitude. Through a ref to an element it is the array's, which covers every
        /// element: a write through the ref can raise it, never lower it.
        /// </summary>
        public double Bound
        {
            get => Named?.Bound ?? ElementOf?.Bound ?? _bound;
            set
            {
                if (Named is not null)
                {
                    Named.Bound = value;
                }
                else if (ElementOf is not null)
                {
                    ElementOf.Bound = Math.Max(ElementOf.Bound, value);
                }
                else
                {
                    _bound = value;
                }
            }
        }

        public bool ReadOnly { get; }
    }

    private sealed class ArrayVar
    {
        public ArrayVar(string name, int length, bool readable, bool writable, double bound, bool isSpan = false, string? lengthText = null)
        {
            IsSpan = isSpan;
            LengthText = lengthText ?? name + ".Length";
            Name = name;
            Length = length;
            Readable = readable;
            Writable = writable;
            Bound = bound;
        }

        public string Name { get; }

        public int Length { get; }

        public bool Readable { get; }

        public bool Writable { get; }

        /// <summary>How the program writes the length: <c>a.Length</c>, or for a local array while <see cref="AvoidLocalArrayLength"/>, the length it was created with.</summary>
        public string LengthText { get; }

        /// <summary>A ReadOnlySpan: can be passed to a span parameter only, not to a double[] one.</summary>
        public bool IsSpan { get; }

        /// <summary>A Tensor: no foreach, not passed to helpers.</summary>
        public bool IsTensor { get; init; }

        /// <summary>Columns of a rank-2 tensor (indexed [i, j]); 0 for one index.</summary>
        public int Columns { get; init; }

        public double Bound { get; set; }

        /// <summary>One of two local arrays that may be swapped: no ref local names its elements (it would keep naming the old array).</summary>
        public bool Swapped { get; init; }
    }

    /// <summary>Arrays a foreach around the current statement reads: not swapped inside it.</summary>
    private readonly HashSet<string> _iterating = new();

    /// <summary>An int local whose value stays in [Min, Max] wherever it is in scope.</summary>
    private sealed record IntVar(string Name, int Min, int Max);

    /// <summary>
    /// Generator bug, fixed (RegressionTests.Loop_bound_from_the_Length_of_a_local_array...): the
    /// reverse sweep read the Length of a local array or span output from its pooled scratch copy,
    /// which is longer. When true, programs write the length such an array was created with
    /// instead of <c>t.Length</c> and do not foreach over it, so other bugs are not hidden behind this one.
    /// </summary>
    public const bool AvoidLocalArrayLength = false;

    private static string? LocalLength(string name, string created) => AvoidLocalArrayLength ? created : name + ".Length";

    private readonly int _scale;

    private ProgramGenerator(Random random, List<(HelperMethod Method, double Bound)> helpers, int? commonLength, int scale)
    {
        _scale = scale;
        _r = random;
        _helpers = helpers;
        _commonLength = commonLength;
    }

    /// <summary>Bound on the magnitude of what a helper's callers pass it (see <see cref="BoundedTerm"/>).</summary>
    private const double ArgumentBound = 2.5;

    private int LoopLevel => _tripsAtLevel.Count - 1;

    /// <summary>Program <paramref name="seed"/>; <paramref name="scale"/> multiplies its number of statements (1: 5-25).</summary>
    public static RandomProgram Generate(int seed, int scale = 1)
    {
        var random = new Random(seed);
        var helpers = new List<(HelperMethod Method, double Bound)>();
        // With calls, every array has one length, so any array can be passed to any array parameter.
        int? commonLength = null;
        if (random.NextDouble() < 0.3)
        {
            commonLength = 1 + random.Next(4);
            var count = 1 + random.Next(3);
            for (var i = 0; i < count; i++)
            {
                helpers.Add(new ProgramGenerator(random, helpers, commonLength, scale).Helper("H" + i));
            }
        }
        return new ProgramGenerator(random, helpers, commonLength, scale).Program(seed) with { Helpers = helpers.Select(h => h.Method).ToList(), Scale = scale };
    }

    /// <summary>A [Differentiable] helper returning double, with the bound of what it returns for arguments within <see cref="ArgumentBound"/>.</summary>
    private (HelperMethod Method, double Bound) Helper(string name)
    {
        _result = ResultKind.Scalar;
        var parameters = new List<Parameter>();
        var reals = 1 + _r.Next(2);
        for (var i = 0; i < reals; i++)
        {
            parameters.Add(new Parameter(i == 0 ? "p" : "q", ParameterKind.Real));
            _doubles.Add(new DoubleVar(parameters[^1].Name, 0, ArgumentBound, readOnly: false));
        }
        if (Chance(0.6))
        {
            var kind = Chance(0.5) ? ParameterKind.Array : ParameterKind.ReadOnlySpan;
            parameters.Add(new Parameter("s", kind, _commonLength!.Value));
            _arrays.Add(new ArrayVar("s", _commonLength.Value, readable: true, writable: false, ArgumentBound, kind == ParameterKind.ReadOnlySpan));
        }
        parameters = parameters.OrderBy(_ => _r.Next()).ToList();
        var body = new List<Stmt>();
        _budget = _r.Next(8) * _scale; // 0: an expression-bodied helper
        while (_budget > 0)
        {
            Statement(body);
        }
        Finish(body);
        return (new HelperMethod(name, parameters, body), _returnBound);
    }

    private RandomProgram Program(int seed)
    {
        var parameters = Parameters();
        _intParameter = parameters.FirstOrDefault(p => p.Kind == ParameterKind.Int);
        _result = Pick(new[] { (ResultKind.Scalar, 7), (ResultKind.SpanOutput, 2), (ResultKind.Array, 2), (ResultKind.Tensor, 1) });
        var resultLength = 1 + _r.Next(3);
        if (_result == ResultKind.SpanOutput)
        {
            parameters.Insert(_r.Next(parameters.Count + 1), new Parameter("y", ParameterKind.Output, resultLength));
        }
        foreach (var p in parameters)
        {
            switch (p.Kind)
            {
                case ParameterKind.Real:
                    _doubles.Add(new DoubleVar(p.Name, 0, 1.5, readOnly: false));
                    break;
                case ParameterKind.Array or ParameterKind.ReadOnlySpan:
                    _arrays.Add(new ArrayVar(p.Name, p.Length, readable: true, writable: false, 1.5, p.Kind == ParameterKind.ReadOnlySpan));
                    break;
                case ParameterKind.Tensor:
                    _arrays.Add(new ArrayVar(p.Name, p.Length, readable: true, writable: false, 1.5) { IsTensor = true, Columns = p.Columns });
                    break;
                case ParameterKind.Output:
                    // Readable too: it starts as the caller's values (zeros in the probes).
                    _arrays.Add(new ArrayVar(p.Name, p.Length, readable: true, writable: true, 0, isSpan: true, lengthText: LocalLength(p.Name, p.Length.ToString())));
                    break;
            }
        }

        var body = new List<Stmt>();
        if (_result is ResultKind.Array or ResultKind.Tensor)
        {
            body.Add(_result == ResultKind.Array
                ? new DeclareArray(RandomProgram.ResultArray, resultLength.ToString())
                : new DeclareTensor(RandomProgram.ResultArray, resultLength.ToString()));
            _arrays.Add(new ArrayVar(RandomProgram.ResultArray, resultLength, readable: true, writable: true, 0, lengthText: LocalLength(RandomProgram.ResultArray, resultLength.ToString()))
            {
                IsTensor = _result == ResultKind.Tensor,
            });
        }
        if (Chance(0.35))
        {
            var source = _arrays.Where(a => a.Readable && a.Name != RandomProgram.ResultArray).ToList();
            var name = Fresh("t");
            var length = source.Count > 0 && Chance(0.7) ? source[_r.Next(source.Count)] : null;
            var lengthText = length is null ? "3" : length.LengthText;
            // Sometimes a second buffer of the same length, and the two are swapped now and then.
            var pair = Chance(0.6);
            body.Add(new DeclareArray(name, lengthText));
            _arrays.Add(new ArrayVar(name, length?.Length ?? 3, readable: true, writable: true, 0, lengthText: LocalLength(name, lengthText)) { Swapped = pair });
            if (pair)
            {
                var second = Fresh("t");
                body.Add(new DeclareArray(second, lengthText));
                _arrays.Add(new ArrayVar(second, length?.Length ?? 3, readable: true, writable: true, 0, lengthText: LocalLength(second, lengthText)) { Swapped = true });
            }
        }

        _budget = (4 + _r.Next(18)) * _scale;
        while (_budget > 0)
        {
            Statement(body);
        }
        Finish(body);
        return new RandomProgram(seed, parameters, _result, resultLength, body);
    }

    private List<Parameter> Parameters()
    {
        var parameters = new List<Parameter>();
        var reals = _r.Next(4);
        for (var i = 0; i < reals; i++)
        {
            // Data the gradient ignores, when the first double is differentiable.
            var data = i > 0 && Chance(0.15);
            parameters.Add(new Parameter(((char)('a' + i)).ToString(), ParameterKind.Real, Length: data ? 1 : 0, NoGradient: data));
        }
        var arrays = reals == 0 ? 1 + _r.Next(2) : _r.Next(3);
        for (var i = 0; i < arrays; i++)
        {
            var kind = Pick(new[] { (ParameterKind.Array, 4), (ParameterKind.ReadOnlySpan, 4), (ParameterKind.Tensor, 2) });
            var name = i == 0 ? "x" : "w";
            if (kind == ParameterKind.Tensor)
            {
                // Rank 1, or rank 2 read as x[i, j].
                var columns = Chance(0.5) ? 1 + _r.Next(3) : 0;
                var length = columns > 0 ? columns * (1 + _r.Next(3)) : _commonLength ?? 1 + _r.Next(4);
                parameters.Add(new Parameter(name, kind, length, Columns: columns));
                continue;
            }
            // Data the gradient ignores, when something else is differentiable.
            var noGradient = (reals > 0 || i > 0) && Chance(0.2);
            parameters.Add(new Parameter(name, kind, _commonLength ?? 1 + _r.Next(4), noGradient));
        }
        if (Chance(0.25))
        {
            parameters.Add(new Parameter("k", ParameterKind.Int, IntValue: 1 + _r.Next(3)));
        }
        // Parameter order is part of the contract (buffers follow it): shuffle it.
        return parameters.OrderBy(_ => _r.Next()).ToList();
    }

    /// <summary>The final statement: a return (or output writes) that reads the program's values.</summary>
    private void Finish(List<Stmt> body)
    {
        switch (_result)
        {
            case ResultKind.Scalar:
                var terms = _doubles.OrderBy(_ => _r.Next()).Take(1 + _r.Next(3)).Select(v => (Expr)new Var(v.Name)).ToList();
                terms.Add(Expression(2));
                var sum = Tame(terms.Aggregate((x, y) => new Binary(Chance(0.7) ? '+' : '*', x, y)));
                _returnBound = Math.Max(_returnBound, Bound(sum));
                body.Add(new Return(sum));
                break;
            case ResultKind.SpanOutput:
            case ResultKind.Array:
            case ResultKind.Tensor:
                var output = _arrays.First(a => a.Name is "y" or RandomProgram.ResultArray);
                var q = Fresh("q");
                _ints.Add(new IntVar(q, 0, output.Length - 1));
                _tripsAtLevel.Add(output.Length);
                var write = new AssignElement(output.Name, q, "+=", Tame(Expression(2)));
                _tripsAtLevel.RemoveAt(_tripsAtLevel.Count - 1);
                body.Add(new For($"int {q} = 0", new IntCond($"{q} < {output.LengthText}"), $"{q}++", new Stmt[] { write }));
                if (_result is ResultKind.Array or ResultKind.Tensor)
                {
                    body.Add(new Return(null, RandomProgram.ResultArray));
                }
                break;
        }
    }

    // ---------------------------------------------------------------- statements

    private List<Stmt> Block(int min, int max)
    {
        var marks = (_doubles.Count, _arrays.Count, _ints.Count);
        var block = new List<Stmt>();
        var count = min + _r.Next(max - min + 1);
        for (var i = 0; i < count && (_budget > 0 || i < min); i++)
        {
            Statement(block);
        }
        _doubles.RemoveRange(marks.Item1, _doubles.Count - marks.Item1);
        _arrays.RemoveRange(marks.Item2, _arrays.Count - marks.Item2);
        _ints.RemoveRange(marks.Item3, _ints.Count - marks.Item3);
        return block;
    }

    private void Statement(List<Stmt> into)
    {
        _budget--;
        var inLoop = LoopLevel > 0;
        var mutable = _doubles.Where(v => !v.ReadOnly).ToList();
        var writable = _arrays.Where(a => a.Writable && Indices(a).Count > 0).ToList();
        var kind = Pick(new[]
        {
            ("declare", 25),
            ("declareInBranches", 4),
            ("increment", mutable.Count > 0 ? 3 : 0),
            ("assign", mutable.Count > 0 ? 20 : 0),
            ("element", writable.Count > 0 ? 14 : 0),
            ("if", 12),
            ("loop", LoopLevel < 2 ? 14 : LoopLevel < 3 ? 3 : 0),
            ("jump", inLoop ? 6 : 0),
            ("return", 3),
            ("refVariable", mutable.Count > 0 ? 3 : 0),
            ("refElement", RefWritable().Count > 0 ? 4 : 0),
            ("refReadonly", RefReadable().Count > 0 ? 2 : 0),
            ("steppedIndex", Steppable().Count > 0 ? (inLoop ? 6 : 3) : 0),
            ("swap", Swappable() is not null ? 8 : 0),
        });
        switch (kind)
        {
            case "declare" or "assign" or "element":
                OneExpression(into, kind, mutable, writable);
                break;
            case "refVariable":
                RefToVariable(into, mutable);
                break;
            case "refElement":
                RefToElement(into);
                break;
            case "refReadonly":
                RefReadonlyToInput(into);
                break;
            case "steppedIndex":
                SteppedIndex(into);
                break;
            case "declareInBranches":
                DeclareInBranches(into);
                break;
            case "swap":
                var (first, second) = Swappable()!.Value;
                into.Add(new SwapArrays(first.Name, second.Name));
                first.Bound = second.Bound = Math.Max(first.Bound, second.Bound);
                break;
            case "increment":
                IncrementVariable(into, mutable[_r.Next(mutable.Count)]);
                break;
            case "if":
                into.Add(IfStatement(0));
                break;
            case "loop":
                Loop(into);
                break;
            case "jump":
                Stmt jump = Chance(0.5) ? new Break() : new Continue();
                into.Add(Chance(0.8)
                    ? new If(IfCondition(1), new[] { jump }, null)
                    : new If(IfCondition(1), Block(1, 2), new[] { jump }));
                break;
            case "return":
                into.Add(new If(IfCondition(1), new[] { EarlyReturn() }, null));
                break;
        }
    }

    /// <summary>
    /// The two swappable arrays, when no foreach around reads them, and (inside a loop, where a
    /// swap repeats) their bounds are equal, so a bound made for one holds for the other.
    /// </summary>
    private (ArrayVar First, ArrayVar Second)? Swappable()
    {
        var pair = _arrays.Where(a => a.Swapped).ToList();
        return pair.Count == 2 && !pair.Any(a => _iterating.Contains(a.Name)) && (LoopLevel == 0 || pair[0].Bound == pair[1].Bound)
            ? (pair[0], pair[1]) : null;
    }

    /// <summary>A statement around one expression: a declaration, or an update of a variable or an element.</summary>
    private void OneExpression(List<Stmt> into, string kind, List<DoubleVar> mutable, List<ArrayVar> writable)
    {
        switch (kind)
        {
            case "declare":
                DeclareVariable(into);
                break;
            case "assign":
                into.Add(AssignVariable(mutable[_r.Next(mutable.Count)]));
                break;
            default:
                into.Add(AssignElement(writable[_r.Next(writable.Count)]));
                break;
        }
    }

    private void DeclareVariable(List<Stmt> into)
    {
        var name = Fresh("u");
        var value = Chained(Tame(Expression(_r.Next(4))), name);
        into.Add(new Declare(name, value));
        _doubles.Add(new DoubleVar(name, LoopLevel, Bound(value), readOnly: false));
    }

    /// <summary><c>u++;</c> or <c>u--;</c>, when the bound allows it on every trip of the loops around.</summary>
    private void IncrementVariable(List<Stmt> into, DoubleVar counted)
    {
        var steps = counted.Level < LoopLevel ? _tripsAtLevel[LoopLevel] / _tripsAtLevel[counted.Level] : 1;
        if (counted.Bound + steps <= Limit)
        {
            counted.Bound += steps;
            into.Add(new Increment(counted.Name, Chance(0.5)));
        }
    }

    /// <summary><c>double u;</c> then an if/else that assigns it on both branches.</summary>
    private void DeclareInBranches(List<Stmt> into)
    {
        var name = Fresh("u");
        into.Add(new DeclareUnassigned(name));
        var condition = IfCondition(2);
        var bound = 0.0;
        List<Stmt> Branch()
        {
            var branch = Block(0, 2);
            var value = Tame(Expression(2));
            bound = Math.Max(bound, Bound(value));
            branch.Add(new Assign(name, "=", value));
            return branch;
        }
        var then = Branch();
        into.Add(new If(condition, then, Branch()));
        _doubles.Add(new DoubleVar(name, LoopLevel, bound, readOnly: false));
    }

    private Stmt EarlyReturn()
    {
        if (_result != ResultKind.Scalar)
        {
            return _result is ResultKind.Array or ResultKind.Tensor ? new Return(null, RandomProgram.ResultArray) : new Return(null);
        }
        var value = Tame(Expression(2));
        _returnBound = Math.Max(_returnBound, Bound(value));
        return new Return(value);
    }

    private If IfStatement(int chain)
    {
        var condition = IfCondition(2);
        var then = Block(1, 3);
        IReadOnlyList<Stmt>? otherwise = null;
        if (chain < 2 && Chance(0.2))
        {
            otherwise = new Stmt[] { IfStatement(chain + 1) };
        }
        else if (Chance(0.5))
        {
            otherwise = Block(1, 3);
        }
        return new If(condition, then, otherwise);
    }

    /// <summary><c>target op value;</c>, sometimes as a chain <c>target op other = value;</c>.</summary>
    private Stmt AssignVariable(DoubleVar target)
    {
        var assign = (Assign)UpdateVariable(target);
        return assign with { Value = Chained(assign.Value, target.Name) };
    }

    private Stmt UpdateVariable(DoubleVar target)
    {
        var old = new Var(target.Name);
        if (target.Level < LoopLevel)
        {
            var trips = _tripsAtLevel[LoopLevel] / _tripsAtLevel[target.Level];
            var (op, value, bound) = Contractive(old, target.Bound, trips, readable: true);
            target.Bound = Math.Max(target.Bound, bound);
            return new Assign(target.Name, op, value);
        }
        switch (_r.Next(5))
        {
            case 0:
                var sum = Tame(Expression(2), Limit - target.Bound);
                target.Bound += Bound(sum);
                return new Assign(target.Name, Chance(0.5) ? "+=" : "-=", sum);
            case 1:
                var factor = Expression(2);
                if (Bound(factor) * target.Bound > Limit)
                {
                    factor = Gate();
                }
                target.Bound *= Bound(factor);
                return new Assign(target.Name, "*=", factor);
            case 2:
                var denominator = Denominator(false);
                target.Bound /= Smallest(denominator);
                return new Assign(target.Name, "/=", denominator);
            default:
                var value = Tame(Expression(1 + _r.Next(3)));
                target.Bound = Math.Max(target.Bound, Bound(value));
                return new Assign(target.Name, "=", value);
        }
    }

    /// <summary>
    /// <c>a[i] op value;</c>, sometimes as a chain <c>a[i] op other = value;</c>. A
    /// <paramref name="movingIndex"/> (<c>k++</c>) is evaluated once, so the update does not read a[i] again.
    /// </summary>
    private Stmt AssignElement(ArrayVar target, string? movingIndex = null)
    {
        var assign = (AssignElement)UpdateElement(target, movingIndex);
        return assign with { Value = Chained(assign.Value, null) };
    }

    private Stmt UpdateElement(ArrayVar target, string? movingIndex)
    {
        var index = movingIndex ?? OneOf(Indices(target));
        var old = new Element(target.Name, index);
        if (LoopLevel > 0)
        {
            var (op, value, bound) = Contractive(old, target.Bound, _tripsAtLevel[LoopLevel], target.Readable && movingIndex is null);
            target.Bound = Math.Max(target.Bound, bound);
            return new AssignElement(target.Name, index, op, value);
        }
        var assigned = Tame(Expression(1 + _r.Next(3)));
        if (Chance(0.3))
        {
            target.Bound += Bound(assigned);
            return new AssignElement(target.Name, index, "+=", assigned);
        }
        target.Bound = Math.Max(target.Bound, Bound(assigned));
        return new AssignElement(target.Name, index, "=", assigned);
    }

    /// <summary>
    /// An update of a value carried around a loop that keeps it bounded over
    /// <paramref name="trips"/> iterations: (operator, right-hand side, new bound).
    /// </summary>
    private (string Op, Expr Value, double Bound) Contractive(Expr old, double oldBound, double trips, bool readable)
    {
        while (true)
        {
            switch (_r.Next(readable ? 8 : 5))
            {
                case 0:
                    return ("=", Squash(Expression(2)), 1.6);
                case 1:
                    var step = BoundedTerm();
                    var grown = oldBound + trips * Bound(step);
                    if (grown <= Limit)
                    {
                        return (Chance(0.6) ? "+=" : "-=", step, grown);
                    }
                    break;
                case 2:
                    return ("*=", Gate(), oldBound);
                case 3:
                    return ("/=", Denominator(true), oldBound);
                case 4:
                    return ("=", Squash(Expression(2)), 1.6);
                case 5:
                    var term = BoundedTerm();
                    var c = Chance(0.5) ? 0.5 : 0.9;
                    return ("=", new Binary('+', new Binary('*', new Num(c), old), term), Math.Max(oldBound, Bound(term) / (1 - c)));
                case 6:
                    var leaf = BoundedLeaf();
                    var add = BoundedTerm();
                    var horner = (oldBound + trips * Bound(add)) * Math.Pow(Math.Max(1, Bound(leaf)), trips);
                    if (horner <= Limit)
                    {
                        return ("=", new Binary('+', new Binary('*', old, leaf), add), horner);
                    }
                    break;
                default:
                    var ternary = Chance(0.7);
                    var other = ternary ? WithoutCalls(BoundedTerm) : BoundedTerm();
                    Expr chosen = ternary
                        ? new Ternary(Condition(1), other, old)
                        : new Call(Chance(0.5) ? "Max" : "Min", new[] { old, other });
                    return ("=", chosen, Math.Max(oldBound, Bound(other)));
            }
        }
    }

    // ---------------------------------------------------------------- loops

    private void Loop(List<Stmt> into)
    {
        var arrays = _arrays.Where(a => a.Readable).ToList();
        var k = _intParameter;
        var choice = Pick(new[]
        {
            ("forUp", arrays.Count > 0 ? 6 : 0),
            ("forDown", arrays.Count > 0 ? 3 : 0),
            ("forFromOne", arrays.Any(a => a.Length >= 2) ? 2 : 0),
            ("forK", k is not null ? 3 : 0),
            ("forConstant", 2),
            ("foreach", arrays.Count > 0 ? 4 : 0),
            ("whileCounted", arrays.Count > 0 ? 3 : 0),
            ("whileActive", 3),
            ("doCounted", arrays.Count > 0 ? 2 : 0),
            ("doActive", 2),
        });
        var array = arrays.Count > 0 ? arrays[_r.Next(arrays.Count)] : null;
        if (choice == "forFromOne")
        {
            var longer = arrays.Where(a => a.Length >= 2).ToList();
            array = longer[_r.Next(longer.Count)];
        }
        var i = Fresh("i");
        var j = Fresh("j");
        switch (choice)
        {
            case "forUp":
                into.Add(new For($"int {i} = 0", new IntCond($"{i} < {array!.LengthText}"), $"{i}++", LoopBody(array.Length, new IntVar(i, 0, array.Length - 1))));
                break;
            case "forDown":
                into.Add(new For($"int {i} = {array!.LengthText} - 1", new IntCond($"{i} >= 0"), $"{i}--", LoopBody(array.Length, new IntVar(i, 0, array.Length - 1))));
                break;
            case "forFromOne":
                into.Add(new For($"int {i} = 1", new IntCond($"{i} < {array!.LengthText}"), Chance(0.5) ? $"{i}++" : $"{i} += 1", LoopBody(array.Length - 1, new IntVar(i, 1, array.Length - 1))));
                break;
            case "forK":
                into.Add(new For($"int {i} = 0", new IntCond($"{i} < k"), $"{i}++", LoopBody(k!.IntValue, new IntVar(i, 0, k.IntValue - 1))));
                break;
            case "forConstant":
                var n = 1 + _r.Next(3);
                into.Add(new For($"int {i} = 0", new IntCond($"{i} < {n}"), $"{i}++", LoopBody(n, new IntVar(i, 0, n - 1))));
                break;
            case "foreach":
                // Not over tensors (index them with for); foreach reads the Length (see AvoidLocalArrayLength).
                var iterable = arrays.Where(a => !a.IsTensor && (!AvoidLocalArrayLength || a.LengthText == a.Name + ".Length")).ToList();
                if (iterable.Count == 0)
                {
                    into.Add(new Declare(Fresh("u"), Leaf()));
                    break;
                }
                array = iterable[_r.Next(iterable.Count)];
                var v = Fresh("v");
                _tripsAtLevel.Add(_tripsAtLevel[LoopLevel] * array!.Length);
                _doubles.Add(new DoubleVar(v, LoopLevel, array.Bound, readOnly: true));
                var iterated = _iterating.Add(array.Name);
                var body = Block(1, 4);
                if (iterated)
                {
                    _iterating.Remove(array.Name);
                }
                _doubles.RemoveAll(d => d.Name == v);
                _tripsAtLevel.RemoveAt(LoopLevel);
                into.Add(new ForEach(v, array.Name, body));
                break;
            case "whileCounted":
            case "doCounted":
                // The counter moves first, so a continue cannot skip it; i is the index of this trip.
                into.Add(new IntCode($"int {j} = 0;"));
                var head = new List<Stmt> { new IntCode($"int {i} = {j};"), new IntCode(Chance(0.5) ? $"{j}++;" : $"{j} += 1;") };
                var counted = head.Concat(LoopBody(array!.Length, new IntVar(i, 0, array.Length - 1))).ToList();
                into.Add(new While(new IntCond($"{j} < {array.LengthText}"), counted, Do: choice == "doCounted"));
                break;
            default:
                // Trip count decided by a double value (at most `limit` trips).
                var limit = 1 + _r.Next(4);
                into.Add(new IntCode($"int {j} = 0;"));
                var condition = new And(new IntCond($"{j} < {limit}"), Comparison(1));
                var active = new List<Stmt> { new IntCode($"{j}++;") };
                active.AddRange(LoopBody(limit, null));
                into.Add(new While(condition, active, Do: choice == "doActive"));
                break;
        }
    }


    private List<Stmt> LoopBody(int trips, IntVar? index)
    {
        _tripsAtLevel.Add(_tripsAtLevel[LoopLevel] * Math.Max(1, trips));
        if (index is not null)
        {
            _ints.Add(index);
        }
        var body = Block(1, 4);
        if (index is not null)
        {
            _ints.Remove(index);
        }
        _tripsAtLevel.RemoveAt(LoopLevel);
        return body;
    }

    // ---------------------------------------------------------------- expressions

    private Expr Expression(int depth)
    {
        if (depth <= 0 || Chance(0.25))
        {
            return Leaf();
        }
        switch (Pick(new[] { ("binary", 30), ("negate", 4), ("divide", 8), ("call", 36), ("ternary", 7), ("kink", 5), ("invoke", _helpers.Count > 0 && _noCalls == 0 ? 12 : 0), ("stop", 2),
                     ("assign", CanWrite && AssignmentTargets().Any() ? 3 : 0) }))
        {
            case "stop":
                var stopped = Expression(depth - 1);
                // Gradient.Stop(int) would pick the float overload.
                return new Call(Functions.Stop.Name, new[] { stopped is IntValue ? new Binary('*', new Num(1.0), stopped) : stopped });
            case "invoke":
                return Invocation() ?? Leaf();
            case "binary":
                return new Binary("+-*"[_r.Next(3)], Expression(depth - 1), Expression(depth - 1));
            case "negate":
                return new Negate(Expression(depth - 1));
            case "divide":
                return new Binary('/', Expression(depth - 1), Denominator(false));
            case "call":
                return CallOf(Functions.Smooth[_r.Next(Functions.Smooth.Count)], depth);
            case "assign":
                return AssignmentValue(depth);
            case "ternary":
                return WithoutCalls(() => new Ternary(Condition(1), Expression(depth - 1), Expression(depth - 1)));
            default:
                return CallOf(Functions.Kinked[_r.Next(Functions.Kinked.Count)], depth);
        }
    }

    /// <summary>A call of a helper with bounded arguments; null when no array fits its array parameter.</summary>
    private Expr? Invocation()
    {
        var helper = _helpers[_r.Next(_helpers.Count)].Method;
        var arguments = new List<Expr>();
        _inCallArguments++;
        try
        {
            foreach (var p in helper.Parameters)
            {
                if (p.Kind == ParameterKind.Real)
                {
                    arguments.Add(BoundedTerm());
                    continue;
                }
                var fitting = _arrays.Where(a => CanRead(a) && !a.IsTensor && a.Length == p.Length && a.Bound <= ArgumentBound && (p.Kind == ParameterKind.ReadOnlySpan || !a.IsSpan)).ToList();
                if (fitting.Count == 0)
                {
                    return null;
                }
                arguments.Add(new ArrayArgument(fitting[_r.Next(fitting.Count)].Name));
            }
        }
        finally
        {
            _inCallArguments--;
        }
        return new Invoke(helper.Name, arguments);
    }

    /// <summary>
    /// Generator bug, fixed (RegressionTests.Call_argument_reading_...): the reverse sweep
    /// re-evaluated a callee's arguments from local arrays as they are at the end, not as they were
    /// at the call. When true, call arguments do not read local arrays, so other bugs are not
    /// hidden behind this one.
    /// </summary>
    public const bool AvoidLocalArraysInCallArguments = false;

    private int _inCallArguments;

    private bool CanRead(ArrayVar array) =>
        array.Readable && !(AvoidLocalArraysInCallArguments && _inCallArguments > 0 && array.Writable);

    private Expr Leaf()
    {
        if (_stepper is not null && CanWrite && Chance(_stepper.Reads == 0 ? 0.6 : 0.25) && SteppedElement(_stepper) is { } stepped)
        {
            return stepped;
        }
        var readable = _arrays.Where(a => CanRead(a) && Indices(a).Count > 0).ToList();
        var ints = _ints.Select(i => i.Name).Concat(_intParameter is null ? Array.Empty<string>() : new[] { _intParameter.Name }).ToList();
        if (ints.Count > 0 && Chance(0.08))
        {
            var name = ints[_r.Next(ints.Count)];
            return new IntValue(Chance(0.5) ? name : "(double)" + name);
        }
        var roll = _r.NextDouble();
        if (roll < 0.6 && _doubles.Count > 0)
        {
            return new Var(_doubles[_r.Next(_doubles.Count)].Name);
        }
        if (roll < 0.85 && readable.Count > 0)
        {
            var array = readable[_r.Next(readable.Count)];
            var indices = Indices(array);
            return new Element(array.Name, indices[_r.Next(indices.Count)]);
        }
        return new Num(Constants[_r.Next(Constants.Length)]);
    }

    /// <summary>A leaf of magnitude at most 1.5: a parameter, an input element, a foreach variable, a constant.</summary>
    private Expr BoundedLeaf()
    {
        var small = _doubles.Where(v => v.Bound <= 1.5).Select(v => (Expr)new Var(v.Name))
            .Concat(_arrays.Where(a => CanRead(a) && a.Bound <= 1.5).SelectMany(a => Indices(a).Select(i => (Expr)new Element(a.Name, i))))
            .ToList();
        return small.Count > 0 && Chance(0.8) ? small[_r.Next(small.Count)] : new Num(Constants[_r.Next(3)]);
    }

    /// <summary>A term of magnitude at most about 1.5 that still depends on the program's values.</summary>
    private Expr BoundedTerm() => _r.Next(4) switch
    {
        0 => BoundedLeaf(),
        1 => new Binary('*', new Num(0.5), Squash(Expression(2))),
        2 => new Binary('*', BoundedLeaf(), Squash(Expression(1))),
        _ => Squash(Expression(2)),
    };

    private Expr Squash(Expr e)
    {
        // ExpGauss repeats its argument: not for one with a side effect.
        var squashing = HasWrites(e) ? Functions.Squashing.Where(f => Functions.Get(f).EvaluatesOnce).ToList() : Functions.Squashing;
        return new Call(squashing[_r.Next(squashing.Count)], new[] { e });
    }

    private Expr Gate() => new Call(Functions.Gates[_r.Next(Functions.Gates.Count)].Name, new[] { Expression(2) });

    /// <summary>A divisor bounded away from zero (at least 1 when <paramref name="atLeastOne"/>).</summary>
    private Expr Denominator(bool atLeastOne) => WithoutWrites(() => AnyDenominator(atLeastOne));

    private Expr AnyDenominator(bool atLeastOne)
    {
        if (Chance(0.15))
        {
            return new Num(2.0);
        }
        var choices = Functions.Denominators.Where(f => !atLeastOne || f.Smallest >= 1).ToList();
        return new Call(choices[_r.Next(choices.Count)].Name, new[] { Expression(2) });
    }

    /// <summary><paramref name="e"/>, or Tanh of it when its bound exceeds <paramref name="limit"/>.</summary>
    private Expr Tame(Expr e, double limit = Limit) => Bound(e) <= limit ? e : new Call(Chance(0.5) ? "Tanh" : "Atan", new[] { e });

    private T WithoutCalls<T>(Func<T> generate)
    {
        _noCalls++;
        var generated = generate();
        _noCalls--;
        return generated;
    }

    private Cond Condition(int depth) => WithoutCalls(() => AnyCondition(depth));

    private Cond AnyCondition(int depth)
    {
        var ints = _ints.ToList();
        switch (Pick(new[] { ("compare", 60), ("int", ints.Count > 0 ? 15 : 0), ("and", depth > 0 ? 8 : 0), ("or", depth > 0 ? 7 : 0), ("not", depth > 0 ? 6 : 0) }))
        {
            case "int":
                var i = ints[_r.Next(ints.Count)];
                return new IntCond(_r.Next(3) switch
                {
                    0 => $"{i.Name} % 2 == 0",
                    1 => $"{i.Name} > {i.Min}",
                    _ => $"{i.Name} != {i.Max}",
                });
            case "and":
                return new And(Condition(depth - 1), Condition(depth - 1));
            case "or":
                return new Or(Condition(depth - 1), Condition(depth - 1));
            case "not":
                return new Not(Condition(depth - 1));
            default:
                return Comparison(1);
        }
    }

    private Compare Comparison(int depth) => WithoutCalls(() => AnyComparison(depth));

    private Compare AnyComparison(int depth)
    {
        var left = Expression(depth);
        if (left is Num && _doubles.Count > 0)
        {
            left = new Var(_doubles[_r.Next(_doubles.Count)].Name); // a comparison of constants decides nothing
        }
        return new(left, Comparisons[_r.Next(Comparisons.Length)], Chance(0.5) ? Expression(depth) : new Num(Constants[_r.Next(Constants.Length)] - 0.5));
    }

    // ---------------------------------------------------------------- indices and bounds

    /// <summary>Index expressions in range for <paramref name="array"/> given the ints in scope.</summary>
    private List<string> Indices(ArrayVar array)
    {
        if (array.Columns > 0)
        {
            // [row, column]: each position indexed as if it were an array of that length.
            var rows = array.Length / array.Columns;
            var rowIndices = Indices(new ArrayVar("", rows, true, false, 0, lengthText: rows.ToString()));
            var columnIndices = Indices(new ArrayVar("", array.Columns, true, false, 0, lengthText: array.Columns.ToString()));
            return Enumerable.Range(0, 4).Select(_ => rowIndices[_r.Next(rowIndices.Count)] + ", " + columnIndices[_r.Next(columnIndices.Count)]).Distinct().ToList();
        }
        var indices = new List<string>();
        if (LoopLevel == 0 || Chance(0.2))
        {
            indices.Add(_r.Next(array.Length).ToString());
        }
        foreach (var i in ConstantIndexOnly(array) ? new List<IntVar>() : _ints)
        {
            if (i.Max < array.Length)
            {
                indices.Add(i.Name);
                indices.Add($"{array.LengthText} - 1 - {i.Name}");
            }
            if (i.Min >= 1 && i.Max - 1 < array.Length)
            {
                indices.Add($"{i.Name} - 1");
            }
            indices.Add($"({i.Name} + 1) % {array.LengthText}");
        }
        if (indices.Count == 0)
        {
            indices.Add("0");
        }
        return indices;
    }

    /// <summary>
    /// Outside loops a local array or output is indexed by constants only: in a method without
    /// branches or loops the generator follows their elements by constant index, and an int index
    /// there is DIFF006 by design (ints outside loops are the fresh indices of ref and moving-index statements).
    /// </summary>
    private bool ConstantIndexOnly(ArrayVar array) => LoopLevel == 0 && array.Writable;

    private double Bound(Expr e) => e switch
    {
        Num n => Math.Abs(n.Value),
        Var v => _doubles.FirstOrDefault(d => d.Name == v.Name)?.Bound ?? 1.5,
        Element el => _arrays.FirstOrDefault(a => a.Name == el.Array)?.Bound ?? 1.5,
        Negate n => Bound(n.Operand),
        Binary { Op: '*' } b => Bound(b.Left) * Bound(b.Right),
        Binary { Op: '/' } b => Bound(b.Left) / Smallest(b.Right),
        Binary b => Bound(b.Left) + Bound(b.Right),
        Call c => Functions.Get(c.Function).Bound(c.Arguments.Select(Bound).ToArray()),
        Ternary t => Math.Max(Bound(t.WhenTrue), Bound(t.WhenFalse)),
        Invoke i => _helpers.First(h => h.Method.Name == i.Method).Bound,
        IntValue => 4, // indices and counters stay below 4 (one moved past the end is 4), k is at most 3
        AssignValue a => a.Op == "=" ? Bound(a.Value) : TargetBound(a.Target),
        IncrementValue i => TargetBound(i.Target),
        _ => throw new ArgumentException($"Unknown expression {e}"),
    };

    private static double Smallest(Expr denominator) => denominator switch
    {
        Num n => Math.Abs(n.Value),
        Call c => Functions.Get(c.Function).Smallest,
        _ => throw new ArgumentException($"Not a denominator: {denominator}"),
    };

    // ---------------------------------------------------------------- randomness

    private bool Chance(double p) => _r.NextDouble() < p;

    private T Pick<T>((T Value, int Weight)[] choices)
    {
        var total = choices.Sum(c => c.Weight);
        var roll = _r.Next(total);
        foreach (var (value, weight) in choices)
        {
            if (roll < weight)
            {
                return value;
            }
            roll -= weight;
        }
        throw new InvalidOperationException("no choice");
    }

    private string Fresh(string prefix) => prefix + _fresh++;
}
