using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SourceGen.Autodiff.Generator.Diagnostics;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Lowering;

/// <summary>
/// <c>Fill</c>, <c>Clear</c> and <c>CopyTo</c> on local arrays, span outputs and their windows
/// (<c>a.AsSpan().Fill(v)</c>, <c>Array.Fill(a, v)</c>, <c>Array.Clear(a)</c>,
/// <c>x.CopyTo(a)</c>, <c>x.AsSpan(i, n).CopyTo(a.AsSpan(j))</c>, <c>Array.Copy(x, a, n)</c>):
/// element loops of stores, which the reverse sweep records and restores like any other store.
/// </summary>
internal sealed partial class BodyLowerer
{
    /// <summary>Whether the call is one of these methods (lowered, or reported).</summary>
    private bool TryLowerArrayMethod(IInvocationOperation call)
    {
        var method = call.TargetMethod;
        var arguments = call.Arguments.Select(a => a.Value).ToList();
        var onArray = method.ContainingType?.SpecialType == SpecialType.System_Array;
        var onSpan = method.ContainingType is { } owner && (KnownTypes.TryGetSpan(owner, out _, out _) || owner.Name == "MemoryExtensions");
        if (!onArray && !onSpan)
        {
            return false;
        }
        switch (method.Name)
        {
            case "Fill" when call.Instance is { } span && arguments.Count == 1:
                FillWindow(call, ViewOf(span), arguments[0]);
                return true;
            case "Fill" when onArray && arguments.Count == 2:
                FillWindow(call, ViewOf(arguments[0]), arguments[1]);
                return true;
            case "Clear" when call.Instance is { } span && arguments.Count == 0:
                FillWindow(call, ViewOf(span), null);
                return true;
            case "Clear" when onArray && arguments.Count is 1 or 3:
                FillWindow(call, arguments.Count == 1 ? ViewOf(arguments[0]) : Narrow(call, ViewOf(arguments[0]), arguments.Skip(1).ToList()), null);
                return true;
            case "CopyTo" when call.Instance is { } source && arguments.Count == 1:
                CopyBetweenWindows(call, ViewOf(source), ViewOf(arguments[0]));
                return true;
            case "CopyTo" when call.Instance is null && arguments.Count == 2 && onSpan:
                CopyBetweenWindows(call, ViewOf(arguments[0]), ViewOf(arguments[1]));
                return true;
            case "CopyTo" when onArray && call.Instance is { } array && arguments.Count == 2:
                var from = ViewOf(array);
                CopyBetweenWindows(call, from, from is null ? null : Narrow(call, ViewOf(arguments[0]), [arguments[1]]));
                return true;
            case "Copy" when onArray && arguments.Count is 3 or 5 && arguments.All(a => StripConversions(a).Type is IArrayTypeSymbol || a.Type?.SpecialType == SpecialType.System_Int32):
                if (arguments.Count == 5)
                {
                    CopyBetweenWindows(call, Narrow(call, ViewOf(arguments[0]), [arguments[1], arguments[4]]), Narrow(call, ViewOf(arguments[2]), [arguments[3], arguments[4]]));
                    return true;
                }
                var (whole, into) = (ViewOf(arguments[0]), ViewOf(arguments[1]));
                var length = whole is null || into is null ? null : LowerScalar(arguments[2]);
                if (length is not null)
                {
                    var zero = new Constant(0, ScalarType.Int);
                    CopyBetweenWindows(call, Window(whole!, zero, length), Window(into!, zero, length));
                }
                return true;
            default:
                return false;
        }
    }

    /// <summary><c>window.Fill(value)</c> (or <c>Clear()</c> when <paramref name="value"/> is null): the value is computed once.</summary>
    private void FillWindow(IOperation call, ArrayView? window, IOperation? value)
    {
        if (window is null || !Writable(call, window))
        {
            return;
        }
        var type = ElementTypeOfAggregate(window.Base);
        var filled = value is null ? new Constant(0, type) : LowerScalar(value);
        if (filled is null)
        {
            return;
        }
        filled = Capture(Build.Convert(filled, type), "fill");
        EachElement(window.Count, k => new Statement[] { new Store(window.Base.Name, EquatableArray.Create(Build.Add(window.Start, k)), filled) });
        MarkStoreVaried(window.Base, filled);
    }

    /// <summary><c>source.CopyTo(destination)</c>: throws as CopyTo does when the destination is shorter.</summary>
    private void CopyBetweenWindows(IOperation call, ArrayView? source, ArrayView? destination)
    {
        if (source is null || destination is null || !Writable(call, destination))
        {
            return;
        }
        if (source.Base.Name == destination.Base.Name)
        {
            Unsupported(call, "copying within one array is not supported; copy through a second array");
            return;
        }
        EmitThrow(new Binary(BinaryOp.Greater, source.Count, destination.Count, ScalarType.Bool),
            new DataRead(EquatableArray.Create("throw new global::System.ArgumentException(\"Destination is too short.\", \"destination\")"), EquatableArray<Expr>.Empty, IsPrimary: true, ScalarType.Int));
        var type = ElementTypeOfAggregate(destination.Base);
        EachElement(source.Count, k => new Statement[]
        {
            new Store(destination.Base.Name, EquatableArray.Create(Build.Add(destination.Start, k)), new ElementLoad(source.Base.Name, EquatableArray.Create(Build.Add(source.Start, k)), type)),
        });
        if (_varied.Contains(source.Base.Name))
        {
            destination.Base.IsVaried = true;
            _varied.Add(destination.Base.Name);
        }
    }

    private bool Writable(IOperation call, ArrayView window)
    {
        switch (window.Base.Kind)
        {
            case AggregateKind.Input:
                Report(DiagnosticDescriptors.WriteToInput, call.Syntax.GetLocation(), window.Base.Name);
                return false;
            case AggregateKind.ElementWritten or AggregateKind.Output when !window.Base.IsTensor:
                window.Base.Elements.Clear();
                return true;
            default:
                Unsupported(call, "Fill, Clear and CopyTo write local arrays, span outputs and windows on them");
                return false;
        }
    }

    private ScalarType ElementTypeOfAggregate(AggregateInfo aggregate) =>
        _aggregates.FirstOrDefault(pair => ReferenceEquals(pair.Value, aggregate)).Key switch
        {
            IParameterSymbol parameter when KnownTypes.TryGetArray(parameter.Type, out var element) || KnownTypes.TryGetSpan(parameter.Type, out _, out element) => element,
            { } symbol => ElementTypeOfSymbol(symbol),
            null => ScalarType.Double,
        };
}
