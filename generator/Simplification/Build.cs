using System;
using System.Collections.Generic;
using System.Linq;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator;

/// <summary>
/// Smart constructors for IR expressions: every expression the generator builds goes through
/// here, so constant folding and the identities x*1, x+0, 0*y, -(-x) apply everywhere and the
/// emitted code reads like a careful person's.
/// </summary>
internal static class Build
{
    public static Constant Real(double value) => new(value, ScalarType.Double);

    public static bool IsConstant(Expr e, double value) => e is Constant c && c.Value == value;

    public static Expr Convert(Expr operand, ScalarType type)
    {
        if (operand.Type == type)
        {
            return operand;
        }
        if (operand is Constant c)
        {
            var value = type switch
            {
                ScalarType.Int => (double)(int)c.Value,
                ScalarType.Long => (double)(long)c.Value,
                ScalarType.Float => (double)(float)c.Value,
                _ => c.Value,
            };
            return new Constant(value, type);
        }
        return new IR.Convert(operand, type);
    }

    public static Expr Negate(Expr operand) => operand switch
    {
        Constant c => new Constant(-c.Value, c.Type),
        Unary { Op: UnaryOp.Negate } u => u.Operand,
        Binary { Op: BinaryOp.Multiply, Left: Constant c } m => Multiply(new Constant(-c.Value, c.Type), m.Right),
        Binary { Op: BinaryOp.Subtract } s when s.Type.IsReal() => new Binary(BinaryOp.Subtract, s.Right, s.Left, s.Type),
        _ => new Unary(UnaryOp.Negate, operand, operand.Type),
    };

    /// <summary>
    /// The user's own arithmetic, as written: only constant operands are folded, so the forward
    /// pass computes bit for bit what the original method computes.
    /// </summary>
    public static Expr Exact(BinaryOp op, Expr left, Expr right) =>
        op.IsComparison() || op.IsLogical()
            ? new Binary(op, left, right, ScalarType.Bool)
            : Fold(new Binary(op, left, right, ResultType(left, right)));

    /// <summary>The user's negation, as written: only a constant is folded.</summary>
    public static Expr ExactNegate(Expr operand) =>
        operand is Constant c ? new Constant(-c.Value, c.Type) : new Unary(UnaryOp.Negate, operand, operand.Type);

    public static Expr Binary(BinaryOp op, Expr left, Expr right)
    {
        if (op.IsComparison() || op.IsLogical())
        {
            return new Binary(op, left, right, ScalarType.Bool);
        }
        return op switch
        {
            BinaryOp.Add => Add(left, right),
            BinaryOp.Subtract => Subtract(left, right),
            BinaryOp.Multiply => Multiply(left, right),
            BinaryOp.Divide => Divide(left, right),
            _ => Fold(new Binary(op, left, right, ResultType(left, right))),
        };
    }

    private static ScalarType ResultType(Expr left, Expr right) =>
        left.Type.IsReal() ? left.Type : right.Type.IsReal() ? right.Type : left.Type == ScalarType.Long || right.Type == ScalarType.Long ? ScalarType.Long : left.Type;

    public static Expr Add(Expr left, Expr right)
    {
        var type = ResultType(left, right);
        if (IsConstant(left, 0))
        {
            return right;
        }
        if (IsConstant(right, 0))
        {
            return left;
        }
        if (right is Unary { Op: UnaryOp.Negate } negated)
        {
            return Subtract(left, negated.Operand);
        }
        if (right is Constant { Value: < 0 } negative && type.IsReal())
        {
            return Subtract(left, new Constant(-negative.Value, negative.Type));
        }
        if (left is Unary { Op: UnaryOp.Negate } negatedLeft)
        {
            return Subtract(right, negatedLeft.Operand);
        }
        return Fold(new Binary(BinaryOp.Add, left, right, type));
    }

