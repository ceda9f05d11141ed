using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Lowering;

/// <summary>Tensor and array locals, and whole-tensor elementwise expressions.</summary>
internal sealed partial class BodyLowerer
{
    private void AssignTensor(ISymbol symbol, IOperation value, IOperation whole)
    {
        if (_aggregates.TryGetValue(symbol, out var existing) && existing.Kind != AggregateKind.TensorValue)
        {
            Unsupported(whole, $"'{symbol.Name}' is written element by element; assigning a whole tensor to it is not supported");
            return;
        }
        var stripped = StripConversions(value);
        if (stripped is IInvocationOperation { TargetMethod: { Name: "Zeros", IsStatic: true } zeros } invocation && KnownTypes.IsTensor(zeros.ContainingType))
        {
            if (existing is not null)
            {
                Unsupported(whole, $"'{symbol.Name}' already holds a tensor; declare a new local for Tensor.Zeros(...)");
                return;
            }
            if (_loopDepth > 0 || _branchDepth > 0)
            {
                Unsupported(whole, "create local tensors at the top of the method, outside branches and loops");
                return;
            }
            var dimensions = LowerDimensions(invocation);
            if (dimensions is null)
            {
                return;
            }
            var name = ClaimUserName(symbol.Name);
            Emit(new AllocateTensor(name, dimensions.ToEquatableArray()));
            _aggregates[symbol] = new AggregateInfo(name, AggregateKind.ElementWritten, isTensor: true, isVaried: false);
            return;
        }
        if (_mutable)
        {
            Unsupported(value, "whole-tensor expressions are not supported yet in methods with branches, loops or calls to other [Differentiable] methods; index the elements in a loop, or keep the tensor arithmetic in a method without them");
            return;
        }
        var tensor = LowerTensor(value);
        if (tensor is null)
        {
            return;
        }
        var tensorName = existing is null ? ClaimUserName(symbol.Name) : _names.Fresh(symbol.Name);
        Emit(new TensorLet(tensorName, tensor));
        var varied = IsVaried(tensor);
        _aggregates[symbol] = new AggregateInfo(tensorName, AggregateKind.TensorValue, isTensor: true, varied);
        if (varied)
        {
            _varied.Add(tensorName);
        }
    }

    /// <summary>Tensor.Zeros(d0, d1, ...) with int arguments (params array or expanded).</summary>
    private List<Expr>? LowerDimensions(IInvocationOperation invocation)
    {
        var dimensions = new List<Expr>();
        foreach (var argument in invocation.Arguments)
        {
            var values = argument.Value is IArrayCreationOperation { Initializer: { } initializer }
                ? initializer.ElementValues.ToList()
                : new List<IOperation> { argument.Value };
            foreach (var value in values)
            {
                if (value.Type?.SpecialType != SpecialType.System_Int32)
                {
                    Unsupported(value, "Tensor.Zeros takes its shape as int arguments, e.g. Tensor.Zeros(1, 2)");
                    return null;
                }
                var lowered = LowerScalar(value);
                if (lowered is null)
                {
                    return null;
                }
                dimensions.Add(lowered);
            }
        }
        return dimensions;
    }

    private void AssignArray(ISymbol symbol, IOperation value, IOperation whole)
    {
        if (_aggregates.ContainsKey(symbol))
        {
            Unsupported(whole, $"'{symbol.Name}' already holds an array; declare a new local instead of reassigning it");
            return;
        }
        if (StripConversions(value) is IInvocationOperation call && IsDifferentiableMethod(call.TargetMethod))
        {
            LowerArrayCall(symbol, call, whole);
            return;
        }
        if (StripConversions(value) is not IArrayCreationOperation { DimensionSizes.Length: 1 } creation)
        {
            Unsupported(value, "a local array must be created with 'new double[n]' (or an initializer list) and written element by element");
            return;
        }
        if (_loopDepth > 0 || _branchDepth > 0)
        {
            Unsupported(whole, "create local arrays at the top of the method, outside branches and loops");
            return;
        }
        var length = LowerScalar(creation.DimensionSizes[0]);
        if (length is null)
        {
            return;
        }
        var name = ClaimUserName(symbol.Name);
        var elementType = KnownTypes.TryGetArray(creation.Type!, out var arrayElement) ? arrayElement : ScalarType.Double;
        Emit(new AllocateArray(name, elementType, length));
        var aggregate = new AggregateInfo(name, AggregateKind.ElementWritten, isTensor: false, isVaried: false);
        _aggregates[symbol] = aggregate;
        if (creation.Initializer is { } initializer)
        {
            for (var i = 0; i < initializer.ElementValues.Length; i++)
            {
                var element = LowerScalar(initializer.ElementValues[i]);
                if (element is null)
                {
                    return;
                }
                var store = new Store(name, EquatableArray.Create<Expr>(new Constant(i, ScalarType.Int)), element);
                Emit(store);
                aggregate.Elements[i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new StoredElement(_current, store);
                if (IsVaried(element))
                {
                    aggregate.IsVaried = true;
                    _varied.Add(name);
                }
            }
        }
    }

    private TensorExpr? LowerTensor(IOperation operation)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (operation.Type is { } type && KnownTypes.TryGetScalar(type, out _))
        {
            var scalar = LowerScalar(operation);
            return scalar is null ? null : new TensorScalar(scalar);
        }
        if (!KnownTypes.IsTensor(operation.Type))
        {
            Unsupported(operation, $"a value of type '{(operation.Type is { } valueType ? TypeText.Of(valueType) : "?")}' cannot be used in tensor arithmetic");
            return null;
        }
        switch (StripConversions(operation))
        {
            case IParameterReferenceOperation when _aggregates.TryGetValue(ReferencedSymbol(operation)!, out var aggregate):
                return new TensorRef(aggregate.Name);
            case ILocalReferenceOperation when _aggregates.TryGetValue(ReferencedSymbol(operation)!, out var aggregate):
                if (aggregate.Kind != AggregateKind.TensorValue)
                {
                    Unsupported(operation, $"'{aggregate.Name}' is written element by element; using it in whole-tensor arithmetic is not supported yet");
                    return null;
                }
                return new TensorRef(aggregate.Name);
            case IBinaryOperation { OperatorMethod: not null } binary when ToBinaryOp(binary.OperatorKind) is { } op && op is BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply or BinaryOp.Divide:
                var left = LowerTensor(binary.LeftOperand);
                var right = LowerTensor(binary.RightOperand);
                return left is null || right is null ? null : new TensorBinary(op, left, right);
            case IUnaryOperation { OperatorMethod: not null, OperatorKind: UnaryOperatorKind.Minus } unary:
                var operand = LowerTensor(unary.Operand);
                return operand is null ? null : new TensorNegate(operand);
            default:
                Unsupported(operation, "whole-tensor expressions may use tensor parameters and locals, + - * / with tensors or scalars, and unary minus");
                return null;
        }
    }
}
