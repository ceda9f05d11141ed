using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

using SourceGen.Autodiff.Generator.IR;

namespace SourceGen.Autodiff.Generator.Lowering;

/// <summary>
/// Follow-on errors: once a local's definition is reported, its uses are not reported again.
/// They would only repeat that error, or contradict the code ("compound assignment is supported
/// on double locals" on a double local whose initializer was the problem).
/// </summary>
internal sealed partial class BodyLowerer
{
    private readonly HashSet<ISymbol> _reportedLocals = new(SymbolEqualityComparer.Default);

    /// <summary>Assigns a whole value to a local; if that reports an error, later uses of the local stay quiet.</summary>
    private Expr? AssignReportingOnce(ISymbol symbol, IOperation value, IOperation whole)
    {
        var errors = ErrorCount();
        var assigned = Assign(symbol, value, whole);
        if (ErrorCount() > errors)
        {
            _reportedLocals.Add(symbol);
        }
        return assigned;
    }

    /// <summary>The construct reads or writes a local whose definition was already reported.</summary>
    private bool IsFollowOn(IOperation operation) =>
        _reportedLocals.Count > 0
        && operation.DescendantsAndSelf().OfType<ILocalReferenceOperation>().Any(l => _reportedLocals.Contains(l.Local));

    private int ErrorCount() => _diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
}