    public static Expr Subtract(Expr left, Expr right)
    {
        var type = ResultType(left, right);
        if (IsConstant(right, 0))
        {
            return left;
        }
        if (IsConstant(left, 0))
        {
            return Negate(right);
        }
        if (right is Unary { Op: UnaryOp.Negate } negated)
        {
            return Add(left, negated.Operand);
        }
        if (left.Equals(right) && type.IsReal())
        {
            return new Constant(0, type);
        }
        // Integer index arithmetic: (n - 1) - 1 is n - 2.
        if (!type.IsReal() && right is Constant c2 && left is Binary { Op: BinaryOp.Subtract or BinaryOp.Add, Right: Constant c1 } inner)
        {
            var offset = (inner.Op == BinaryOp.Subtract ? -c1.Value : c1.Value) - c2.Value;
            return offset < 0 ? Subtract(inner.Left, new Constant(-offset, type)) : Add(inner.Left, new Constant(offset, type));
        }
        return Fold(new Binary(BinaryOp.Subtract, left, right, type));
    }

    public static Expr Multiply(Expr left, Expr right)
    {
        var type = ResultType(left, right);
        if (IsConstant(left, 0) || IsConstant(right, 0))
        {
            return new Constant(0, type);
        }
        if (IsConstant(left, 1))
        {
            return right;
        }
        if (IsConstant(right, 1))
        {
            return left;
        }
        if (IsConstant(left, -1))
        {
            return Negate(right);
        }
        if (IsConstant(right, -1))
        {
            return Negate(left);
        }
        if (left is Unary { Op: UnaryOp.Negate } negatedLeft)
        {
            return Negate(Multiply(negatedLeft.Operand, right));
        }
        if (right is Unary { Op: UnaryOp.Negate } negatedRight)
        {
            return Negate(Multiply(left, negatedRight.Operand));
        }
        if (!type.IsReal() || left.Type != right.Type)
        {
            return Fold(new Binary(BinaryOp.Multiply, left, right, type));
        }
        // Products are kept in one canonical form, a constant then factors in a fixed order
        // (forward values before adjoints), so equal terms are recognized and merged.
        var factors = new List<Expr>();
        var coefficient = Flatten(left, factors) * Flatten(right, factors);
        factors.Sort(CompareFactors);
        Expr? product = null;
        foreach (var factor in factors)
        {
            product = product is null ? factor : new Binary(BinaryOp.Multiply, product, factor, type);
        }
        if (product is null)
        {
            return new Constant(coefficient, type);
        }
        return coefficient switch
        {
            1 => product,
            -1 => new Unary(UnaryOp.Negate, product, type),
            0 => new Constant(0, type),
            _ => PrependConstant(new Constant(coefficient, type), product),
        };
    }

    private static Expr PrependConstant(Constant constant, Expr product) => product switch
    {
        Binary { Op: BinaryOp.Multiply } m => new Binary(BinaryOp.Multiply, PrependConstant(constant, m.Left), m.Right, m.Type),
        _ => new Binary(BinaryOp.Multiply, constant, product, product.Type),
    };

    private static double Flatten(Expr e, List<Expr> factors)
    {
        switch (e)
        {
            case Constant c:
                return c.Value;
            case Binary { Op: BinaryOp.Multiply } m when m.Left.Type == m.Type && m.Right.Type == m.Type:
                return Flatten(m.Left, factors) * Flatten(m.Right, factors);
            case Unary { Op: UnaryOp.Negate } n:
                return -Flatten(n.Operand, factors);
            default:
                factors.Add(e);
                return 1;
        }
    }

    /// <summary>Adjoints (by their role, and the seed's elements) go last; otherwise a stable structural order.</summary>
    private static int CompareFactors(Expr a, Expr b)
    {
        var byKind = IsAdjoint(a).CompareTo(IsAdjoint(b));
        return byKind != 0 ? byKind : string.CompareOrdinal(a.ToString(), b.ToString());
    }

