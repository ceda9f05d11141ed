using System;
using System.Collections.Generic;
using System.Linq;
using SourceGen.Autodiff.Generator.Model;
using static SourceGen.Autodiff.Generator.Build;

namespace SourceGen.Autodiff.Generator.IR;

/// <summary>Where a function is printed: its C# home for double and for float.</summary>
internal enum MathHome
{
    /// <summary>Math for double, MathF for float.</summary>
    MathAndMathF,

    /// <summary>Math for both (MathF has no Clamp; Math.Clamp has a float overload).</summary>
    Math,

    /// <summary>double.F / float.F: the generic-math statics that Math does not have (Hypot).</summary>
    NumberType,
}

/// <summary>
/// The adjoints a function's arguments receive: <c>a</c> its arguments, <c>r</c> its result
/// (a named value where the forward sweep has one), <c>g</c> the result's adjoint, <c>t</c> the
/// real type the rule computes in. A rule may leave out an argument that cannot vary (a constant exponent).
/// </summary>
internal delegate IEnumerable<(Expr Operand, Expr Adjoint)> PartialsRule(IReadOnlyList<Expr> a, Expr r, Expr g, ScalarType t);

/// <summary>
/// The table of math functions: one entry per function, and everything the generator knows
/// about it. Lowering finds an entry by the C# name and arity a call reaches
/// (<c>Math.Log(x, b)</c>, <c>double.Exp(x)</c>, <c>MathF.Sqrt(x)</c>); the derivative rules read
/// <see cref="Partials"/>; the simplifier folds constant calls with <see cref="Evaluate"/>; the
/// "supported: ..." message lists <see cref="Display"/>. Adding a function is adding one entry.
/// Entries are singletons, so an IR <see cref="MathCall"/> compares them by reference.
/// </summary>
internal sealed class MathFunction
{
    private const double Ln10 = 2.302585092994046;
    private const double Ln2 = 0.6931471805599453;

    private MathFunction(string name, int arity, PartialsRule? partials, string parameters)
    {
        Name = name;
        Arity = arity;
        Partials = partials;
        Display = $"{name}({parameters})";
    }

    /// <summary>The C# member name, as printed after Math., MathF., double. or float.</summary>
    public string Name { get; }

    public int Arity { get; }

    /// <summary>Null for a piecewise-constant function: zero derivative almost everywhere (DIFF009).</summary>
    public PartialsRule? Partials { get; }

    public bool HasZeroDerivative => Partials is null;

    /// <summary>Whether a rule reads the function's own result, so the forward sweep should name it.</summary>
    public bool UsesResult { get; private init; }

    /// <summary>
    /// The value at constant arguments, bit for bit what the runtime computes; null when
    /// netstandard2.0 has no identical function, so the call is left to run time.
    /// </summary>
    public Func<double[], double>? Evaluate { get; private init; }

    public MathHome Home { get; private init; } = MathHome.MathAndMathF;

    /// <summary>A test of its argument (<c>double.IsNaN(x)</c>): a bool that decides, never a value to differentiate (no DIFF009).</summary>
    public bool IsPredicate { get; private init; }

    /// <summary>The name with its parameters, as listed in diagnostics: <c>Log(x, b)</c>.</summary>
    public string Display { get; }

    public override string ToString() => Name;

    /// <summary>Stable across runs (string hashes are not), like the enum this table replaced: output never depends on a hash.</summary>
    public override int GetHashCode()
    {
        var hash = Arity;
        foreach (var c in Name)
        {
            hash = unchecked(hash * 31 + c);
        }
        return hash;
    }

    // A rule may name an entry declared below it ("Cos!"): rules run after every entry exists.

