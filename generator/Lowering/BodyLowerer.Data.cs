using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Lowering;

/// <summary>
/// Reads from data parameters (<c>labels[i]</c>, <c>settings.Rate</c>, <c>list.Count</c>,
/// <c>normals[i, 0]</c>, <c>mode == Mode.Fast</c>): kept as the C# the user wrote, with the
/// parameter's generated name and the lowered indices in place, and never differentiated.
/// </summary>
internal sealed partial class BodyLowerer
{
    /// <summary>Data parameters and their names in the generated code.</summary>
    private readonly Dictionary<ISymbol, string> _dataParameters = new(SymbolEqualityComparer.Default);

    /// <summary>A scalar computed from data alone (plus inactive integer or bool values), or null to lower it the ordinary way.</summary>
    private Expr? LowerDataRead(IOperation operation, ScalarType type)
    {
        var pieces = new List<(TextSpan Span, string? Text, IOperation? Hole)>();
        if (!ReadsData(operation) || !Collect(operation, pieces))
        {
            return null;
        }
        var primary = operation.Syntax is ElementAccessExpressionSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or IdentifierNameSyntax or ParenthesizedExpressionSyntax;
        var read = BuildDataRead(operation.Syntax, "", pieces, primary, type);
        return read is not null && operation.Type is { } valueType && KnownTypes.TryGetScalar(valueType, out var written) && written != type ? Build.Convert(read, type) : read;
    }

    /// <summary>The text of <paramref name="syntax"/> after <paramref name="prefix"/>, with the pieces replaced and the holes lowered.</summary>
    private DataRead? BuildDataRead(SyntaxNode syntax, string prefix, List<(TextSpan Span, string? Text, IOperation? Hole)> pieces, bool primary, ScalarType type)
    {
        var source = syntax.SyntaxTree.GetText(_cancellationToken);
        var texts = new List<string>();
        var holes = new List<Expr>();
        var current = new System.Text.StringBuilder(prefix);
        var position = syntax.SpanStart;
        foreach (var (span, text, hole) in pieces.OrderBy(p => p.Span.Start))
        {
            current.Append(source.ToString(TextSpan.FromBounds(position, span.Start)));
            position = span.End;
            if (text is not null)
            {
                current.Append(text);
                continue;
            }
            if (hole is ILocalReferenceOperation named && _dataLocals.TryGetValue(named.Local, out var alias))
            {
                SpliceDataLocal(alias, texts, holes, current);
                continue;
            }
            var lowered = LowerScalar(hole!);
            if (lowered is null)
            {
                return null;
            }
            texts.Add(current.ToString());
            current.Clear();
            holes.Add(lowered);
        }
        current.Append(source.ToString(TextSpan.FromBounds(position, syntax.Span.End)));
        texts.Add(current.ToString());
        return new DataRead(texts.Select(t => string.Join(" ", t.Split(new[] { '\r', '\n' }, System.StringSplitOptions.RemoveEmptyEntries))).ToEquatableArray(), holes.ToEquatableArray(), primary, type);
    }

    private bool ReadsData(IOperation operation) =>
        operation.DescendantsAndSelf().Any(o => o is IParameterReferenceOperation p && _dataParameters.ContainsKey(p.Parameter) || IsTable(o)
            || o is ILocalReferenceOperation l && _dataLocals.ContainsKey(l.Local));

    /// <summary>A static readonly field that is not a scalar (a table such as <c>static readonly double[] Weights</c>): data.</summary>
    private static bool IsTable(IOperation operation) =>
        operation is IFieldReferenceOperation { Instance: null, Field: { IsStatic: true, IsReadOnly: true } field } && !KnownTypes.TryGetScalar(field.Type, out _);