    private static bool IsAdjoint(Expr e) => e switch
    {
        Variable v => v.Role == VariableRole.Adjoint,
        // The seed is a reserved name (Model/Identifiers.cs keeps users' names off it).
        FlatElement f => f.Tensor == Differentiation.ReverseMode.Seed,
        ElementLoad l => l.Aggregate == Differentiation.ReverseMode.Seed,
        _ => false,
    };

    public static Expr Divide(Expr left, Expr right)
    {
        var type = ResultType(left, right);
        if (IsConstant(right, 1))
        {
            return left;
        }
        if (IsConstant(left, 0) && type.IsReal())
        {
            return new Constant(0, type);
        }
        if (left is Unary { Op: UnaryOp.Negate } negated && type.IsReal())
        {
            return Negate(Divide(negated.Operand, right));
        }
        return Fold(new Binary(BinaryOp.Divide, left, right, type));
    }

    public static Expr Call(MathFunction function, EquatableArray<Expr> arguments, ScalarType type)
    {
        var call = new MathCall(function, arguments, type);
        if (type.IsReal() && arguments.All(a => a is Constant))
        {
            var value = function.Evaluate?.Invoke(arguments.Select(a => ((Constant)a).Value).ToArray()) ?? double.NaN;
            if (!double.IsNaN(value) && !double.IsInfinity(value))
            {
                return new Constant(value, type);
            }
        }
        return call;
    }

    public static Expr Call(MathFunction function, params Expr[] arguments) =>
        Call(function, arguments.ToEquatableArray(), arguments[0].Type.IsReal() ? arguments[0].Type : ScalarType.Double);

    /// <summary>Sums terms, merging equal ones: t + t -> 2 * t, 2 * t + t -> 3 * t.</summary>
    public static Expr Sum(IReadOnlyList<Expr> terms, ScalarType type)
    {
        var coefficients = new List<(Expr Term, double Coefficient)>();
        foreach (var term in terms)
        {
            var (coefficient, rest) = Split(term);
            var index = coefficients.FindIndex(c => c.Term.Equals(rest));
            if (index >= 0)
            {
                coefficients[index] = (rest, coefficients[index].Coefficient + coefficient);
            }
            else
            {
                coefficients.Add((rest, coefficient));
            }
        }
        Expr sum = new Constant(0, type);
        foreach (var (term, coefficient) in coefficients)
        {
            sum = Add(sum, Multiply(new Constant(coefficient, type), term));
        }
        return sum;
    }

    private static (double Coefficient, Expr Term) Split(Expr term) => term switch
    {
        Binary { Op: BinaryOp.Multiply, Left: Constant c } m => (c.Value, m.Right),
        Unary { Op: UnaryOp.Negate } n => (-Split(n.Operand).Coefficient, Split(n.Operand).Term),
        Constant c => (c.Value, new Constant(1, c.Type)),
        _ => (1, term),
    };

    private static Expr Fold(Binary binary)
    {
        if (binary.Left is not Constant l || binary.Right is not Constant r)
        {
            return binary;
        }
        if (binary.Type.IsReal())
        {
            var value = binary.Op switch
            {
                BinaryOp.Add => l.Value + r.Value,
                BinaryOp.Subtract => l.Value - r.Value,
                BinaryOp.Multiply => l.Value * r.Value,
                BinaryOp.Divide => l.Value / r.Value,
                _ => double.NaN,
            };
            return double.IsNaN(value) || double.IsInfinity(value) ? binary : new Constant(value, binary.Type);
        }
        if (binary.Type is ScalarType.Int or ScalarType.Long)
        {
            long a = (long)l.Value, b = (long)r.Value;
            long? value = binary.Op switch
            {
                BinaryOp.Add => a + b,
                BinaryOp.Subtract => a - b,
                BinaryOp.Multiply => a * b,
                BinaryOp.Divide when b != 0 => a / b,
                BinaryOp.Remainder when b != 0 => a % b,
                _ => null,
            };
            return value is { } v ? new Constant(v, binary.Type) : binary;
        }
        return binary;
    }
}
