using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SourceGen.Autodiff.Generator.Diagnostics;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Lowering;

/// <summary>Scalar expressions and element reads.</summary>
internal sealed partial class BodyLowerer
{
    private Expr? LowerScalar(IOperation operation)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (operation.Type is null || !KnownTypes.TryGetScalar(operation.Type, out var type))
        {
            Unsupported(operation, $"a value of type '{(operation.Type is { } valueType ? TypeText.Of(valueType) : "?")}' cannot be used here; a scalar (double, int, long or bool) is expected");
            return null;
        }
        if (operation.ConstantValue is { HasValue: true, Value: var constant })
        {
            return constant switch
            {
                bool b => new Constant(b ? 1 : 0, ScalarType.Bool),
                double d => new Constant(d, type),
                float f => new Constant(f, type),
                int i => new Constant(i, type),
                long l => new Constant(l, type),
                _ => UnsupportedValue(operation, "this constant's type is not supported"),
            };
        }
        if (LowerDataRead(operation, type) is { } data)
        {
            return data;
        }
        switch (operation)
        {
            case ILocalReferenceOperation local when ElementRefOf(local) is { } element:
                return LoadThroughRef(operation, element);
            case IParameterReferenceOperation or ILocalReferenceOperation when _scalars.TryGetValue(ReferencedSymbol(operation)!, out var variable):
                return CaptureIfWrittenInside(ReferencedSymbol(operation)!, variable);
            case IFieldReferenceOperation field when TupleElementOf(field) is { } element:
                return element;
            case IAssignmentOperation or IIncrementOrDecrementOperation:
                return LowerWriteAsValue(operation);
            case ILocalReferenceOperation when _failed:
                // Its definition was already reported: do not report every use too.
                return new Constant(0, type);
            case IConversionOperation conversion:
                return LowerConversion(conversion, type);
            case IBinaryOperation binary when binary.OperatorMethod is null:
                return LowerBinary(binary);
            case IUnaryOperation unary when unary.OperatorMethod is null:
                return LowerUnary(unary, type);
            case IInvocationOperation invocation:
                return LowerInvocation(invocation, type);
            case IFieldReferenceOperation { Field.IsStatic: true, Field.IsReadOnly: true } field:
                // A static readonly field is data: read as is, never differentiated.
                return new Variable(QualifiedName(field.Field), type);
            case IPropertyReferenceOperation { Property.Name: "Length", Instance: { } instance }:
                return LowerLength(operation, instance);
            case ISwitchExpressionOperation switchExpression:
                return LowerSwitchExpression(switchExpression, type);
            case IIsPatternOperation isPattern:
                return LowerIsPattern(isPattern);
            case IConditionalOperation conditional when NeedsBranch(conditional):
                return LowerConditionalAsBranch(conditional, type);
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                var condition = LowerCondition(conditional.Condition);
                _conditionalDepth++;
                var whenTrue = LowerScalar(conditional.WhenTrue);
                var otherwise = LowerScalar(whenFalse);
                _conditionalDepth--;
                return condition is null || whenTrue is null || otherwise is null ? null : new Conditional(condition, whenTrue, otherwise, type);
            case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: IPropertyReferenceOperation { Property.Name: "Shape", Instance: { } tensorOperation } } dimension
                when KnownTypes.IsTensor(tensorOperation.Type) && dimension.Arguments.Length == 1:
                var tensor = ResolveAggregate(tensorOperation);
                var axis = tensor is null ? null : LowerScalar(dimension.Arguments[0].Value);
                return tensor is null || axis is null ? null : new TensorDimension(tensor.Name, axis);
            default:
                if (TryGetElementAccess(operation, out var aggregate, out var indices))
                {
                    return LoadElement(operation, aggregate!, indices!, type);
                }
                return UnsupportedValue(operation, "this kind of expression is not part of the differentiable subset (arithmetic, Math functions, element reads, locals and parameters)");
        }
    }

    private Expr? UnsupportedValue(IOperation operation, string why)
    {
        Unsupported(operation, why);
        return null;
    }

    private static string QualifiedName(ISymbol symbol) =>
        symbol.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + symbol.Name;

    /// <summary>Inside a cast from a real value to an integer type.</summary>
    private int _integerCastDepth;

    private Expr? LowerConversion(IConversionOperation conversion, ScalarType type)
    {
        if (conversion.OperatorMethod is not null)
        {
            return UnsupportedValue(conversion, "user-defined conversions cannot be differentiated");
        }
        if (OverflowContextDiffers(conversion.IsChecked, conversion.Type))
        {
            return UnsupportedValue(conversion, OverflowContextAdvice);
        }
        // A cast to an integer type is a decision, like a comparison that picks a branch: the int
        // is an index or a count, and nothing inside the cast (a Floor, a Round) can carry a
        // gradient out of it, so none of it is warned about (DIFF009).
        var toInteger = !type.IsReal() && conversion.Operand.Type is { } from && KnownTypes.TryGetScalar(from, out var fromType) && fromType.IsReal();
        _integerCastDepth += toInteger ? 1 : 0;
        var operand = LowerScalar(conversion.Operand);
        _integerCastDepth -= toInteger ? 1 : 0;
        if (operand is null)
        {
            return null;
        }
        return Build.Convert(operand, type);
    }

    private Expr? LowerBinary(IBinaryOperation binary)
    {
        var op = ToBinaryOp(binary.OperatorKind);
        if (op is null)
        {
            return UnsupportedValue(binary, $"the operator '{binary.OperatorKind}' is not supported");
        }
        if (OverflowContextDiffers(binary.IsChecked, binary.Type))
        {
            return UnsupportedValue(binary, OverflowContextAdvice);
        }
        var left = LowerScalar(binary.LeftOperand);
        // The right operand of && and || runs only sometimes.
        _conditionalDepth += op.Value.IsLogical() ? 1 : 0;
        var right = LowerScalar(binary.RightOperand);
        _conditionalDepth -= op.Value.IsLogical() ? 1 : 0;
        if (left is null || right is null)
        {
            return null;
        }
        if (op == BinaryOp.Remainder && left.Type.IsReal())
        {
            return UnsupportedValue(binary, "'%' on real values is not supported; use Math.Floor to write it out");
        }
        if (op.Value.IsComparison() && _conditionDepth == 0 && (IsVaried(left) || IsVaried(right)))
        {
            Report(DiagnosticDescriptors.ZeroDerivative, binary.Syntax.GetLocation(), "a comparison used as a value");
        }
        return Build.Exact(op.Value, left, right);
    }

    /// <summary>
    /// Integer arithmetic in a checked or unchecked context other than the project's: the generated
    /// members run in the project's context, so an overflow would throw in one and wrap in the other.
    /// </summary>
    private bool OverflowContextDiffers(bool isChecked, ITypeSymbol? type) =>
        isChecked != (_compilation?.Options.CheckOverflow ?? false)
        && type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_UInt32 or SpecialType.System_UInt64
            or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Byte or SpecialType.System_SByte;

    private const string OverflowContextAdvice =
        "integer arithmetic in a 'checked' or 'unchecked' context other than the project's: the generated code runs in the project's context, where an overflow would behave differently; remove checked/unchecked here, or compute the int outside the method";

    private static BinaryOp? ToBinaryOp(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.Add => BinaryOp.Add,
        BinaryOperatorKind.Subtract => BinaryOp.Subtract,
        BinaryOperatorKind.Multiply => BinaryOp.Multiply,
        BinaryOperatorKind.Divide => BinaryOp.Divide,
        BinaryOperatorKind.Remainder => BinaryOp.Remainder,
        BinaryOperatorKind.LessThan => BinaryOp.Less,
        BinaryOperatorKind.LessThanOrEqual => BinaryOp.LessOrEqual,
        BinaryOperatorKind.GreaterThan => BinaryOp.Greater,
        BinaryOperatorKind.GreaterThanOrEqual => BinaryOp.GreaterOrEqual,
        BinaryOperatorKind.Equals => BinaryOp.Equal,
        BinaryOperatorKind.NotEquals => BinaryOp.NotEqual,
        BinaryOperatorKind.ConditionalAnd => BinaryOp.And,
        BinaryOperatorKind.ConditionalOr => BinaryOp.Or,
        _ => null,
    };

    private Expr? LowerUnary(IUnaryOperation unary, ScalarType type)
    {
        var operand = LowerScalar(unary.Operand);
        if (operand is null)
        {
            return null;
        }
        return unary.OperatorKind switch
        {
            UnaryOperatorKind.Plus => operand,
            UnaryOperatorKind.Minus => Build.ExactNegate(operand),
            UnaryOperatorKind.Not => new Unary(UnaryOp.Not, operand, type),
            _ => UnsupportedValue(unary, $"the operator '{unary.OperatorKind}' is not supported"),
        };
    }

    private Expr? LowerInvocation(IInvocationOperation invocation, ScalarType type)
    {
        var target = invocation.TargetMethod;
        if (MathFunctions.IsMathCall(target, invocation.Arguments.Length))
        {
            if (MathFunctions.Find(target, invocation.Arguments.Length) is not { } function)
            {
                return UnsupportedValue(invocation, MathFunctions.Unsupported(target, invocation.Arguments.Length));
            }
            var arguments = new List<Expr>();
            foreach (var argument in invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0))
            {
                var lowered = LowerScalar(argument.Value);
                if (lowered is null)
                {
                    return null;
                }
                arguments.Add(lowered);
            }
            if (function.HasZeroDerivative && !function.IsPredicate && _integerCastDepth == 0 && arguments.Any(IsVaried))
            {
                Report(DiagnosticDescriptors.ZeroDerivative, invocation.Syntax.GetLocation(), $"'{target.ContainingType.Name}.{target.Name}'");
            }
            var call = Build.Call(function, arguments.ToEquatableArray(), type);
            if (_mutable && _conditionalDepth == 0 && call is MathCall && function.UsesResult && arguments.Any(IsVaried))
            {
                // Its derivative reuses its value: computed once, into a local the reverse sweep reads back.
                var name = _names.Fresh(function.Name.ToLowerInvariant());
                _locals.Add(new LocalVariable(name, type));
                Emit(new Assign(name, call));
                _varied.Add(name);
                return new Variable(name, type);
            }
            return call;
        }
        if (target.Name == "Sum" && KnownTypes.IsTensor(target.ContainingType) && invocation.Instance is { } instance)
        {
            if (_mutable)
            {
                return UnsupportedValue(invocation, "Sum() is not supported yet in methods with branches, loops or calls to other [Differentiable] methods; add the elements in a loop");
            }
            var tensor = LowerTensor(instance);
            return tensor is null ? null : new TensorSum(tensor);
        }
        if (target.Name == "Stop" && KnownTypes.IsRuntimeType(target.ContainingType, "Gradient") && invocation.Arguments.Length == 1)
        {
            var operand = LowerScalar(invocation.Arguments[0].Value);
            return operand is null ? null : new Unary(UnaryOp.StopGradient, operand, operand.Type);
        }
        if (target.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KnownTypes.DifferentiableAttribute))
        {
            return LowerDifferentiableCall(invocation);
        }
        if (_compilation is not null && UserDerivatives.Find(_compilation, target, _cancellationToken) is { } vjp)
        {
            return LowerDifferentiableCall(invocation, vjp);
        }
        return LowerExternalCall(invocation, type);
    }

    /// <summary>An array, span or tensor name passed whole (possibly under Gradient.Stop), and whether it carries a gradient.</summary>
    private (string Name, bool Varied)? AggregateArgumentOf(IOperation value)
    {
        var stopped = false;
        value = StripConversions(value);
        if (value is IInvocationOperation { TargetMethod: { Name: "Stop" } stop, Arguments.Length: 1 } invocation && KnownTypes.IsRuntimeType(stop.ContainingType, "Gradient"))
        {
            stopped = true;
            value = StripConversions(invocation.Arguments[0].Value);
        }
        var symbol = ReferencedSymbol(value);
        return symbol is not null && _aggregates.TryGetValue(symbol, out var aggregate)
            ? (aggregate.Name, !stopped && _varied.Contains(aggregate.Name))
            : null;
    }

    /// <summary>
    /// A call without a derivative is fine when no argument carries a gradient (constants, data,
    /// Gradient.Stop(...)): its result is data. Otherwise it is DIFF008 at the active argument's call.
    /// </summary>
    private Expr? LowerExternalCall(IInvocationOperation invocation, ScalarType type)
    {
        var target = invocation.TargetMethod;
        var arguments = new List<Expr>();
        IArgumentOperation? active = null;
        var supported = target.IsStatic && !target.IsGenericMethod && target.Parameters.All(p => p.RefKind == RefKind.None);
        foreach (var argument in invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0))
        {
            if (argument.ArgumentKind == ArgumentKind.Explicit && AggregateArgumentOf(argument.Value) is { } aggregateArgument)
            {
                if (aggregateArgument.Varied)
                {
                    active ??= argument;
                }
                arguments.Add(new AggregateArgument(aggregateArgument.Name));
                continue;
            }
            if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Value.Type is not { } argumentType || !KnownTypes.TryGetScalar(argumentType, out _))
            {
                supported = false;
                if (argument.Value.Type is { } t && (KnownTypes.IsTensor(t) || KnownTypes.TryGetArray(t, out _) || KnownTypes.TryGetSpan(t, out _, out _)))
                {
                    active ??= argument;
                }
                continue;
            }
            var lowered = LowerScalar(argument.Value);
            if (lowered is null)
            {
                return null;
            }
            if (IsVaried(lowered))
            {
                active ??= argument;
            }
            arguments.Add(lowered);
        }
        if (active is not null || !supported)
        {
            Report(DiagnosticDescriptors.CallWithoutDerivative, invocation.Syntax.GetLocation(),
                TypeText.Of(target), active?.Syntax.ToString() ?? "its arguments", NoDerivativeAdvice(target));
            return null;
        }
        var name = target.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + target.Name;
        return new ExternalCall(name, arguments.ToEquatableArray(), type);
    }

    private Expr? LowerLength(IOperation operation, IOperation instance)
    {
        if (IsView(instance))
        {
            return ViewOf(instance)?.Count;
        }
        var symbol = ReferencedSymbol(instance);
        if (symbol is not null && _aggregates.TryGetValue(symbol, out var aggregate))
        {
            return new LengthOf(aggregate.Name);
        }
        return UnsupportedValue(operation, "'Length' is supported on parameters and locals that are arrays, spans or tensors");
    }

    /// <summary>Recognizes <c>a[i]</c> on arrays, and indexers of spans and tensors.</summary>
    private static bool TryGetElementAccess(IOperation operation, out IOperation? aggregate, out IReadOnlyList<IOperation>? indices)
    {
        switch (operation)
        {
            case IArrayElementReferenceOperation array:
                aggregate = array.ArrayReference;
                indices = array.Indices;
                return true;
            case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } instance } indexer
                when instance.Type is { } type && (KnownTypes.IsTensor(type) || KnownTypes.TryGetSpan(type, out _, out _)):
                aggregate = instance;
                indices = indexer.Arguments.Select(a => a.Value).ToList();
                return true;
            case IImplicitIndexerReferenceOperation { Argument.Type: var argumentType } fromEnd when IsSystemIndex(argumentType):
                // span[^k]: the compiler's Length-and-indexer pattern.
                aggregate = fromEnd.Instance;
                indices = new[] { fromEnd.Argument };
                return true;
            default:
                aggregate = null;
                indices = null;
                return false;
        }
    }

    private AggregateInfo? ResolveAggregate(IOperation operation)
    {
        var symbol = ReferencedSymbol(operation);
        if (symbol is not null && _aggregates.TryGetValue(symbol, out var aggregate))
        {
            return aggregate;
        }
        if (_failed && symbol is ILocalSymbol)
        {
            // Its definition was already reported: do not report every use too.
            return null;
        }
        Unsupported(operation, "elements can be read from parameters and locals that are arrays, spans or tensors");
        return null;
    }

    private List<Expr>? LowerIndices(IReadOnlyList<IOperation> indices, AggregateInfo aggregate)
    {
        var lowered = new List<Expr>();
        foreach (var index in indices)
        {
            if (TryLowerFromEnd(index, aggregate, out var fromEnd))
            {
                if (fromEnd is null)
                {
                    return null;
                }
                lowered.Add(fromEnd);
                continue;
            }
            if (index is IOperation { Type: { } t } && t.SpecialType is not (SpecialType.System_Int32 or SpecialType.System_Int64))
            {
                Unsupported(index, "indices must be int values");
                return null;
            }
            var value = LowerScalar(index);
            if (value is null)
            {
                return null;
            }
            // Spans and tensors index with int: a long index is narrowed as the array access would.
            lowered.Add(value.Type == ScalarType.Long ? Build.Convert(value, ScalarType.Int) : value);
        }
        return lowered;
    }

    private static string? ConstantKey(List<Expr> indices) =>
        indices.All(i => i is Constant) ? string.Join(",", indices.Select(i => ((Constant)i).Value.ToString(System.Globalization.CultureInfo.InvariantCulture))) : null;

    private Expr? LoadElement(IOperation operation, IOperation aggregateOperation, IReadOnlyList<IOperation> indexOperations, ScalarType type)
    {
        if (IsView(aggregateOperation))
        {
            return LoadThroughView(operation, aggregateOperation, indexOperations, type);
        }
        var aggregate = ResolveAggregate(aggregateOperation);
        var indices = aggregate is null ? null : LowerIndices(indexOperations, aggregate!);
        return aggregate is null || indices is null ? null : LoadElementAt(operation, aggregate, indices, type);
    }

    private Expr? LoadElementAt(IOperation operation, AggregateInfo aggregate, List<Expr> indices, ScalarType type)
    {
        switch (aggregate.Kind)
        {
            case AggregateKind.Input:
            case AggregateKind.TensorValue:
                return new ElementLoad(aggregate.Name, indices.ToEquatableArray(), type);
            case AggregateKind.Output:
            case AggregateKind.ElementWritten:
                if (_mutable)
                {
                    // No forwarding across branches and loops: the element is read from the array.
                    return CaptureIfWrittenInside(aggregate, new ElementLoad(aggregate.Name, indices.ToEquatableArray(), type));
                }
                var key = ConstantKey(indices);
                if (key is null)
                {
                    return UnsupportedValue(operation, $"reading an element of '{aggregate.Name}' at an index that is not a constant is supported in methods with loops; here, keep the value in a local");
                }
                if (!aggregate.Elements.TryGetValue(key, out var stored))
                {
                    if (aggregate.Kind == AggregateKind.Output)
                    {
                        return UnsupportedValue(operation, $"'{aggregate.Name}' is an output: this element is read before the method writes it");
                    }
                    return new Constant(0, type);
                }
                return ForwardStoredValue(aggregate, key, stored);
            default:
                return null;
        }
    }

    /// <summary>
    /// Store-to-load forwarding: a read of an element written earlier at the same constant index
    /// reads the stored value. A stored expression is first bound to a named local so it is computed once.
    /// </summary>
    private Expr ForwardStoredValue(AggregateInfo aggregate, string key, StoredElement stored)
    {
        var value = stored.Store.Value;
        if (value is Variable or Constant)
        {
            return value;
        }
        var name = _names.Fresh(aggregate.Name + key.Replace(",", ""));
        var position = stored.Segment.FindIndex(s => ReferenceEquals(s, stored.Store));
        var store = stored.Store with { Value = new Variable(name, value.Type) };
        stored.Segment[position] = store;
        stored.Segment.Insert(position, new Let(name, value));
        stored.Store = store;
        if (IsVaried(value))
        {
            _varied.Add(name);
        }
        return store.Value;
    }

    /// <summary>
    /// <c>a[indices] = value</c> or <c>a[indices] op= value</c>, the indices already lowered; the
    /// value is <paramref name="lowered"/> or else <paramref name="valueOperation"/> lowered now.
    /// Returns the value stored.
    /// </summary>
    private Expr? StoreElementAt(IOperation target, AggregateInfo aggregate, List<Expr> indices, IOperation? valueOperation, Expr? lowered, BinaryOp? compound)
    {
        if (aggregate.Kind == AggregateKind.Input)
        {
            Report(DiagnosticDescriptors.WriteToInput, target.Syntax.GetLocation(), aggregate.Name);
            return null;
        }
        if (aggregate.Kind == AggregateKind.TensorValue)
        {
            return UnsupportedValue(target, $"'{aggregate.Name}' holds the result of a whole-tensor expression; writing its elements is not supported yet: start from Tensor.Zeros(...) instead");
        }
        // a[i] += (a[i] = v): the element is read before the value, as in C#.
        var current = _mutable && compound is not null && _elementsWrittenInside.Contains(aggregate)
            ? Capture(new ElementLoad(aggregate.Name, indices.ToEquatableArray(), target.Type is { } targetType && KnownTypes.TryGetScalar(targetType, out var elementType) ? elementType : ScalarType.Double))
            : null;
        // Straight-line code forwards the element's value; it too is read before the value.
        var forwardKey = !_mutable && compound is not null && lowered is null ? ConstantKey(indices) : null;
        var forwarded = forwardKey is null ? null
            : ForwardedElement(target, aggregate, forwardKey, target.Type is { } t && KnownTypes.TryGetScalar(t, out var forwardType) ? forwardType : ScalarType.Double);
        if (forwardKey is not null && forwarded is null)
        {
            return null;
        }
        var value = lowered ?? LowerScalar(valueOperation!);
        if (value is null)
        {
            return null;
        }
        if (_mutable)
        {
            if (compound is { } mutableOp)
            {
                value = Build.Exact(mutableOp, current ?? new ElementLoad(aggregate.Name, indices.ToEquatableArray(), value.Type), value);
            }
            Emit(new Store(aggregate.Name, indices.ToEquatableArray(), value));
            if (IsVaried(value))
            {
                aggregate.IsVaried = true;
                _varied.Add(aggregate.Name);
            }
            // The stored element, read right after the store (the value of the assignment).
            return new ElementLoad(aggregate.Name, indices.ToEquatableArray(), value.Type);
        }
        var key = ConstantKey(indices);
        if (key is null)
        {
            return UnsupportedValue(target, "element writes at an index that is not a constant are supported in methods with loops; here, use a constant index");
        }
        if (compound is { } op)
        {
            var before = forwarded ?? ForwardedElement(target, aggregate, key, value.Type);
            if (before is null)
            {
                return null;
            }
            value = Build.Exact(op, before, value);
        }
        var store = new Store(aggregate.Name, indices.ToEquatableArray(), value);
        Emit(store);
        aggregate.Elements[key] = new StoredElement(_current, store);
        if (IsVaried(value))
        {
            aggregate.IsVaried = true;
            _varied.Add(aggregate.Name);
        }
        return value;
    }

    /// <summary>In straight-line code, the value an element holds now: the last one stored at its constant index, or 0.</summary>
    private Expr? ForwardedElement(IOperation target, AggregateInfo aggregate, string key, ScalarType type) =>
        aggregate.Elements.TryGetValue(key, out var stored) ? ForwardStoredValue(aggregate, key, stored)
            : aggregate.Kind == AggregateKind.ElementWritten ? new Constant(0, type)
            : UnsupportedValue(target, $"'{aggregate.Name}' is an output: this element is updated before the method writes it");

    /// <summary>Depends on a differentiable input (forward activity).</summary>
    private bool IsVaried(Expr expr) => Differentiation.FlowActivity.IsVaried(expr, _varied);

    private bool IsVaried(TensorExpr expr) => Differentiation.FlowActivity.IsVaried(expr, _varied);
}