    /// <summary>
    /// Walks the data part of the expression: every node reading data must be one the text can
    /// keep (member, element, instance call, operator); every other sub-expression becomes a hole
    /// (an inactive integer or bool, lowered) or a constant. False: lower it the ordinary way.
    /// </summary>
    private bool Collect(IOperation operation, List<(TextSpan, string?, IOperation?)> pieces)
    {
        // nameof(data) is a string constant, not a read.
        if (!ReadsData(operation) || operation.ConstantValue is { HasValue: true, Value: string })
        {
            return Leaf(operation, pieces);
        }
        if (operation.Syntax.DescendantTrivia().Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia)))
        {
            return false;
        }
        switch (operation)
        {
            case IParameterReferenceOperation parameter when _dataParameters.TryGetValue(parameter.Parameter, out var name):
                pieces.Add((operation.Syntax.Span, name, null));
                return true;
            case ILocalReferenceOperation local when _dataLocals.ContainsKey(local.Local):
                // Spliced in by BuildDataRead.
                pieces.Add((operation.Syntax.Span, null, operation));
                return true;
            case IFieldReferenceOperation { Field: var table } when IsTable(operation):
                pieces.Add((operation.Syntax.Span, table.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + table.Name, null));
                return true;
            case IConversionOperation { IsImplicit: true } conversion:
                return Collect(conversion.Operand, pieces);
            case IConversionOperation conversion when conversion.Type?.SpecialType is not SpecialType.None:
                return Collect(conversion.Operand, pieces);
            case IPropertyReferenceOperation { Instance: { } instance } property:
                return Collect(instance, pieces) && property.Arguments.All(a => a.ArgumentKind == ArgumentKind.Explicit && Collect(a.Value, pieces));
            case IFieldReferenceOperation { Instance: { } instance }:
                return Collect(instance, pieces);
            case IArrayElementReferenceOperation element:
                return Collect(element.ArrayReference, pieces) && element.Indices.All(i => Collect(i, pieces));
            case IInvocationOperation { Instance: { } instance, TargetMethod: { IsGenericMethod: false, IsExtensionMethod: false } } invocation:
                return Collect(instance, pieces) && invocation.Arguments.All(a => a.ArgumentKind == ArgumentKind.Explicit && a.Parameter?.RefKind == RefKind.None && Collect(a.Value, pieces));
            case IBinaryOperation { OperatorMethod: null } binary:
                return Collect(binary.LeftOperand, pieces) && Collect(binary.RightOperand, pieces);
            case IUnaryOperation { OperatorMethod: null } unary:
                return Collect(unary.Operand, pieces);
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                return Collect(conditional.Condition, pieces) && Collect(conditional.WhenTrue, pieces) && Collect(whenFalse, pieces);
            case ICoalesceOperation coalesce when StripConversions(coalesce.WhenNull) is IThrowOperation thrown:
                // settings ?? throw new ArgumentNullException(nameof(settings)): the check runs as written.
                return Collect(coalesce.Value, pieces) && CollectThrow(thrown, pieces);
            default:
                return false;
        }
    }

    /// <summary>
    /// A sub-expression that reads no data: a literal stays as written, a string constant
    /// (nameof) becomes a literal, an enum member is qualified, an interpolated string keeps its
    /// text around its parts, an integer or bool value is a hole.
    /// </summary>
    private bool Leaf(IOperation operation, List<(TextSpan, string?, IOperation?)> pieces)
    {
        if (operation.Syntax is LiteralExpressionSyntax)
        {
            return true;
        }
        if (operation.ConstantValue is { HasValue: true, Value: string text })
        {
            pieces.Add((operation.Syntax.Span, SymbolDisplay.FormatLiteral(text, quote: true), null));
            return true;
        }
        if (operation is IInterpolatedStringOperation interpolated)
        {
            return interpolated.Parts.All(part => part is IInterpolatedStringTextOperation
                || part is IInterpolationOperation { Alignment: null } interpolation && Collect(interpolation.Expression, pieces));
        }
        if (operation is IFieldReferenceOperation { Field: { IsConst: true, ContainingType.TypeKind: TypeKind.Enum } field })
        {
            pieces.Add((operation.Syntax.Span, field.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + field.Name, null));
            return true;
        }
        if (operation.Type is { } type && KnownTypes.TryGetScalar(type, out var scalar) && !scalar.IsReal() || operation.ConstantValue.HasValue && operation.Type?.SpecialType is SpecialType.System_Double or SpecialType.System_Single)
        {
            pieces.Add((operation.Syntax.Span, null, operation));
            return true;
        }
        return false;
    }

    /// <summary><c>throw new E(arguments)</c> inside data: the type qualified, the arguments kept (constants, nameof, data).</summary>
    private bool CollectThrow(IThrowOperation thrown, List<(TextSpan, string?, IOperation?)> pieces)
    {
        if (StripConversions(thrown.Exception!) is not IObjectCreationOperation { Syntax: ObjectCreationExpressionSyntax syntax, Initializer: null, Type: { } type } creation)
        {
            return false;
        }
        pieces.Add((syntax.Type.Span, type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), null));
        return creation.Arguments.All(a => a.ArgumentKind == ArgumentKind.Explicit && Collect(a.Value, pieces));
    }
}
