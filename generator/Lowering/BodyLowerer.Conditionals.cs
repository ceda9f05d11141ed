using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Lowering;

/// <summary>
/// <c>c ? a : b</c> whose arms call a [Differentiable] method or write a variable
/// (<c>n == 0 ? 1 : x * Power(x, n - 1)</c>, <c>c ? a[i++] : 0</c>): only the arm C# takes may run,
/// so the conditional becomes a branch writing a temporary,
/// <c>if (c) { chosen = a; } else { chosen = b; }</c>, in methods lowered to branches and loops.
/// Plain arms stay a <see cref="Conditional"/> value.
/// </summary>
internal sealed partial class BodyLowerer
{
    /// <summary>The arms run statements (a call with a derivative, a write), and this conditional runs once where it is written.</summary>
    private bool NeedsBranch(IConditionalOperation conditional) =>
        _mutable && _conditionalDepth == 0 && conditional.WhenFalse is not null
        && (RunsStatements(conditional.WhenTrue) || RunsStatements(conditional.WhenFalse));

    private bool RunsStatements(IOperation arm) =>
        arm.DescendantsAndSelf().Any(o => IsNestedWrite(o) || o is IInvocationOperation { TargetMethod: var target } && _compilation is not null && HasDerivativeCode(target, _compilation));

    private Expr? LowerConditionalAsBranch(IConditionalOperation conditional, ScalarType type)
    {
        var condition = LowerCondition(conditional.Condition);
        var name = _names.Fresh("chosen");
        _locals.Add(new LocalVariable(name, type));
        var varied = false;
        _branchDepth++;
        var then = LowerArm(conditional.WhenTrue, name, type, ref varied);
        var otherwise = LowerArm(conditional.WhenFalse!, name, type, ref varied);
        _branchDepth--;
        if (condition is null || then is null || otherwise is null)
        {
            return null;
        }
        Emit(new If(condition, then.Value, otherwise.Value));
        if (varied)
        {
            _varied.Add(name);
        }
        return new Variable(name, type);
    }

    /// <summary>The arm's statements and the assignment of its value to <paramref name="name"/>.</summary>
    private EquatableArray<Statement>? LowerArm(IOperation arm, string name, ScalarType type, ref bool varied)
    {
        var outer = _current;
        _current = new System.Collections.Generic.List<Statement>();
        Expr? value = null;
        WithNestedWrites(arm, () => value = LowerScalar(arm));
        if (value is not null)
        {
            varied |= type.IsReal() && IsVaried(value);
            Emit(new Assign(name, value));
        }
        var lowered = _current;
        _current = outer;
        return value is null ? null : lowered.ToEquatableArray();
    }
}
