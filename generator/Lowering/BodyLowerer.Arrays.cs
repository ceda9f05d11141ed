using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;
using LoopKind = SourceGen.Autodiff.Generator.IR.LoopKind;

namespace SourceGen.Autodiff.Generator.Lowering;

/// <summary>
/// Local arrays as people write them: created inside loops and branches (<c>var h2 = new
/// double[n];</c> per step), created again, and assigned one another (<c>h = h2;</c>,
/// <c>var t = a;</c>, <c>(a, b) = (b, a);</c>). In C# an array variable is a reference; here
/// each array variable owns ONE storage of a length fixed for the whole method, allocated before
/// the top-level statement that first creates it. <c>new</c> refills that storage with zeros and
/// assigning another array copies its elements; a swap exchanges the elements. This computes
/// what the references compute as long as two variables never share storage while both are used,
/// which is checked: after <c>h = h2</c>, <c>h2</c> must not be used again before it is bound
/// anew (a new array each step, or leaving its scope), and every length must be the same value.
/// Anything else is DIFF006 at the construct. Why storage per variable: the reverse sweep then
/// needs nothing new. The fill and the copy are element stores that it records and restores like
/// any other, and each storage has one adjoint buffer, exact because no two names share storage.
/// </summary>
internal sealed partial class BodyLowerer
{
    private IOperation? _bodyOperation;
    private IOperation? _topStatement;
    private List<Statement>? _topSegment;
    private int _hoistedInTop;
    private HashSet<ISymbol>? _reassigned;

    /// <summary>Whether the method binds array variables anew (then it needs the structured lowering, where stores are statements).</summary>
    private static bool RebindsArrays(MethodDeclarationSyntax syntax, SemanticModel semanticModel) =>
        syntax.DescendantNodes().Any(node => node switch
        {
            AssignmentExpressionSyntax assignment => HoldsArrays(semanticModel.GetTypeInfo(assignment.Left).Type),
            VariableDeclaratorSyntax { Initializer.Value: IdentifierNameSyntax name } => semanticModel.GetTypeInfo(name).Type is IArrayTypeSymbol,
            // Windows and copies check their bounds and fill arrays: statements of the structured lowering.
            RangeExpressionSyntax => true,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AsSpan" or "Slice" or "ToArray" or "Clone" or "CopyTo" or "Fill" or "Clear" } } => true,
            _ => false,
        });

    private static bool HoldsArrays(ITypeSymbol? type) =>
        type is IArrayTypeSymbol || type is INamedTypeSymbol { IsTupleType: true } tuple && tuple.TupleElements.Any(e => e.Type is IArrayTypeSymbol);

    /// <summary>Marks where a top-level statement's lowering starts: arrays first created inside it are allocated there.</summary>
    private void EnterTopStatement(IOperation block, IOperation statement)
    {
        if (ReferenceEquals(block, _bodyOperation))
        {
            _topStatement = statement;
            _topSegment = _current;
            _hoistedInTop = 0;
        }
    }

    /// <summary><c>Span&lt;double&gt; t = stackalloc double[3];</c> or <c>= new double[3]</c>: a local array under another type.</summary>
    private static bool IsSpanLocal(ITypeSymbol type) => KnownTypes.TryGetSpan(type, out _, out var element) && element.IsReal();

