using System.Collections.Generic;
using System.Linq;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Differentiation;

/// <summary>
/// Mixed mode for the Backward method: a scalar input's derivative carried forward as a
/// tangent instead of collected backwards, when that removes every record. In Horner's
/// <c>r = r * x + c[i]</c> the reverse sweep needs the overwritten <c>r</c> only for x's adjoint
/// (<c>xBar += r * rBar</c>); carrying <c>rDot = rDot * x + r</c> alongside <c>r</c>, as a person
/// writes it, leaves a reverse sweep for <c>c</c> that needs no record at all.
/// <para>
/// Used only when it pays for certain: the method returns a double, writes no arrays, calls no
/// [Differentiable] method, has at most two scalar inputs with gradients (one tangent each), and
/// differentiating the rest needs no record while the full reverse sweep does.
/// </para>
/// </summary>
internal static class TangentMode
{
    private const int MaxTangents = 2;

    /// <summary>The Backward program in mixed mode, or null when it does not qualify or gains nothing.</summary>
    public static BackwardProgram? TryBuild(MethodModel method, BackwardProgram reverseOnly, PassOptions options)
    {
        var scalars = method.Parameters.Where(p => p.IsDifferentiable && p.Kind == ParameterKind.Scalar).ToList();
        if (!reverseOnly.NeedsTape || scalars.Count is 0 or > MaxTangents || method.Result.Kind != ResultKind.Scalar
            || method.Result.ElementType != ScalarType.Double || !Qualifies(method))
        {
            return null;
        }
        var withoutScalars = method with
        {
            Parameters = method.Parameters.Select(p => scalars.Contains(p) ? p with { NoGradient = true } : p).ToEquatableArray(),
        };
        var rest = FlowReverseMode.DifferentiateForBackward(withoutScalars, options);
        if (rest.NeedsTape || rest.ResultName is not { } result)
        {
            return null;
        }

        var names = new NameAllocator(method.Body.UsedNames.Concat(ReverseMode.ReservedNames(method)).Concat(Identifiers.Generated)
            .Concat(rest.ForwardLocals.Select(l => l.Name)).Concat(CollectDeclared(rest)));
        var forward = rest.Forward.ToList();
        var locals = rest.ForwardLocals.ToList();
        var reverse = rest.Reverse.ToList();
        foreach (var scalar in scalars)
        {
            var only = method with
            {
                Parameters = method.Parameters.Select(p => p with { NoGradient = p.Name != scalar.Name }).ToEquatableArray(),
            };
            // Activity over the program without tangents: one input's tangents do not depend on another's.
            var varied = FlowActivity.VariedNames(only);
            VariedThroughForward(rest.Forward.ToList(), varied);
            var input = Identifiers.Unescape(scalar.Name);
            var suffix = scalars.Count == 1 ? "Dot" : "Dot" + char.ToUpperInvariant(input[0]) + input.Substring(1);
            var tangents = new Dictionary<string, string>();
            foreach (var local in rest.ForwardLocals.Where(l => varied.Contains(l.Name) && l.Type == ScalarType.Double))
            {
                tangents[local.Name] = names.Fresh(local.Name + suffix);
                locals.Add(new LocalVariable(tangents[local.Name], ScalarType.Double));
            }
            if (!tangents.ContainsKey(result))
            {
                continue;
            }
            forward = WithTangents(forward, scalar.Name, tangents);
            var derivative = Build.Multiply(new Variable(tangents[result], ScalarType.Double), Variable.Adjoint(ReverseMode.Seed, ScalarType.Double));
            reverse.Add(new AccumulateScalarGradient(ReverseMode.GradientName(scalar.Name), derivative));
        }
        return rest with
        {
            Method = method,
            Forward = forward.ToEquatableArray(),
            Reverse = reverse.ToEquatableArray(),
            ForwardLocals = locals.ToEquatableArray(),
            Tangents = true,
        };
    }

    /// <summary>Doubles only (no float narrowing to carry), no array writes, no parameter assigned, no calls to taped methods.</summary>
    private static bool Qualifies(MethodModel method)
    {
        if (method.Parameters.Any(p => p.ElementType != ScalarType.Double && p.ElementType.IsReal())
            || method.Body.Locals.Any(l => l.Type == ScalarType.Float))
        {
            return false;
        }
        var parameters = new HashSet<string>(method.Parameters.Select(p => p.Name));
        var ok = true;
        void Expression(Expr expr) => ExprRewriter.Walk(expr, e => ok &= e is not (DifferentiableCall or IR.Convert { Type: ScalarType.Float } or TensorSum));
        void Visit(IEnumerable<Statement> statements)
        {
            foreach (var statement in statements)
            {
                switch (statement)
                {
                    // A parameter assigned in the body would need a tangent of its own: not handled.
                    case Assign a: Expression(a.Value); ok &= !parameters.Contains(a.Name); break;
                    case Return r: if (r.Scalar is { } s) { Expression(s); } ok &= r.Aggregate is null && r.Tensor is null && r.Elements.Count == 0; break;
                    case If i: Expression(i.Condition); Visit(i.Then); Visit(i.Else); break;
                    case Loop l: Expression(l.Condition); Visit(l.Body); Visit(l.Step); break;
                    case Break or Continue: break;
                    default: ok = false; break;
                }
            }
        }
        Visit(method.Body.Statements);
        return ok;
    }

