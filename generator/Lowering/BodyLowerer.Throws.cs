using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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

    /// <summary>A call as a statement (Console.WriteLine, a validation helper given a differentiable value): only its side effect would run.</summary>
    private void ReportVoidCall(IInvocationOperation call)
    {
        var advice = IsValidationHelper(call.TargetMethod)
            ? "a validation helper is run as written when its arguments are integers, bools, strings or data; check a floating-point value with 'if (...) throw new ...'"
            : "a call whose result is not used runs only for its side effects, which a derivative cannot follow; move it out of the method";
        Report(DiagnosticDescriptors.UnsupportedStatement, call.Syntax.GetLocation(), $"'{Shorten(call.Syntax.ToString())}'", advice);
    }

    /// <summary>
    /// <c>ArgumentOutOfRangeException.ThrowIfNegative(n)</c>, <c>ArgumentNullException.ThrowIfNull(settings)</c>,
    /// <c>ObjectDisposedException.ThrowIf(...)</c>: a static <c>ThrowIf*</c> method of an exception type.
    /// </summary>
    private static bool IsValidationHelper(IMethodSymbol method)
    {
        if (!method.IsStatic || !method.Name.StartsWith("ThrowIf", System.StringComparison.Ordinal))
        {
            return false;
        }
        for (var type = method.ContainingType; type is not null; type = type.BaseType)
        {
            if (type.ToDisplayString() == "System.Exception")
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A validation helper whose arguments are all inactive (integers, bools, strings, data): it can run as written.</summary>
    private bool IsValidationCall(IInvocationOperation call) =>
        IsValidationHelper(call.TargetMethod) && call.Arguments.All(a => a.ArgumentKind == ArgumentKind.DefaultValue || a.ArgumentKind == ArgumentKind.Explicit && a.Parameter?.RefKind == RefKind.None && Collect(a.Value, new List<(TextSpan, string?, IOperation?)>()));

    /// <summary>
    /// The call, qualified, runs in every forward sweep where it is written. A parameter filled in
    /// by <c>[CallerArgumentExpression]</c> gets the user's argument text, so the exception names
    /// the user's variable, not the generated code's.
    /// </summary>
    private void LowerValidationCall(IInvocationOperation call)
    {
        var syntax = (InvocationExpressionSyntax)call.Syntax;
        var method = call.TargetMethod;
        var pieces = new List<(TextSpan Span, string? Text, IOperation? Hole)>
        {
            (syntax.Expression.Span, method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + method.Name, null),
        };
        var callerTexts = new List<string>();
        foreach (var argument in call.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.Explicit)
            {
                Collect(argument.Value, pieces);
            }
            else if (CallerArgument(argument.Parameter!, call) is { } text)
            {
                callerTexts.Add(SymbolDisplay.FormatLiteral(text, quote: true));
            }
        }
        if (callerTexts.Count > 0)
        {
            var close = syntax.ArgumentList.CloseParenToken.SpanStart;
            var separator = syntax.ArgumentList.Arguments.Count > 0 ? ", " : "";
            pieces.Add((new TextSpan(close, 0), separator + string.Join(", ", callerTexts), null));
        }
        var read = BuildDataRead(syntax, "", pieces, primary: true, ScalarType.Int);
        if (read is not null)
        {
            EmitValidation(read);
        }
    }

    /// <summary><c>_ = settings ?? throw new ArgumentNullException(nameof(settings));</c>: a check on data, run as written.</summary>
    private void LowerDiscardedData(ISimpleAssignmentOperation discard)
    {
        var pieces = new List<(TextSpan Span, string? Text, IOperation? Hole)>();
        if (!Collect(discard.Value, pieces))
        {
            Unsupported(discard, "a discard of data is supported for checks such as '_ = settings ?? throw new ArgumentNullException(nameof(settings))'");
            return;
        }
        var read = BuildDataRead(discard.Syntax, "", pieces, primary: true, ScalarType.Int);
        if (read is not null)
        {
            EmitValidation(read);
        }
    }

    /// <summary>The argument text C# would pass to a <c>[CallerArgumentExpression("value")]</c> parameter, or null.</summary>
    private static string? CallerArgument(IParameterSymbol parameter, IInvocationOperation call)
    {
        var attribute = parameter.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "CallerArgumentExpressionAttribute");
        if (attribute is not { ConstructorArguments: [{ Value: string source }] })
        {
            return null;
        }
        var argument = call.Arguments.FirstOrDefault(a => a.Parameter?.Name == source && a.ArgumentKind == ArgumentKind.Explicit);
        return argument?.Syntax is ArgumentSyntax written ? written.Expression.ToString() : argument?.Value.Syntax.ToString();
    }

    /// <summary>A check run for its effect (a throw helper, <c>_ = data ?? throw ...</c>): printed as the statement alone.</summary>
    private void EmitValidation(DataRead check)
    {
        var name = _names.Fresh("validated");
        _locals.Add(new LocalVariable(name, ScalarType.Int));
        Emit(new Assign(name, check with { IsStatement = true }));
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
