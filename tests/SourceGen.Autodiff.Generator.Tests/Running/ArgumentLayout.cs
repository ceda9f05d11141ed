using System;
using System.Collections.Generic;
using System.Linq;

namespace SourceGen.Autodiff.Generator.Tests.Running;

/// <summary>
/// Maps between a method's packed arguments and flat vectors: the differentiable inputs as one
/// vector x (parameter order, row-major), the result as one vector y, and gradient buffers as
/// one vector in the layout of x, so finite differences can treat the method as f: x -> y.
/// </summary>
public sealed class ArgumentLayout
{
    private readonly MethodSignature _signature;
    private readonly object[] _template;

    public ArgumentLayout(MethodSignature signature, object[] arguments)
    {
        if (arguments.Length != signature.Parameters.Count)
        {
            throw new ArgumentException($"{signature.Name} takes {signature.Parameters.Count} arguments; the case drew {arguments.Length}.");
        }
        _signature = signature;
        _template = arguments;
    }

    /// <summary>The differentiable inputs, flattened.</summary>
    public double[] Inputs() => Flatten(GradientSlots().Select(i => _template[i]));

    /// <summary>A fresh copy of the arguments (arrays and tensors cloned) with the differentiable inputs taken from <paramref name="x"/>.</summary>
    public object[] With(double[] x)
    {
        var arguments = _template.Select(Clone).ToArray();
        var offset = 0;
        foreach (var i in GradientSlots())
        {
            arguments[i] = Refill(arguments[i], x, ref offset);
        }
        return arguments;
    }

    /// <summary>The result as a vector: a scalar, an array, a tensor's elements, or the span outputs written into <paramref name="arguments"/>.</summary>
    public double[] Output(object? result, object[] arguments) => _signature.Result switch
    {
        ValueKind.Void => Flatten(_signature.Parameters.Select((p, i) => (p, i)).Where(x => x.p.Kind == ValueKind.OutputSpan).Select(x => arguments[x.i])),
        _ => Flatten(new[] { result! }),
    };

    /// <summary>A seed holding <paramref name="values"/>, of the type MBackward takes for this result.</summary>
    public object Seed(double[] values, object? result) => _signature.Result switch
    {
        ValueKind.Real => values.Single(),
        ValueKind.Tensor => Tensor.FromRowMajor(values, ((Tensor)result!).Shape.ToArray()),
        _ => values.ToArray(),
    };

    /// <summary>Gradient buffers (one per differentiable parameter, shaped like it) starting at <paramref name="values"/>.</summary>
    public object[] Gradients(double[] values)
    {
        var offset = 0;
        return GradientSlots().Select(i => Refill(Clone(_template[i]), values, ref offset)).ToArray();
    }

    public static double[] Flatten(IEnumerable<object> values) => values.SelectMany(v => v switch
    {
        double d => new[] { d },
        double[] a => a,
        Tensor t => t.ToArray(),
        _ => throw new ArgumentException($"Cannot flatten a {v?.GetType().Name ?? "null"}."),
    }).ToArray();

    private IEnumerable<int> GradientSlots() =>
        Enumerable.Range(0, _signature.Parameters.Count).Where(i => _signature.Parameters[i].HasGradient);

    private static object Clone(object value) => value switch
    {
        double[] a => a.Clone(),
        Tensor t => t.Clone(),
        _ => value,
    };

    private static object Refill(object slot, double[] source, ref int offset)
    {
        switch (slot)
        {
            case double:
                return source[offset++];
            case double[] a:
                Array.Copy(source, offset, a, 0, a.Length);
                offset += a.Length;
                return a;
            case Tensor t:
                source.AsSpan(offset, t.Length).CopyTo(t.AsSpan());
                offset += t.Length;
                return t;
            default:
                throw new ArgumentException($"A {slot.GetType().Name} cannot hold a gradient.");
        }
    }
}