    private void AssignArray(ISymbol symbol, ITypeSymbol type, IOperation value, IOperation whole)
    {
        if (TryAssignWindow(symbol, type, value, whole))
        {
            return;
        }
        var stripped = StripConversions(value);
        if (stripped is IInvocationOperation call && IsDifferentiableMethod(call.TargetMethod))
        {
            // var p = Softmax(z): the helper's array result, its adjoint the helper's seed.
            if (_aggregates.ContainsKey(symbol))
            {
                Unsupported(whole, $"'{symbol.Name}' already holds an array; bind the result of '{call.TargetMethod.Name}' to a new local");
                return;
            }
            LowerArrayCall(symbol, call, whole);
            return;
        }
        if (stripped is IArrayCreationOperation { DimensionSizes.Length: 1 } creation)
        {
            CreateArray(symbol, creation.DimensionSizes[0], creation.Initializer?.ElementValues, whole);
            return;
        }
        if (stripped.Syntax is StackAllocArrayCreationExpressionSyntax { Type: ArrayTypeSyntax { RankSpecifiers: [{ Sizes: [var size] }] } } stackAlloc
            && size is not OmittedArraySizeExpressionSyntax && stackAlloc.Initializer is null
            && stripped.SemanticModel?.GetOperation(size) is { } sizeOperation)
        {
            // The storage is an ordinary array in the generated code (the reverse sweep and the pullback keep it).
            CreateArray(symbol, sizeOperation, null, whole);
            return;
        }
        if (stripped is ILocalReferenceOperation && ReferencedSymbol(stripped) is { } source
            && _aggregates.TryGetValue(source, out var from) && from.Kind == AggregateKind.ElementWritten && !from.IsTensor)
        {
            CopyArray(symbol, source, from, whole);
            return;
        }
        Unsupported(value, "a local array must be created with 'new double[n]' (or an initializer list), or be assigned another local array, and written element by element");
    }