    public static readonly MathFunction Sin = OneArgument("Sin", (x, r, g, t) => Multiply(Call(Cos!, x), g), Math.Sin);
    public static readonly MathFunction Cos = OneArgument("Cos", (x, r, g, t) => Negate(Multiply(Call(Sin, x), g)), Math.Cos);
    public static readonly MathFunction Tan = OneArgument("Tan", (x, r, g, t) => Multiply(Add(C(1, t), Multiply(r, r)), g), Math.Tan, usesResult: true);
    public static readonly MathFunction Asin = OneArgument("Asin", (x, r, g, t) => Divide(g, Call(Sqrt!, Subtract(C(1, t), Multiply(x, x)))), Math.Asin);
    public static readonly MathFunction Acos = OneArgument("Acos", (x, r, g, t) => Negate(Divide(g, Call(Sqrt!, Subtract(C(1, t), Multiply(x, x))))), Math.Acos);
    public static readonly MathFunction Atan = OneArgument("Atan", (x, r, g, t) => Divide(g, Add(C(1, t), Multiply(x, x))), Math.Atan);

    // atan2(y, x): d/dy = x / (x² + y²), d/dx = -y / (x² + y²).
    public static readonly MathFunction Atan2 = new("Atan2", 2, (a, r, g, t) =>
    {
        var (y, x) = (a[0], a[1]);
        var norm = Add(Multiply(x, x), Multiply(y, y));
        return [(y, Divide(Multiply(x, g), norm)), (x, Negate(Divide(Multiply(y, g), norm)))];
    }, "y, x") { Evaluate = a => Math.Atan2(a[0], a[1]) };

    public static readonly MathFunction Sinh = OneArgument("Sinh", (x, r, g, t) => Multiply(Call(Cosh!, x), g), Math.Sinh);
    public static readonly MathFunction Cosh = OneArgument("Cosh", (x, r, g, t) => Multiply(Call(Sinh, x), g), Math.Cosh);
    public static readonly MathFunction Tanh = OneArgument("Tanh", (x, r, g, t) => Multiply(Subtract(C(1, t), Multiply(r, r)), g), Math.Tanh, usesResult: true);
    public static readonly MathFunction Exp = OneArgument("Exp", (x, r, g, t) => Multiply(r, g), Math.Exp, usesResult: true);
    public static readonly MathFunction Log = OneArgument("Log", (x, r, g, t) => Divide(g, x), Math.Log);

    // log_b(x) = ln x / ln b: d/dx = 1 / (x ln b), d/db = -log_b(x) / (b ln b).
    public static readonly MathFunction LogBase = new("Log", 2, (a, r, g, t) =>
    {
        var (x, b) = (a[0], a[1]);
        var lnB = Call(Log, b);
        return [(x, Divide(g, Multiply(lnB, x))), (b, Negate(Divide(Multiply(r, g), Multiply(lnB, b))))];
    }, "x, b") { UsesResult = true, Evaluate = a => Math.Log(a[0], a[1]) };

    // The exponentials and logarithms that only double and float have (double.Exp2, double.LogP1, ...).
    public static readonly MathFunction Exp2 = OneArgument("Exp2", (x, r, g, t) => Multiply(C(Ln2, t), Multiply(r, g)), evaluate: null, usesResult: true, MathHome.NumberType);
    public static readonly MathFunction Exp10 = OneArgument("Exp10", (x, r, g, t) => Multiply(C(Ln10, t), Multiply(r, g)), evaluate: null, usesResult: true, MathHome.NumberType);
    public static readonly MathFunction ExpM1 = OneArgument("ExpM1", (x, r, g, t) => Multiply(Add(r, C(1, t)), g), evaluate: null, usesResult: true, MathHome.NumberType);
    public static readonly MathFunction LogP1 = OneArgument("LogP1", (x, r, g, t) => Divide(g, Add(x, C(1, t))), evaluate: null, usesResult: false, MathHome.NumberType);

    public static readonly MathFunction Log10 = OneArgument("Log10", (x, r, g, t) => Divide(g, Multiply(C(Ln10, t), x)), Math.Log10);
    public static readonly MathFunction Log2 = OneArgument("Log2", (x, r, g, t) => Divide(g, Multiply(C(Ln2, t), x)), evaluate: null);
    public static readonly MathFunction Sqrt = OneArgument("Sqrt", (x, r, g, t) => Divide(g, Multiply(C(2, t), r)), Math.Sqrt, usesResult: true);
    public static readonly MathFunction Cbrt = OneArgument("Cbrt", (x, r, g, t) => Divide(g, Multiply(C(3, t), Multiply(r, r))), evaluate: null, usesResult: true);

