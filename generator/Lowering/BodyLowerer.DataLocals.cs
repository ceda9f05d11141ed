using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Lowering;

/// <summary>
/// Locals that name a piece of data: <c>var row = X[i];</c>, <c>var rate = settings.Rate;</c> of
/// a non-scalar type, <c>var p = points[k];</c>. Such a local is never written again, so every
/// use reads the data it names: <c>row[j]</c> becomes <c>X[rowI][j]</c>, with the integers the
/// initializer reads (<c>i</c>) copied when the local is declared, so a later <c>i++</c> does not move it.
/// </summary>
internal sealed partial class BodyLowerer
{
    /// <summary>Data locals and the data they name (holes: the copied integers).</summary>
    private readonly Dictionary<ISymbol, DataRead> _dataLocals = new(SymbolEqualityComparer.Default);

    /// <summary>Declares <paramref name="local"/> as a name for data when its initializer reads data and it is never written again.</summary>
    private bool TryDeclareDataLocal(ILocalSymbol local, IOperation initializer)
    {
        if (KnownTypes.TryGetScalar(local.Type, out _) || local.RefKind != RefKind.None || !ReadsData(initializer) || IsWrittenAfterDeclaration(local, initializer))
        {
            return false;
        }
        var pieces = new List<(TextSpan Span, string? Text, IOperation? Hole)>();
        if (!Collect(initializer, pieces))
        {
            return false;
        }
        var read = BuildDataRead(initializer.Syntax, "", pieces, primary: true, ScalarType.Int);
        if (read is null)
        {
            return true;
        }
        if (initializer.DescendantsAndSelf().Any(o => o is IThrowOperation) && BuildDataRead(initializer.Syntax, "_ = ", pieces, primary: true, ScalarType.Int) is { } check)
        {
            // var s = name ?? throw ...: the check runs where the local is declared, as in C#.
            EmitValidation(check);
        }
        var copied = read.Holes.Select(h => h is Constant ? h : Capture(h, local.Name + "At")).ToEquatableArray();
        var primary = initializer.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.ElementAccessExpressionSyntax
            or Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax
            or Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax
            or Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax;
        _dataLocals[local] = read with { Holes = copied, IsPrimary = primary };
        return true;
    }

    /// <summary>Any assignment, increment or ref to the local in the method: then it is not a fixed name for data.</summary>
    private static bool IsWrittenAfterDeclaration(ILocalSymbol local, IOperation initializer)
    {
        var root = initializer;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }
        return root.Descendants().Any(o => o switch
        {
            IAssignmentOperation { Target: ILocalReferenceOperation target } => SymbolEqualityComparer.Default.Equals(target.Local, local),
            IIncrementOrDecrementOperation { Target: ILocalReferenceOperation target } => SymbolEqualityComparer.Default.Equals(target.Local, local),
            IArgumentOperation { Parameter.RefKind: not RefKind.None, Value: ILocalReferenceOperation passed } => SymbolEqualityComparer.Default.Equals(passed.Local, local),
            _ => false,
        });
    }

    /// <summary>A use of a data local inside a data read: the data it names, spliced in (parenthesized if it is not primary).</summary>
    private bool SpliceDataLocal(DataRead alias, List<string> texts, List<Expr> holes, System.Text.StringBuilder current)
    {
        current.Append(alias.IsPrimary ? "" : "(").Append(alias.Texts[0]);
        for (var k = 0; k < alias.Holes.Count; k++)
        {
            texts.Add(current.ToString());
            current.Clear();
            holes.Add(alias.Holes[k]);
            current.Append(alias.Texts[k + 1]);
        }
        current.Append(alias.IsPrimary ? "" : ")");
        return true;
    }

    /// <summary>
    /// <c>foreach (var w in weights)</c> over data with an indexer (a list, an array of data):
    /// <c>for (k = 0; k &lt; weights.Count; k++) { w = weights[k]; ... }</c>, the element read as data.
    /// </summary>
    private void LowerDataForEach(IForEachLoopOperation forEach)
    {
        var variable = forEach.Locals.FirstOrDefault();
        var collectionType = forEach.Collection is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand.Type : forEach.Collection.Type;
        var count = collectionType is IArrayTypeSymbol ? "Length" : HasMember(collectionType, "Count") ? "Count" : null;
        var collection = forEach.Collection is IConversionOperation { IsImplicit: true } converted ? converted.Operand : forEach.Collection;
        var pieces = new List<(TextSpan Span, string? Text, IOperation? Hole)>();
        if (variable is null || variable.RefKind != RefKind.None || !KnownTypes.TryGetScalar(variable.Type, out var elementType) || count is null
            || !HasIndexer(collectionType) && collectionType is not IArrayTypeSymbol || !Collect(collection, pieces))
        {
            Unsupported(forEach.Collection, "foreach over data is supported for arrays and lists of numbers (a Count and an int indexer); index it with a for loop");
            return;
        }
        var read = BuildDataRead(collection.Syntax, "", pieces, primary: true, ScalarType.Int);
        if (read is null)
        {
            return;
        }
        var source = read.Holes.Count == 0 ? read : read with { Holes = read.Holes.Select(h => h is Constant ? h : Capture(h, "collectionAt")).ToEquatableArray() };
        var texts = source.Texts.ToList();
        var open = source.IsPrimary ? "" : "(";
        var close = source.IsPrimary ? "" : ")";
        texts[0] = open + texts[0];
        var last = texts[texts.Count - 1] + close;
        var countRead = new DataRead(texts.Take(texts.Count - 1).Append(last + "." + count).ToEquatableArray(), source.Holes, IsPrimary: true, ScalarType.Int);

        var elementTexts = texts.Take(texts.Count - 1).Append(last + "[").Append("]").ToEquatableArray();
        LowerIndexLoop(forEach, countRead, index => DefineScalar(variable, new DataRead(elementTexts, source.Holes.Append(index).ToEquatableArray(), IsPrimary: true, elementType)));
    }

    private static bool HasMember(ITypeSymbol? type, string name) =>
        type is not null && (type.GetMembers(name).Any() || type.AllInterfaces.Any(i => i.GetMembers(name).Any()));

    private static bool HasIndexer(ITypeSymbol? type) =>
        type is not null && (type.GetMembers().OfType<IPropertySymbol>().Any(p => p.IsIndexer) || type.AllInterfaces.Any(i => i.GetMembers().OfType<IPropertySymbol>().Any(p => p.IsIndexer)));
}