    /// <summary><c>a = new double[n]</c>: the first creation allocates the variable's storage; later ones refill it with zeros.</summary>
    private void CreateArray(ISymbol symbol, IOperation sizeOperation, ImmutableArray<IOperation>? initializer, IOperation whole)
    {
        var length = LowerScalar(sizeOperation);
        if (length is null)
        {
            return;
        }
        var elementType = ElementTypeOfSymbol(symbol);
        var fixedLength = IsFixedLength(sizeOperation);
        AggregateInfo aggregate;
        if (_aggregates.TryGetValue(symbol, out var existing))
        {
            if (!SameLength(existing, length, fixedLength))
            {
                Unsupported(whole, LengthAdvice(symbol.Name, existing));
                return;
            }
            aggregate = existing;
            FillWithZeros(aggregate, elementType);
        }
        else if (_loopDepth == 0 && _branchDepth == 0)
        {
            aggregate = NewStorage(symbol, elementType, length, fixedLength, sizeOperation.Syntax.ToString(), hoist: false);
        }
        else
        {
            if (!fixedLength || !DeclaredBefore(sizeOperation, _topStatement))
            {
                Unsupported(sizeOperation, "the length of an array created inside a loop or branch must be computable before that statement, from values the method never changes (an int parameter, a local set once, or another array's Length)");
                return;
            }
            aggregate = NewStorage(symbol, elementType, length, fixedLength, sizeOperation.Syntax.ToString(), hoist: true);
            if (_loopDepth > 0)
            {
                // Every iteration creates a fresh array: the storage is zeroed each time.
                FillWithZeros(aggregate, elementType);
            }
        }
        if (initializer is { } elements)
        {
            for (var i = 0; i < elements.Length; i++)
            {
                var element = LowerScalar(elements[i]);
                if (element is null)
                {
                    return;
                }
                var store = new Store(aggregate.Name, EquatableArray.Create<Expr>(new Constant(i, ScalarType.Int)), element);
                Emit(store);
                aggregate.Elements[i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new StoredElement(_current, store);
                MarkStoreVaried(aggregate, element);
            }
        }
    }

    /// <summary>Declares the variable's one storage: where it stands, or before the current top-level statement.</summary>
    private AggregateInfo NewStorage(ISymbol symbol, ScalarType elementType, Expr length, bool fixedLength, string lengthText, bool hoist)
    {
        var name = ClaimUserName(symbol.Name);
        var allocation = new AllocateArray(name, elementType, length);
        if (hoist && _topSegment is not null)
        {
            _topSegment.Insert(_hoistedInTop++, allocation);
        }
        else
        {
            Emit(allocation);
        }
        var aggregate = new AggregateInfo(name, AggregateKind.ElementWritten, isTensor: false, isVaried: false)
        {
            Length = fixedLength ? length : null,
            LengthText = lengthText,
        };
        _aggregates[symbol] = aggregate;
        return aggregate;
    }

    /// <summary><c>target = source</c> between array variables: copies the elements (exact while <c>source</c> is dead, see the class comment).</summary>
    private void CopyArray(ISymbol target, ISymbol source, AggregateInfo from, IOperation whole)
    {
        if (SharedStorageProblem(target, source, whole) is { } problem)
        {
            Unsupported(whole, problem);
            return;
        }
        if (!_aggregates.TryGetValue(target, out var to))
        {
            var hoist = _loopDepth > 0 || _branchDepth > 0;
            if (hoist && from.Length is null)
            {
                Unsupported(whole, LengthAdvice(source.Name, from));
                return;
            }
            to = NewStorage(target, ElementTypeOfAggregate(from), from.Length ?? new LengthOf(from.Name), from.Length is not null, from.LengthText, hoist);
        }
        else if (to.IsTensor || to.Kind != AggregateKind.ElementWritten || from.Length is null || !SameLength(to, from.Length, fixedLength: true))
        {
            Unsupported(whole, LengthAdvice(target.Name, to));
            return;
        }
        var type = ElementTypeOfAggregate(from);
        EachElement(to.Name, k => new Statement[] { new Store(to.Name, At(k), new ElementLoad(from.Name, At(k), type)) });
        if (_varied.Contains(from.Name))
        {
            to.IsVaried = true;
            _varied.Add(to.Name);
        }
    }

    /// <summary><c>var c = x[a..b]</c> or <c>x.ToArray()</c>, written to later: a local array of its own, filled from the window.</summary>
    private void CopyWindow(ISymbol target, ArrayView view, IOperation whole)
    {
        var wholeBase = view.Start is Constant { Value: 0 } && view.Count.Equals(view.Base.Length as Constant ?? (Expr)new LengthOf(view.Base.Name));
        var fixedCount = wholeBase ? view.Base.Length ?? (view.Base.Kind == AggregateKind.Input ? new LengthOf(view.Base.Name) : null) : view.Count as Constant;
        var type = ElementTypeOfSymbol(target);
        if (!_aggregates.TryGetValue(target, out var to))
        {
            var hoist = _loopDepth > 0 || _branchDepth > 0;
            if (hoist && fixedCount is null)
            {
                Unsupported(whole, $"a copy made inside a loop or branch must have a length that never changes; copy the whole array, or read the window without copying it ('{target.Name}' is written to)");
                return;
            }
            to = NewStorage(target, type, fixedCount ?? Capture(view.Count, Identifiers.Unescape(target.Name) + "Length"), fixedCount is not null, whole.Syntax.ToString(), hoist);
        }
        else if (fixedCount is null || !SameLength(to, fixedCount, fixedLength: true))
        {
            Unsupported(whole, LengthAdvice(target.Name, to));
            return;
        }
        var start = Capture(view.Start, "start");
        EachElement(to.Name, k => new Statement[] { new Store(to.Name, At(k), new ElementLoad(view.Base.Name, EquatableArray.Create(Build.Add(start, k)), type)) });
        if (_varied.Contains(view.Base.Name))
        {
            to.IsVaried = true;
            _varied.Add(to.Name);
        }
    }

    /// <summary><c>(a, b) = (b, a)</c> between two array variables: exchanges their elements.</summary>
    private bool TryLowerArraySwap(IDeconstructionAssignmentOperation deconstruction)
    {
        if (deconstruction.Target is not ITupleOperation { Elements.Length: 2 } targets
            || StripConversions(deconstruction.Value) is not ITupleOperation { Elements.Length: 2 } values
            || !targets.Elements.All(e => e.Type is IArrayTypeSymbol))
        {
            return false;
        }
        var first = ReferencedSymbol(targets.Elements[0]);
        var second = ReferencedSymbol(targets.Elements[1]);
        if (first is null || second is null || SymbolEqualityComparer.Default.Equals(first, second)
            || !SymbolEqualityComparer.Default.Equals(ReferencedSymbol(values.Elements[0]), second)
            || !SymbolEqualityComparer.Default.Equals(ReferencedSymbol(values.Elements[1]), first))
        {
            Unsupported(deconstruction, "between arrays, only a swap of two local arrays, (a, b) = (b, a), is supported; assign them one by one");
            return true;
        }
        if (!_aggregates.TryGetValue(first, out var a) || !_aggregates.TryGetValue(second, out var b))
        {
            Unsupported(deconstruction, "swap two local arrays created with 'new double[n]'");
            return true;
        }
        if (a.IsTensor || b.IsTensor || a.Kind != AggregateKind.ElementWritten || b.Kind != AggregateKind.ElementWritten)
        {
            Unsupported(deconstruction, "only local arrays created with 'new double[n]' can be swapped; input parameters are read-only");
            return true;
        }
        if (b.Length is null || !SameLength(a, b.Length, fixedLength: true))
        {
            Unsupported(deconstruction, LengthAdvice(first.Name, a));
            return true;
        }
        if ((RefOrForEachProblem(first, deconstruction) ?? RefOrForEachProblem(second, deconstruction)) is { } problem)
        {
            Unsupported(deconstruction, problem);
            return true;
        }
        var type = ElementTypeOfAggregate(a);
        var temporary = _names.Fresh("swapped");
        _locals.Add(new LocalVariable(temporary, type));
        EachElement(a.Name, k => new Statement[]
        {
            new Assign(temporary, new ElementLoad(a.Name, At(k), type)),
            new Store(a.Name, At(k), new ElementLoad(b.Name, At(k), type)),
            new Store(b.Name, At(k), new Variable(temporary, type)),
        });
        if (_varied.Contains(a.Name) || _varied.Contains(b.Name))
        {
            a.IsVaried = b.IsVaried = true;
            _varied.Add(a.Name);
            _varied.Add(b.Name);
            _varied.Add(temporary);
        }
        return true;
    }

    private void FillWithZeros(AggregateInfo aggregate, ScalarType elementType)
    {
        aggregate.Elements.Clear();
        EachElement(aggregate.Name, k => new Statement[] { new Store(aggregate.Name, At(k), new Constant(0, elementType)) });
    }

    /// <summary><c>for (k = 0; k &lt; a.Length; k++) body(k)</c>: a counted loop the reverse sweep runs backwards without a tape.</summary>
    private void EachElement(string aggregate, System.Func<Variable, IEnumerable<Statement>> body) => EachElement(new LengthOf(aggregate), body);

    /// <summary><c>for (k = 0; k &lt; count; k++) body(k)</c>, <paramref name="count"/> fixed while the loop runs.</summary>
    private void EachElement(Expr count, System.Func<Variable, IEnumerable<Statement>> body)
    {
        var index = _names.Fresh("k");
        _locals.Add(new LocalVariable(index, ScalarType.Int));
        var k = new Variable(index, ScalarType.Int);
        Emit(new Assign(index, new Constant(0, ScalarType.Int)));
        var condition = new Binary(BinaryOp.Less, k, count, ScalarType.Bool);
        var step = EquatableArray.Create<Statement>(new Assign(index, new Binary(BinaryOp.Add, k, new Constant(1, ScalarType.Int), ScalarType.Int)));
        Emit(new Loop(LoopKind.For, condition, body(k).ToEquatableArray(), step));
    }

    private static EquatableArray<Expr> At(Variable index) => EquatableArray.Create<Expr>(index);

    private void MarkStoreVaried(AggregateInfo aggregate, Expr value)
    {
        if (IsVaried(value))
        {
            aggregate.IsVaried = true;
            _varied.Add(aggregate.Name);
        }
    }

    private static ScalarType ElementTypeOfSymbol(ISymbol symbol) =>
        symbol is ILocalSymbol local && (KnownTypes.TryGetArray(local.Type, out var element) || KnownTypes.TryGetSpan(local.Type, out _, out element)) ? element : ScalarType.Double;

    private static bool SameLength(AggregateInfo existing, Expr length, bool fixedLength) =>
        !existing.IsTensor && existing.Kind == AggregateKind.ElementWritten && fixedLength && existing.Length is not null && existing.Length.Equals(length);

    private static string LengthAdvice(string name, AggregateInfo existing) =>
        $"every array held by '{name}' must have the same length, written the same way from values the method never changes (here '{existing.LengthText}'): '{name}' keeps one storage of that length";

    /// <summary>Why <c>target = source</c> cannot be a copy: <c>source</c> is used again while the two would share storage, or a ref or foreach holds one of them.</summary>
    private string? SharedStorageProblem(ISymbol target, ISymbol source, IOperation whole)
    {
        if ((RefOrForEachProblem(target, whole) ?? RefOrForEachProblem(source, whole)) is { } problem)
        {
            return problem;
        }
        IOperation? statement = whole.Parent is IExpressionStatementOperation expression ? expression
            : whole is IVariableDeclaratorOperation { Parent.Parent: IVariableDeclarationGroupOperation group } ? group
            : null;
        if (statement is null)
        {
            return $"assign the array '{source.Name}' in a statement of its own";
        }
        var shared = $"after this, '{target.Name}' and '{source.Name}' are the same array, and '{source.Name}' is used again";
        var advice = $"create '{source.Name}' anew (new double[n]) before its next use, declare it inside the loop, or swap the two with ({target.Name}, {source.Name}) = ({source.Name}, {target.Name})";
        IOperation current = statement;
        while (true)
        {
            switch (current.Parent)
            {
                case IBlockOperation block:
                    var after = block.Operations.SkipWhile(s => !ReferenceEquals(s, current)).Skip(1);
                    foreach (var next in after)
                    {
                        if (Rebinds(next, source))
                        {
                            return null;
                        }
                        if (next.DescendantsAndSelf().Any(o => o is ILocalReferenceOperation l && SymbolEqualityComparer.Default.Equals(l.Local, source)))
                        {
                            return $"{shared}: {advice}";
                        }
                        if (next.DescendantsAndSelf().Any(o => o is IBranchOperation { BranchKind: BranchKind.Break or BranchKind.Continue or BranchKind.GoTo }))
                        {
                            return $"a 'break' or 'continue' follows, where '{source.Name}' may be used again while it is the same array as '{target.Name}': {advice}";
                        }
                    }
                    if (block.Locals.Contains(source, SymbolEqualityComparer.Default))
                    {
                        return null;
                    }
                    current = block;
                    break;
                case IConditionalOperation branch when ReferenceEquals(branch.WhenTrue, current) || ReferenceEquals(branch.WhenFalse, current):
                    current = branch;
                    break;
                case IMethodBodyOperation or null:
                    return null;
                case ILoopOperation:
                    return $"{shared} in the loop's next iteration: {advice}";
                default:
                    return $"assign the array '{source.Name}' in a statement of its own";
            }
        }
    }

    /// <summary>An unconditional new binding of <paramref name="symbol"/> that does not read it.</summary>
    private static bool Rebinds(IOperation statement, ISymbol symbol)
    {
        var assigned = statement switch
        {
            IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { IsRef: false } assignment } => assignment.Target is ILocalReferenceOperation l && SymbolEqualityComparer.Default.Equals(l.Local, symbol) ? assignment.Value : null,
            _ => null,
        };
        return assigned is not null && !assigned.DescendantsAndSelf().Any(o => o is ILocalReferenceOperation l && SymbolEqualityComparer.Default.Equals(l.Local, symbol));
    }

