using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Lowering;

/// <summary>
/// The <c>switch</c> statement, on an int, long, bool or double value or on an enum that is data
/// (<c>switch (kernel) { case Kernel.Gaussian: ...; break; default: throw ...; }</c>): the chain of
/// branches it means. Sections are tested in order and <c>default</c> is taken when none matches,
/// wherever it is written; each section's final <c>break</c> ends it. The subject is evaluated once.
/// </summary>
internal sealed partial class BodyLowerer
{
    private void LowerSwitch(ISwitchOperation switchOperation)
    {
        var test = SwitchTest(switchOperation.Value);
        if (test is null)
        {
            return;
        }
        var sections = new List<(Expr Condition, EquatableArray<Statement> Body)>();
        EquatableArray<Statement>? otherwise = null;
        var failed = false;
        _branchDepth++;
        foreach (var section in switchOperation.Cases)
        {
            Expr? condition = null;
            var isDefault = false;
            foreach (var clause in section.Clauses)
            {
                var matches = clause switch
                {
                    IDefaultCaseClauseOperation => null,
                    ISingleValueCaseClauseOperation single => test(null, single.Value),
                    IPatternCaseClauseOperation pattern => WithGuard(test(pattern.Pattern, null), pattern.Guard),
                    _ => UnsupportedValue(clause, "case labels are supported with constants, relational patterns and 'when' guards"),
                };
                isDefault |= clause is IDefaultCaseClauseOperation;
                failed |= matches is null && clause is not IDefaultCaseClauseOperation;
                condition = matches is null ? condition : condition is null ? matches : new Binary(BinaryOp.Or, condition, matches, ScalarType.Bool);
            }
            var body = LowerSection(section, switchOperation.ExitLabel);
            failed |= body is null;
            if (isDefault)
            {
                otherwise = body;
            }
            else if (condition is not null && body is not null)
            {
                sections.Add((condition, body.Value));
            }
        }
        _branchDepth--;
        if (failed)
        {
            return;
        }
        // if (section 0) ... else if (section 1) ... else default
        var chain = otherwise ?? EquatableArray<Statement>.Empty;
        for (var k = sections.Count - 1; k >= 0; k--)
        {
            chain = new Statement[] { new If(sections[k].Condition, sections[k].Body, chain) }.ToEquatableArray();
        }
        EmitAll(chain);
    }

    /// <summary>How a case label is tested against the subject: (pattern, or the single value) to a bool, or null after a diagnostic.</summary>
    private System.Func<IPatternOperation?, IOperation?, Expr?>? SwitchTest(IOperation subject)
    {
        if (subject.Type is { } type && KnownTypes.TryGetScalar(type, out _))
        {
            var value = LowerScalar(subject);
            if (value is null)
            {
                return null;
            }
            value = value is Constant or Variable ? value : Capture(value, "selector");
            return (pattern, single) => pattern is null ? Compare(BinaryOp.Equal, value, single!) : PatternCondition(pattern, value);
        }
        if (subject.Type is { TypeKind: TypeKind.Enum } && ReadsData(subject) && LowerDataRead(subject, ScalarType.Int) is DataRead data)
        {
            return (pattern, single) => EnumEquals(data, pattern is IConstantPatternOperation constant ? constant.Value : single, pattern ?? (IOperation?)single);
        }
        Unsupported(subject, "a switch statement can test an int, long, bool or double value, or an enum parameter that is data");
        return null;
    }

    /// <summary><c>kernel == global::Kernel.Gaussian</c>: a data comparison, printed as written.</summary>
    private Expr? EnumEquals(DataRead subject, IOperation? constant, IOperation? label)
    {
        if (constant is not IFieldReferenceOperation { Field: { IsConst: true, ContainingType.TypeKind: TypeKind.Enum } member })
        {
            return UnsupportedValue(label!, "a case on an enum value must name one of its members");
        }
        var texts = subject.Texts.ToList();
        if (!subject.IsPrimary)
        {
            texts[0] = "(" + texts[0];
            texts[texts.Count - 1] += ")";
        }
        texts[texts.Count - 1] += " == " + member.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + member.Name;
        return new DataRead(texts.ToEquatableArray(), subject.Holes, IsPrimary: false, ScalarType.Bool);
    }

    private Expr? WithGuard(Expr? condition, IOperation? guard)
    {
        if (condition is null || guard is null)
        {
            return condition;
        }
        var lowered = LowerCondition(guard);
        return lowered is null ? null : new Binary(BinaryOp.And, condition, lowered, ScalarType.Bool);
    }

    /// <summary>A section's statements without its final <c>break</c>; a <c>break</c> out of the switch elsewhere is a diagnostic.</summary>
    private EquatableArray<Statement>? LowerSection(ISwitchCaseOperation section, ILabelSymbol exit)
    {
        var statements = section.Body.ToList();
        if (statements.Count > 0 && statements[statements.Count - 1] is IBranchOperation { BranchKind: BranchKind.Break } last && SymbolEqualityComparer.Default.Equals(last.Target, exit))
        {
            statements.RemoveAt(statements.Count - 1);
        }
        var early = statements.SelectMany(s => s.DescendantsAndSelf()).OfType<IBranchOperation>()
            .FirstOrDefault(b => b.BranchKind == BranchKind.Break && SymbolEqualityComparer.Default.Equals(b.Target, exit));
        if (early is not null)
        {
            Report(Diagnostics.DiagnosticDescriptors.UnsupportedStatement, early.Syntax.GetLocation(), "a 'break' out of a switch section before its end", "end the section there with an if/else instead");
            return null;
        }
        var outer = _current;
        _current = new List<Statement>();
        foreach (var statement in statements)
        {
            LowerStatement(statement);
        }
        var lowered = _current;
        _current = outer;
        return lowered.ToEquatableArray();
    }
}