    private static IEnumerable<string> CollectDeclared(BackwardProgram program)
    {
        var names = new List<string>();
        void Reverse(IEnumerable<BackwardStatement> statements)
        {
            foreach (var statement in statements)
            {
                switch (statement)
                {
                    case DeclareValue d: names.Add(d.Name); break;
                    case BackwardIf b: Reverse(b.Then); Reverse(b.Else); break;
                    case BackwardFor f: names.Add(f.Index); Reverse(f.Body); break;
                    case ElementLoop e: names.Add(e.Index); names.AddRange(e.Accumulators); Reverse(e.Body); break;
                }
            }
        }
        Reverse(program.Reverse);
        Reverse(RunReverse.Within(program.Forward));
        return names;
    }

    /// <summary>Adds the variables the generated forward sweep assigns from varied values (the result variable among them), to a fixed point.</summary>
    private static void VariedThroughForward(List<Statement> forward, HashSet<string> varied)
    {
        bool changed;
        do
        {
            changed = false;
            void Visit(IEnumerable<Statement> statements)
            {
                foreach (var statement in statements)
                {
                    switch (statement)
                    {
                        case Assign a when !varied.Contains(a.Name) && FlowActivity.IsVaried(a.Value, varied):
                            changed |= varied.Add(a.Name);
                            break;
                        case If i: Visit(i.Then); Visit(i.Else); break;
                        case Loop l: Visit(l.Body); Visit(l.Step); break;
                    }
                }
            }
            Visit(forward);
        }
        while (changed);
    }

    /// <summary>Before each assignment to a variable that depends on the input, the tangent of its new value (read from the old values).</summary>
    private static List<Statement> WithTangents(IEnumerable<Statement> statements, string input, Dictionary<string, string> tangents)
    {
        var result = new List<Statement>();
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case Assign { Value: MathCall { Function.UsesResult: true } call } named when tangents.TryGetValue(named.Name, out var resultDot) && !ReadsItself(named):
                    // exp = Math.Exp(u): the value first, so its tangent reads exp instead of computing Math.Exp(u) again.
                    result.Add(named);
                    result.Add(new Assign(resultDot, Tangent(call, input, tangents, new Variable(named.Name, call.Type))));
                    break;
                case Assign assign when tangents.TryGetValue(assign.Name, out var dot):
                    var tangent = Tangent(assign.Value, input, tangents);
                    if (!(tangent is Variable same && same.Name == dot))
                    {
                        result.Add(new Assign(dot, tangent));
                    }
                    result.Add(assign);
                    break;
                case If branch:
                    result.Add(branch with { Then = WithTangents(branch.Then, input, tangents).ToEquatableArray(), Else = WithTangents(branch.Else, input, tangents).ToEquatableArray() });
                    break;
                case Loop loop:
                    result.Add(loop with { Body = WithTangents(loop.Body, input, tangents).ToEquatableArray(), Step = WithTangents(loop.Step, input, tangents).ToEquatableArray() });
                    break;
                default:
                    result.Add(statement);
                    break;
            }
        }
        return result;
    }

    private static bool ReadsItself(Assign assign)
    {
        var reads = false;
        ExprRewriter.Walk(assign.Value, e => reads |= e is Variable v && v.Name == assign.Name);
        return reads;
    }

    /// <summary>d(expr)/d(input) by the chain rule, from the same partial derivatives the reverse sweep uses (<paramref name="result"/>: expr's value, already computed).</summary>
    private static Expr Tangent(Expr expr, string input, Dictionary<string, string> tangents, Expr? result = null)
    {
        var zero = new Constant(0, ScalarType.Double);
        switch (expr)
        {
            case Variable v when v.Name == input:
                return new Constant(1, ScalarType.Double);
            case Variable v:
                return tangents.TryGetValue(v.Name, out var dot) ? new Variable(dot, ScalarType.Double) : zero;
            case Constant or ElementLoad or LengthOf or Unary { Op: UnaryOp.StopGradient }:
                return zero;
            case IR.Conditional c:
                return new IR.Conditional(c.Condition, Tangent(c.WhenTrue, input, tangents), Tangent(c.WhenFalse, input, tangents), ScalarType.Double);
        }
        if (!expr.Type.IsReal())
        {
            return zero;
        }
        var terms = new List<Expr>();
        foreach (var (operand, partial) in DerivativeRules.Partials(expr, new Constant(1, ScalarType.Double), result) ?? System.Array.Empty<(Expr, Expr)>())
        {
            var operandTangent = Tangent(operand, input, tangents);
            if (operandTangent is not Constant { Value: 0 })
            {
                terms.Add(Build.Multiply(partial, operandTangent));
            }
        }
        return terms.Count == 0 ? zero : Build.Sum(terms, ScalarType.Double);
    }
}
