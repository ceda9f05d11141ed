using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SourceGen.Autodiff.Generator.Diagnostics;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Lowering;

/// <summary>
/// Lowers a method body (through Roslyn's IOperation tree) to straight-line SSA IR. Every
/// construct outside the differentiable subset becomes a diagnostic at its own location.
/// </summary>
internal sealed partial class BodyLowerer
{
    private readonly IMethodSymbol _method;
    private readonly List<Diagnostic> _diagnostics;
    private readonly CancellationToken _cancellationToken;
    private readonly NameAllocator _names;
    private readonly List<List<Statement>> _segments = new();
    private readonly Dictionary<ISymbol, Variable> _scalars = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, AggregateInfo> _aggregates = new(SymbolEqualityComparer.Default);
    private readonly HashSet<string> _varied = new();
    private List<Statement> _current = new();
    private bool _returned;
    private bool _failed;

    /// <summary>
    /// Methods with branches or loops are lowered to structured statements over mutable
    /// variables (each C# local gets one unique name); straight-line methods to SSA.
    /// </summary>
    private bool _mutable;
    private int _loopDepth;
    private int _branchDepth;
    private readonly Dictionary<ISymbol, string> _localNames = new(SymbolEqualityComparer.Default);
    private readonly List<LocalVariable> _locals = new();
    private string? _returnedAggregate;
    private Compilation? _compilation;

    private BodyLowerer(IMethodSymbol method, IEnumerable<string> usedNames, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        _method = method;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
        _names = new NameAllocator(usedNames);
    }

    /// <summary>Whether the returned value depends on a differentiable parameter.</summary>
    public bool ResultIsVaried { get; private set; }

    public static MethodBody? Lower(
        IMethodSymbol method, MethodDeclarationSyntax syntax, SemanticModel semanticModel,
        EquatableArray<ParameterModel> parameters, List<Diagnostic> diagnostics, CancellationToken cancellationToken,
        out bool resultIsVaried)
    {
        resultIsVaried = false;
        var usedNames = syntax.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText).Distinct().ToList();
        usedNames.AddRange(parameters.Select(p => p.Name));
        var lowerer = new BodyLowerer(method, usedNames, diagnostics, cancellationToken);
        lowerer._compilation = semanticModel.Compilation;
        // A tuple result's elements are assigned to variables of their own: the structured lowering.
        lowerer._mutable = HasControlFlow(syntax) || CallsDifferentiable(syntax, semanticModel) || RebindsArrays(syntax, semanticModel) || method.ReturnType.IsTupleType;
        lowerer.DeclareParameters(parameters);