    public static readonly MathFunction Pow = new("Pow", 2, (a, r, g, t) => PowPartials(a[0], a[1], r, g, t), "x, y")
    {
        UsesResult = true,
        Evaluate = a => Math.Pow(a[0], a[1]),
    };

    // Subgradient 0 at 0, like PyTorch.
    public static readonly MathFunction Abs = OneArgument("Abs", (x, r, g, t) => Multiply(Build.Convert(new MathCall(Sign!, EquatableArray.Create(x), ScalarType.Int), t), g), Math.Abs);

    // Ties send the gradient to the first argument.
    public static readonly MathFunction Max = new("Max", 2, (a, r, g, t) =>
        [(a[0], Select(Compare(BinaryOp.GreaterOrEqual, a[0], a[1]), g)), (a[1], Select(Compare(BinaryOp.Less, a[0], a[1]), g))], "x, y")
    { Evaluate = a => Math.Max(a[0], a[1]) };

    public static readonly MathFunction Min = new("Min", 2, (a, r, g, t) =>
        [(a[0], Select(Compare(BinaryOp.LessOrEqual, a[0], a[1]), g)), (a[1], Select(Compare(BinaryOp.Greater, a[0], a[1]), g))], "x, y")
    { Evaluate = a => Math.Min(a[0], a[1]) };

    // Clamp(v, lo, hi): the gradient goes to whichever of the three is the result.
    public static readonly MathFunction Clamp = new("Clamp", 3, (a, r, g, t) =>
    {
        var (v, lo, hi) = (a[0], a[1], a[2]);
        return
        [
            (v, Select(new Binary(BinaryOp.And, Compare(BinaryOp.GreaterOrEqual, v, lo), Compare(BinaryOp.LessOrEqual, v, hi), ScalarType.Bool), g)),
            (lo, Select(Compare(BinaryOp.Less, v, lo), g)),
            (hi, Select(new Binary(BinaryOp.And, Compare(BinaryOp.Greater, v, hi), Compare(BinaryOp.GreaterOrEqual, v, lo), ScalarType.Bool), g)),
        ];
    }, "x, min, max") { Home = MathHome.Math, Evaluate = a => Math.Min(Math.Max(a[0], a[1]), a[2]) };

    // fma(a, b, c) = a * b + c, rounded once.
    public static readonly MathFunction FusedMultiplyAdd = new("FusedMultiplyAdd", 3, (a, r, g, t) =>
        [(a[0], Multiply(a[1], g)), (a[1], Multiply(a[0], g)), (a[2], g)], "x, y, z");

    // hypot(x, y) = sqrt(x² + y²): d/dx = x / r, d/dy = y / r.
    public static readonly MathFunction Hypot = new("Hypot", 2, (a, r, g, t) =>
        [(a[0], Divide(Multiply(a[0], g), r)), (a[1], Divide(Multiply(a[1], g), r))], "x, y")
    { UsesResult = true, Home = MathHome.NumberType };

    // Piecewise constant: zero derivative almost everywhere (DIFF009 warns the user).
    public static readonly MathFunction Floor = OneArgument("Floor", partial: null, Math.Floor);
    public static readonly MathFunction Ceiling = OneArgument("Ceiling", partial: null, Math.Ceiling);
    public static readonly MathFunction Round = OneArgument("Round", partial: null, Math.Round);
    public static readonly MathFunction Truncate = OneArgument("Truncate", partial: null, evaluate: null);
    public static readonly MathFunction Sign = OneArgument("Sign", partial: null, a => Math.Sign(a));

