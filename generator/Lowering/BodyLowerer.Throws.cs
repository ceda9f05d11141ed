using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using SourceGen.Autodiff.Generator.Diagnostics;
using SourceGen.Autodiff.Generator.IR;

namespace SourceGen.Autodiff.Generator.Lowering;

/// <summary>
/// Argument validation: <c>if (x.Length != y.Length) throw new ArgumentException(...);</c> runs
/// where it is written in every generated forward sweep and is not differentiated. It becomes
/// <c>thrown = condition ? throw new global::System.ArgumentException(...) : 0;</c>, an int the
/// reverse sweep never reads.
/// </summary>
internal sealed partial class BodyLowerer
{
    /// <summary><c>if (condition) throw ...;</c> without an else (braces or not).</summary>
    private static bool IsThrowGuard(IConditionalOperation conditional) =>
        conditional.WhenFalse is null && ThrowOf(conditional.WhenTrue) is not null;

    private static IThrowOperation? ThrowOf(IOperation operation) => operation switch
    {
        IExpressionStatementOperation { Operation: IThrowOperation thrown } => thrown,
        IThrowOperation thrown => thrown,
        IBlockOperation { Operations.Length: 1 } block => ThrowOf(block.Operations[0]),
        _ => null,
    };

    private void LowerThrowGuard(IConditionalOperation guard)
    {
        var condition = LowerCondition(guard.Condition);
        var thrown = ThrownException(ThrowOf(guard.WhenTrue)!);
        if (condition is not null && thrown is not null)
        {
            EmitThrow(condition, thrown);
        }
    }

    /// <summary>A throw in a branch (after other statements, or in an else): thrown unconditionally when reached.</summary>
    private void LowerThrow(IThrowOperation thrown)
    {
        if (!_mutable)
        {
            Report(DiagnosticDescriptors.UnsupportedStatement, thrown.Syntax.GetLocation(), "a 'throw' that always runs", "throw only under a condition, to validate arguments");
            return;
        }
        var exception = ThrownException(thrown);
        if (exception is not null)
        {
            EmitThrow(new Constant(1, ScalarType.Bool), exception);
        }
    }

    /// <summary>A call as a statement (ArgumentOutOfRangeException.ThrowIfNegative(n), Console.WriteLine): only its side effect would run.</summary>
    private void ReportVoidCall(IInvocationOperation call)
    {
        var advice = call.TargetMethod.Name.StartsWith("Throw", System.StringComparison.Ordinal)
            ? "validation helpers are not supported yet; write the check out, e.g. 'if (n < 0) throw new ArgumentOutOfRangeException(nameof(n));'"
            : "a call whose result is not used runs only for its side effects, which a derivative cannot follow; move it out of the method";
        Report(DiagnosticDescriptors.UnsupportedStatement, call.Syntax.GetLocation(), $"'{Shorten(call.Syntax.ToString())}'", advice);
    }

    private void EmitThrow(Expr condition, DataRead exception)
    {
        var name = _names.Fresh("thrown");
        _locals.Add(new LocalVariable(name, ScalarType.Int));
        Emit(new Assign(name, new Conditional(condition, exception, new Constant(0, ScalarType.Int), ScalarType.Int)));
    }

    /// <summary>
    /// <c>throw new E(arguments)</c> with the type qualified and the arguments kept as written:
    /// constants, nameof, and interpolated strings of integer values (lengths, indices).
    /// </summary>
    private DataRead? ThrownException(IThrowOperation thrown)
    {
        var creation = StripConversions(thrown.Exception!) as IObjectCreationOperation;
        var pieces = new List<(TextSpan Span, string? Text, IOperation? Hole)>();
        if (creation is { Syntax: ObjectCreationExpressionSyntax syntax, Initializer: null, Type: { } type })
        {
            pieces.Add((syntax.Type.Span, type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), null));
            var ok = true;
            foreach (var argument in creation.Arguments)
            {
                ok &= argument.ArgumentKind == ArgumentKind.Explicit && Collect(argument.Value, pieces);
            }
            if (ok)
            {
                // Primary: a throw expression cannot be parenthesized.
                return BuildDataRead(syntax, "throw ", pieces, primary: true, ScalarType.Int);
            }
        }
        Report(DiagnosticDescriptors.UnsupportedStatement, thrown.Syntax.GetLocation(), "this 'throw'",
            "throw 'new SomeException(...)' whose arguments are constants, nameof(...) or interpolated strings of integer values such as lengths");
        return null;
    }
}