        var operation = semanticModel.GetOperation(syntax, cancellationToken) as IMethodBodyOperation;
        var body = operation?.BlockBody ?? operation?.ExpressionBody;
        if (body is null)
        {
            return null;
        }
        lowerer._bodyOperation = body;
        lowerer.LowerBlock(body);
        if (!lowerer._returned && method.ReturnsVoid is false && !lowerer._failed && !lowerer._mutable)
        {
            lowerer.Report(DiagnosticDescriptors.UnsupportedStatement, syntax.Identifier.GetLocation(), "the end of the method", "the method must end with a single return statement");
        }
        if (lowerer._failed)
        {
            return null;
        }
        resultIsVaried = lowerer.ResultIsVaried || method.ReturnsVoid && lowerer._aggregates.Values.Any(a => a.Kind == AggregateKind.Output && a.IsVaried);
        var statements = lowerer._segments.SelectMany(s => s).ToEquatableArray();
        return new MethodBody(statements, usedNames.Distinct().OrderBy(n => n, System.StringComparer.Ordinal).ToEquatableArray(),
            lowerer._locals.ToEquatableArray(), lowerer._mutable);
    }

    /// <summary>Branches, loops, jumps, '?:' or a return before the end: the method needs the structured lowering.</summary>
    private static bool HasControlFlow(MethodDeclarationSyntax syntax)
    {
        var body = (SyntaxNode?)syntax.Body ?? syntax.ExpressionBody;
        if (body is null)
        {
            return false;
        }
        foreach (var node in body.DescendantNodes())
        {
            switch (node)
            {
                case IfStatementSyntax or SwitchStatementSyntax or ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax
                    or BreakStatementSyntax or ContinueStatementSyntax or ConditionalExpressionSyntax or SwitchExpressionSyntax or IsPatternExpressionSyntax:
                    return true;
                case ReturnStatementSyntax ret when syntax.Body is { } block && (ret.Parent != block || block.Statements.LastOrDefault() != ret):
                    return true;
            }
        }
        return false;
    }

    private void DeclareParameters(EquatableArray<ParameterModel> parameters)
    {
        _parameterNames = parameters.Select(p => p.Name).ToList();
        for (var ordinal = 0; ordinal < _method.Parameters.Length; ordinal++)
        {
            var symbol = _method.Parameters[ordinal];
            var model = parameters[ordinal];
            if (model.Kind == ParameterKind.Data)
            {
                _dataParameters[symbol] = model.Name;
                continue;
            }
            if (model.Kind == ParameterKind.Scalar)
            {
                _scalars[symbol] = new Variable(model.Name, model.ElementType);
                if (model.IsDifferentiable)
                {
                    _varied.Add(model.Name);
                }
            }
            else
            {
                var kind = model.Kind == ParameterKind.OutputSpan ? AggregateKind.Output : AggregateKind.Input;
                _aggregates[symbol] = new AggregateInfo(model.Name, kind, model.Kind == ParameterKind.Tensor, model.IsDifferentiable);
                if (model.IsDifferentiable)
                {
                    _varied.Add(model.Name);
                }
            }
        }
    }

    private void Report(DiagnosticDescriptor descriptor, Location location, params object[] arguments)
    {
        if (descriptor.DefaultSeverity == DiagnosticSeverity.Error)
        {
            _failed = true;
        }
        _diagnostics.Add(Diagnostic.Create(descriptor, location, arguments));
    }

    private void Unsupported(IOperation operation, string why)
    {
        if (IsFollowOn(operation))
        {
            _failed = true;
            return;
        }
        Report(DiagnosticDescriptors.UnsupportedExpression, operation.Syntax.GetLocation(), Shorten(operation.Syntax.ToString()), why);
    }

    private static string Shorten(string text)
    {
        var single = string.Join(" ", text.Split(new[] { '\r', '\n', '\t', ' ' }, System.StringSplitOptions.RemoveEmptyEntries));
        return single.Length <= 80 ? single : single.Substring(0, 77) + "...";
    }

    private void Emit(Statement statement) => _current.Add(statement);

    private void LowerBlock(IOperation block)
    {
        foreach (var statement in block.ChildOperations)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            _current = new List<Statement>();
            _segments.Add(_current);
            EnterTopStatement(block, statement);
            LowerStatement(statement);
        }
    }

    private void LowerStatement(IOperation statement)
    {
        if (_returned && !_mutable)
        {
            return;
        }
        switch (statement)
        {
            case IBlockOperation block:
                LowerBlock(block);
                return;
            case IEmptyOperation:
                return;
            case IVariableDeclarationGroupOperation or IExpressionStatementOperation or IReturnOperation when !_nestedWritesKnown && statement.Descendants().Any(IsNestedWrite):
                WithNestedWrites(statement, () => LowerStatement(statement));
                return;
            case IVariableDeclarationGroupOperation group:
                foreach (var declaration in group.Declarations)
                {
                    foreach (var declarator in declaration.Declarators)
                    {
                        var initializer = declarator.Initializer?.Value ?? declaration.Initializer?.Value;
                        if (initializer is not null && declarator.Symbol.RefKind != RefKind.None)
                        {
                            BindRef(declarator.Symbol, initializer, declarator);
                        }
                        else if (initializer is not null && TryDeclareDataLocal(declarator.Symbol, initializer))
                        {
                            // A name for data (var row = X[i];): its uses read the data.
                        }
                        else if (initializer is not null)
                        {
                            AssignReportingOnce(declarator.Symbol, initializer, declarator);
                        }
                    }
                }
                return;
            case IExpressionStatementOperation expression:
                LowerExpressionStatement(expression.Operation);
                return;
            case IReturnOperation { ReturnedValue: { } value }:
                LowerReturn(value);
                return;
            case IReturnOperation when _method.ReturnsVoid:
                // return; from a void method (its results are in its Span output).
                if (_mutable)
                {
                    Emit(new Return(null, null, null));
                }
                return;
            case IConditionalOperation guard when _mutable && IsThrowGuard(guard):
                LowerThrowGuard(guard);
                return;
            case IConditionalOperation conditional when _mutable:
                LowerIf(conditional);
                return;
            case IThrowOperation thrown when _mutable:
                // A throw statement as a switch section holds it (blocks wrap it in an expression statement).
                LowerThrow(thrown);
                return;
            case ISwitchOperation switchStatement when _mutable:
                LowerSwitch(switchStatement);
                return;
            case ILoopOperation loop when _mutable:
                LowerLoop(loop);
                return;
            case IBranchOperation { BranchKind: BranchKind.Break } when _mutable && _loopDepth > 0:
                Emit(new Break());
                return;
            case IBranchOperation { BranchKind: BranchKind.Continue } when _mutable && _loopDepth > 0:
                Emit(new Continue());
                return;
            default:
                var (what, advice) = DescribeStatement(statement.Syntax);
                Report(DiagnosticDescriptors.UnsupportedStatement, StatementLocation(statement.Syntax), what, advice);
                return;
        }
    }

    /// <summary>Points at the statement's keyword where it has one, so the squiggle is short.</summary>
    private static Location StatementLocation(SyntaxNode syntax) => syntax switch
    {
        IfStatementSyntax s => s.IfKeyword.GetLocation(),
        ForStatementSyntax s => s.ForKeyword.GetLocation(),
        ForEachStatementSyntax s => s.ForEachKeyword.GetLocation(),
        WhileStatementSyntax s => s.WhileKeyword.GetLocation(),
        DoStatementSyntax s => s.DoKeyword.GetLocation(),
        SwitchStatementSyntax s => s.SwitchKeyword.GetLocation(),
        TryStatementSyntax s => s.TryKeyword.GetLocation(),
        LockStatementSyntax s => s.LockKeyword.GetLocation(),
        UsingStatementSyntax s => s.UsingKeyword.GetLocation(),
        FixedStatementSyntax s => s.FixedKeyword.GetLocation(),
        CheckedStatementSyntax s => s.Keyword.GetLocation(),
        UnsafeStatementSyntax s => s.UnsafeKeyword.GetLocation(),
        _ => syntax.GetLocation(),
    };

    private static (string What, string Advice) DescribeStatement(SyntaxNode syntax)
    {
        const string branchAdvice = "branches are not supported yet; use Math.Max, Math.Min, Math.Abs or Math.Clamp, or take the decision outside the method and pass its result as a parameter";
        const string loopAdvice = "loops are not supported yet; use whole-tensor arithmetic with Sum(), or unroll the loop";
        return syntax switch
        {
            IfStatementSyntax => ("an 'if' statement", branchAdvice),
            ForStatementSyntax => ("a 'for' loop", loopAdvice),
            ForEachStatementSyntax => ("a 'foreach' loop", loopAdvice),
            WhileStatementSyntax => ("a 'while' loop", loopAdvice),
            DoStatementSyntax => ("a 'do' loop", loopAdvice),
            ReturnStatementSyntax => ("an early 'return'", "a [Differentiable] method must return once, at its end"),
            TryStatementSyntax => ("a 'try' statement", "exception handling cannot be differentiated; validate inputs before calling the method"),
            ThrowStatementSyntax => ("a 'throw' statement", "validate inputs before calling the method"),
            LocalFunctionStatementSyntax => ("a local function", "move it into its own method"),
            LockStatementSyntax => ("a 'lock' statement", "synchronization cannot be differentiated; take the lock outside the method"),
            UsingStatementSyntax => ("a 'using' statement", "disposable resources cannot be differentiated; acquire them outside the method and pass the data in"),
            LocalDeclarationStatementSyntax { UsingKeyword.RawKind: not 0 } => ("a 'using' declaration", "disposable resources cannot be differentiated; acquire them outside the method and pass the data in"),
            FixedStatementSyntax or UnsafeStatementSyntax => ("unsafe code", "pointers cannot be differentiated; index arrays or spans instead"),
            GotoStatementSyntax or LabeledStatementSyntax => ("'goto' and labels", "write the jump as a loop with break or continue"),
            CheckedStatementSyntax => ("a 'checked' or 'unchecked' block", "use checked(...) or unchecked(...) on the int expression instead"),
            YieldStatementSyntax => ("'yield'", "iterators cannot be differentiated; return an array or write a Span output"),
            _ => ($"'{Shorten(syntax.ToString())}'", "this statement is not part of the differentiable subset (locals, assignments, element writes and one final return)"),
        };
    }

    private void LowerExpressionStatement(IOperation statement)
    {
        switch (statement)
        {
            case ISimpleAssignmentOperation { IsRef: true } rebind:
                RebindRef(rebind);
                return;
            case ISimpleAssignmentOperation { Target: IDiscardOperation } discard when ReadsData(discard.Value):
                LowerDiscardedData(discard);
                return;
            case ISimpleAssignmentOperation assignment:
                AssignTo(assignment.Target, assignment.Value, null, assignment);
                return;
            case IThrowOperation thrown:
                LowerThrow(thrown);
                return;
            case IDeconstructionAssignmentOperation deconstruction when TryLowerArraySwap(deconstruction):
                return;
            case IDeconstructionAssignmentOperation { Value: IInvocationOperation call } deconstruction when IsDifferentiableMethod(call.TargetMethod):
                LowerTupleCall(deconstruction, call);
                return;
            case IDeconstructionAssignmentOperation deconstruction when IsTupleLiteralAssignment(deconstruction):
                LowerTupleLiteralAssignment(deconstruction);
                return;
            case IInvocationOperation arrayMethod when TryLowerArrayMethod(arrayMethod):
                return;
            case IInvocationOperation { TargetMethod.ReturnsVoid: true } call when IsValidationCall(call):
                LowerValidationCall(call);
                return;
            case IInvocationOperation { TargetMethod.ReturnsVoid: true } call when IsDifferentiableMethod(call.TargetMethod):
                LowerCallStatement(call);
                return;
            case IInvocationOperation { TargetMethod.ReturnsVoid: true } call:
                ReportVoidCall(call);
                return;
            case ICompoundAssignmentOperation compound when ToBinaryOp(compound.OperatorKind) is { } op:
                AssignTo(compound.Target, compound.Value, op, compound);
                return;
            case IIncrementOrDecrementOperation increment:
                LowerIncrement(increment);
                return;
            default:
                Report(DiagnosticDescriptors.UnsupportedStatement, statement.Syntax.GetLocation(), $"'{Shorten(statement.Syntax.ToString())}'",
                    "only assignments, compound assignments and increments are supported as expression statements");
                return;
        }
    }

    /// <summary><c>x++</c>, <c>--a[i]</c>, <c>r++</c> through a ref local: <c>x += 1</c>, returning the new value (or null).</summary>
    private Expr? LowerIncrement(IIncrementOrDecrementOperation increment)
    {
        var type = increment.Type is { } t && KnownTypes.TryGetScalar(t, out var scalar) ? scalar : ScalarType.Double;
        var op = increment.Kind == OperationKind.Increment ? BinaryOp.Add : BinaryOp.Subtract;
        return AssignLowered(increment.Target, null, new Constant(1, type), op, increment);
    }

    private void AssignTo(IOperation target, IOperation value, BinaryOp? compound, IOperation whole) =>
        AssignLowered(target, value, null, compound, whole);

    /// <summary>
    /// Assigns to a local, a parameter, an element, or through a ref local; <paramref name="value"/>
    /// (or <paramref name="valueOperation"/>) is lowered after the target's indices, in C#'s order.
    /// Returns the scalar value stored, or null (an error, or a whole array or tensor assigned).
    /// </summary>
    private Expr? AssignLowered(IOperation target, IOperation? valueOperation, Expr? value, BinaryOp? compound, IOperation whole)
    {
        if (ElementRefOf(target) is { } element)
        {
            if (!_aggregates.TryGetValue(element.Aggregate, out var aggregate))
            {
                return UnsupportedValue(target, "the element this ref local names is no longer available");
            }
            return StoreElementAt(target, aggregate, element.Indices.ToList(), valueOperation, value, compound);
        }
        switch (ReferencedSymbol(target))
        {
            case ILocalSymbol local:
                return AssignSymbol(local, valueOperation, value, compound, whole);
            case IParameterSymbol parameter when _scalars.ContainsKey(parameter):
                return AssignSymbol(parameter, valueOperation, value, compound, whole);
            case IParameterSymbol parameter:
                Report(DiagnosticDescriptors.WriteToInput, target.Syntax.GetLocation(), parameter.Name);
                return null;
        }
        if (TryGetElementAccess(target, out var aggregateOperation, out var indexOperations))
        {
            if (IsView(aggregateOperation!))
            {
                return StoreThroughView(target, aggregateOperation!, indexOperations!, valueOperation, value, compound);
            }
            var aggregate = ResolveAggregate(aggregateOperation!);
            var indices = aggregate is null ? null : LowerIndices(indexOperations!, aggregate);
            return aggregate is null || indices is null ? null : StoreElementAt(target, aggregate, indices, valueOperation, value, compound);
        }
        return UnsupportedValue(target, "only locals, parameters and elements of arrays, spans and tensors can be assigned");
    }

    private Expr? AssignSymbol(ISymbol symbol, IOperation? valueOperation, Expr? value, BinaryOp? compound, IOperation whole)
    {
        if (compound is null)
        {
            return value is not null ? DefineScalar(symbol, value) : AssignReportingOnce(symbol, valueOperation!, whole);
        }
        if (!_scalars.TryGetValue(symbol, out var current))
        {
            if (valueOperation is not null && _aggregates.TryGetValue(symbol, out var tensor) && tensor.Kind == AggregateKind.TensorValue && !_mutable && compound is BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply or BinaryOp.Divide)
            {
                // t op= e is t = t op e: a new tensor value.
                var operand = LowerTensor(valueOperation);
                if (operand is not null)
                {
                    var updated = new TensorBinary(compound.Value, new TensorRef(tensor.Name), operand);
                    var name = _names.Fresh(symbol.Name);
                    Emit(new TensorLet(name, updated));
                    _aggregates[symbol] = new AggregateInfo(name, AggregateKind.TensorValue, isTensor: true, IsVaried(updated));
                    if (IsVaried(updated))
                    {
                        _varied.Add(name);
                    }
                }
                return null;
            }
            return UnsupportedValue(whole, _aggregates.TryGetValue(symbol, out var aggregate) && aggregate.Kind == AggregateKind.TensorValue
                ? "compound assignment of a whole tensor is supported only in methods without branches, loops or calls"
                : $"'{symbol.Name}' is not a scalar: compound assignment is supported on double, float, int and long locals and parameters, on elements, and on tensor locals holding whole-tensor values");
        }
        // s += (s = v): s is read before the value, as in C#.
        var left = CaptureIfWrittenInside(symbol, current);
        var right = value ?? LowerScalar(valueOperation!);
        return right is null ? null : DefineScalar(symbol, Build.Exact(compound.Value, left, right));
    }

    /// <summary>Assigns a whole value to a local (a declaration's initializer or an assignment).</summary>
    private Expr? Assign(ISymbol symbol, IOperation value, IOperation whole)
    {
        var type = symbol switch
        {
            ILocalSymbol local => local.Type,
            IParameterSymbol parameter => parameter.Type,
            _ => null,
        };
        if (type is null)
        {
            return UnsupportedValue(whole, "only locals and parameters can be assigned");
        }
        if (type.IsTupleType && StripConversions(value) is IInvocationOperation tupleCall && IsDifferentiableMethod(tupleCall.TargetMethod)
            && tupleCall.TargetMethod.ReturnType is INamedTypeSymbol { IsTupleType: true } returned && type is INamedTypeSymbol { IsTupleType: true } declared
            && returned.TupleElements.Length == declared.TupleElements.Length && declared.TupleElements.All(e => e.Type.SpecialType == SpecialType.System_Double))
        {
            LowerTupleLocal(symbol, tupleCall);
            return null;
        }
        if (KnownTypes.TryGetScalar(type, out var scalarType))
        {
            var lowered = LowerScalar(value);
            return lowered is null ? null : DefineScalar(symbol, lowered);
        }
        if (KnownTypes.IsTensor(type))
        {
            AssignTensor(symbol, value, whole);
            return null;
        }
        if (KnownTypes.TryGetArray(type, out var element) && element.IsReal() || IsSpanLocal(type))
        {
            AssignArray(symbol, type, value, whole);
            return null;
        }
        Report(DiagnosticDescriptors.UnsupportedStatement, whole.Syntax.GetLocation(), $"a local of type '{TypeText.Of(type)}'",
            "locals must be double, float, int, long, bool, double[], float[], Span<double>, Span<float> or Tensor");
        return null;
    }

    private Variable DefineScalar(ISymbol symbol, Expr value)
    {
        var type = symbol is ILocalSymbol local && KnownTypes.TryGetScalar(local.Type, out var t) ? t
            : symbol is IParameterSymbol p && KnownTypes.TryGetScalar(p.Type, out var pt) ? pt : value.Type;
        if (type != value.Type)
        {
            value = Build.Convert(value, type);
        }
        if (_mutable)
        {
            if (!_localNames.TryGetValue(symbol, out var mutableName))
            {
                mutableName = symbol is IParameterSymbol parameterSymbol ? _parameterNames[parameterSymbol.Ordinal] : ClaimUserName(symbol.Name);
                _localNames[symbol] = mutableName;
                if (symbol is ILocalSymbol)
                {
                    _locals.Add(new LocalVariable(mutableName, type));
                }
            }
            Emit(new Assign(mutableName, value));
            var mutable = _scalars[symbol] = new Variable(mutableName, type);
            if (type.IsReal() && IsVaried(value))
            {
                _varied.Add(mutableName);
            }
            return mutable;
        }
        var name = _scalars.ContainsKey(symbol) ? _names.Fresh(symbol.Name) : ClaimUserName(symbol.Name);
        Emit(new Let(name, value));
        var version = _scalars[symbol] = new Variable(name, type);
        if (type.IsReal() && IsVaried(value))
        {
            _varied.Add(name);
        }
        return version;
    }

    /// <summary>
    /// A user local's first version keeps the user's name (it is already reserved), unless the
    /// generated code declares that name itself (seed, tape, a buffer xGrad...).
    /// </summary>
    private string ClaimUserName(string name)
    {
        name = Identifiers.Escape(name);
        return !Identifiers.IsReserved(name, _parameterNames) && _names.IsTaken(name) && !_claimed.Contains(name) && _claimed.Add(name) ? name : _names.Fresh(name);
    }

    private List<string> _parameterNames = new();

    private readonly HashSet<string> _claimed = new();

    private void LowerReturn(IOperation value)
    {
        _returned = true;
        if (_mutable)
        {
            LowerMutableReturn(value);
            return;
        }
        var type = value.Type;
        if (type is not null && KnownTypes.TryGetScalar(type, out _))
        {
            var scalar = LowerScalar(value);
            if (scalar is not null)
            {
                Emit(new Return(scalar, null, null));
                ResultIsVaried = IsVaried(scalar);
            }
            return;
        }
        var stripped = StripConversions(value);
        if (stripped is ILocalReferenceOperation && _aggregates.TryGetValue(ReferencedSymbol(stripped)!, out var aggregate) && aggregate.Kind == AggregateKind.ElementWritten)
        {
            Emit(new Return(null, aggregate.Name, null));
            ResultIsVaried = aggregate.IsVaried;
            return;
        }
        if (KnownTypes.IsTensor(type))
        {
            var tensor = LowerTensor(value);
            if (tensor is not null)
            {
                Emit(new Return(null, null, tensor));
                ResultIsVaried = IsVaried(tensor);
            }
            return;
        }
        Unsupported(value, "return a local array created with 'new double[n]' and written element by element");
    }

    private static IOperation StripConversions(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }
        return operation;
    }
}