    // Tests of a value, for validation and special cases: double.IsNaN(x), float.IsFinite(x).
    public static readonly MathFunction IsNaN = Predicate("IsNaN", double.IsNaN);
    public static readonly MathFunction IsInfinity = Predicate("IsInfinity", double.IsInfinity);
    public static readonly MathFunction IsPositiveInfinity = Predicate("IsPositiveInfinity", double.IsPositiveInfinity);
    public static readonly MathFunction IsNegativeInfinity = Predicate("IsNegativeInfinity", double.IsNegativeInfinity);
    public static readonly MathFunction IsFinite = Predicate("IsFinite", evaluate: null);
    public static readonly MathFunction IsNegative = Predicate("IsNegative", evaluate: null);

    /// <summary>Every entry, in the order diagnostics list them.</summary>
    public static readonly IReadOnlyList<MathFunction> All =
    [
        Sin, Cos, Tan, Asin, Acos, Atan, Atan2, Sinh, Cosh, Tanh,
        Exp, Log, LogBase, Log10, Log2, Exp2, Exp10, ExpM1, LogP1, Sqrt, Cbrt, Pow, Hypot, FusedMultiplyAdd,
        Abs, Max, Min, Clamp, Floor, Ceiling, Round, Truncate, Sign,
        IsNaN, IsInfinity, IsPositiveInfinity, IsNegativeInfinity, IsFinite, IsNegative,
    ];

    /// <summary>The entry a call with this C# name and argument count reaches, or null.</summary>
    public static MathFunction? Find(string name, int arity) => All.FirstOrDefault(f => f.Name == name && f.Arity == arity);

    /// <summary>Whether some entry has this C# name (whatever its arity).</summary>
    public static bool HasName(string name) => All.Any(f => f.Name == name);

    /// <summary>"Sin(x), Cos(x), ..., Log(x, b), ...": the list DIFF006 gives after "supported:".</summary>
    public static string SupportedList => string.Join(", ", All.Where(f => !f.IsPredicate).Select(f => f.Display));

    private static MathFunction OneArgument(string name, Func<Expr, Expr, Expr, ScalarType, Expr>? partial, Func<double, double>? evaluate, bool usesResult = false, MathHome home = MathHome.MathAndMathF) =>
        new(name, 1, partial is null ? null : (a, r, g, t) => [(a[0], partial(a[0], r, g, t))], "x")
        {
            UsesResult = usesResult,
            Home = home,
            Evaluate = evaluate is null ? null : a => evaluate(a[0]),
        };

    /// <summary>A static of double and float only (netstandard2.0 lacks IsFinite and IsNegative, so those are not folded).</summary>
    private static MathFunction Predicate(string name, Func<double, bool>? evaluate) =>
        new(name, 1, partials: null, "x")
        {
            Home = MathHome.NumberType,
            IsPredicate = true,
            Evaluate = evaluate is null ? null : a => evaluate(a[0]) ? 1 : 0,
        };

    private static IEnumerable<(Expr Operand, Expr Adjoint)> PowPartials(Expr x, Expr p, Expr r, Expr g, ScalarType t)
    {
        if (p is Constant c)
        {
            // d/dx x^c = c x^(c-1), written out for small integer powers.
            var derivative = c.Value switch
            {
                0 => C(0, t),
                1 => C(1, t),
                2 => Multiply(C(2, t), x),
                3 => Multiply(C(3, t), Multiply(x, x)),
                _ => Multiply(C(c.Value, t), Call(Pow, x, C(c.Value - 1, t))),
            };
            return [(x, Multiply(derivative, g))];
        }
        // d/dx = p x^(p-1) = p r / x would divide by zero at x = 0; use Pow directly.
        return [(x, Multiply(Multiply(p, Call(Pow, x, Subtract(p, C(1, t)))), g)), (p, Multiply(Multiply(r, Call(Log, x)), g))];
    }

    private static Constant C(double value, ScalarType type) => new(value, type);

    private static Expr Compare(BinaryOp op, Expr a, Expr b) => new Binary(op, a, b, ScalarType.Bool);

    private static Expr Select(Expr condition, Expr g) => new Conditional(condition, g, new Constant(0, g.Type), g.Type);
}