    /// <summary>A ref local naming an element of the array, a window on it, or a foreach over it, would see the copy instead of the original storage.</summary>
    private string? RefOrForEachProblem(ISymbol array, IOperation whole)
    {
        if (_refs.Values.OfType<ElementRef>().Any(r => SymbolEqualityComparer.Default.Equals(r.Aggregate, array)))
        {
            return $"a ref local names an element of '{array.Name}', which would keep naming the old array; index '{array.Name}' directly instead";
        }
        if (_aggregates.TryGetValue(array, out var storage) && _views.FirstOrDefault(v => ReferenceEquals(v.Value.Base, storage)).Key is { } window)
        {
            return $"the window '{window.Name}' on '{array.Name}' would keep naming the old array; index '{array.Name}' directly instead of through a window";
        }
        for (var parent = whole.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IForEachLoopOperation forEach && SymbolEqualityComparer.Default.Equals(ReferencedSymbol(forEach.Collection), array))
            {
                return $"a foreach over '{array.Name}' encloses this; it would go on reading the old array: loop with an index instead";
            }
        }
        return null;
    }

    /// <summary>Whether an int expression has the same value wherever it is evaluated in the method.</summary>
    private bool IsFixedLength(IOperation operation) => operation switch
    {
        { ConstantValue.HasValue: true } => true,
        IConversionOperation conversion => IsFixedLength(conversion.Operand),
        IParenthesizedOperation parenthesized => IsFixedLength(parenthesized.Operand),
        IBinaryOperation binary => IsFixedLength(binary.LeftOperand) && IsFixedLength(binary.RightOperand),
        IParameterReferenceOperation parameter => !Reassigned.Contains(parameter.Parameter),
        ILocalReferenceOperation local => local.Local.RefKind == RefKind.None && !Reassigned.Contains(local.Local) && !DeclaredInLoop(local.Local),
        IPropertyReferenceOperation { Property.Name: "Length", Instance: { } instance } =>
            StripConversions(instance) is IParameterReferenceOperation || StripConversions(instance) is ILocalReferenceOperation && ReferencedSymbol(instance) is { } array && _aggregates.ContainsKey(array),
        _ => false,
    };

    private static bool DeclaredInLoop(ILocalSymbol local) =>
        local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is { } declaration
        && declaration.Ancestors().TakeWhile(a => a is not MemberDeclarationSyntax).Any(a => a is ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax);

    /// <summary>Every local the expression reads is declared before <paramref name="statement"/> (so it can be evaluated there).</summary>
    private static bool DeclaredBefore(IOperation operation, IOperation? statement) =>
        statement is not null && operation.DescendantsAndSelf().OfType<ILocalReferenceOperation>().All(l =>
            l.Local.DeclaringSyntaxReferences.FirstOrDefault() is { } reference && reference.Span.End <= statement.Syntax.SpanStart);

    /// <summary>Locals and parameters written anywhere after their declaration (assignments, increments, ref and out arguments, ref locals).</summary>
    private HashSet<ISymbol> Reassigned => _reassigned ??= CollectReassigned();

    private HashSet<ISymbol> CollectReassigned()
    {
        var written = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        void Add(IOperation? target)
        {
            foreach (var reference in target?.DescendantsAndSelf() ?? Enumerable.Empty<IOperation>())
            {
                switch (reference)
                {
                    case ILocalReferenceOperation local: written.Add(local.Local); break;
                    case IParameterReferenceOperation parameter: written.Add(parameter.Parameter); break;
                }
            }
        }
        foreach (var operation in _bodyOperation?.DescendantsAndSelf() ?? Enumerable.Empty<IOperation>())
        {
            switch (operation)
            {
                case IAssignmentOperation assignment: Add(assignment.Target is IArrayElementReferenceOperation or IPropertyReferenceOperation ? null : assignment.Target); break;
                case IIncrementOrDecrementOperation increment: Add(increment.Target); break;
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument: Add(argument.Value); break;
                case IVariableDeclaratorOperation { Symbol.RefKind: not RefKind.None, Initializer.Value: { } bound }: Add(bound); break;
            }
        }
        return written;
    }

    private static bool IsSystemIndex(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "Index", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    /// <summary>
    /// <c>x[^k]</c> is <c>x[x.Length - k]</c> (a constant when a local array's length is). Returns
    /// false for an ordinary int index; true with null after reporting anything else of type Index.
    /// </summary>
    private bool TryLowerFromEnd(IOperation index, AggregateInfo aggregate, out Expr? lowered)
    {
        lowered = null;
        if (!IsSystemIndex(index.Type))
        {
            return false;
        }
        if (StripConversions(index) is not IUnaryOperation { OperatorKind: UnaryOperatorKind.Hat } hat || aggregate.IsTensor)
        {
            Unsupported(index, "an Index is supported as ^k (k an int) on arrays and spans; index tensors with ints");
            return true;
        }
        var k = LowerScalar(hat.Operand);
        if (k is not null)
        {
            lowered = Build.Subtract(aggregate.Length as Constant ?? (Expr)new LengthOf(aggregate.Name), k);
        }
        return true;
    }
}
