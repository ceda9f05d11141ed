using System;
using System.Buffers;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace SourceGen.Autodiff;

/// <summary>
/// The tape of a generated backward method with branches or loops: the forward sweep pushes
/// the values it overwrites and the control decisions it takes (branch choices, iteration
/// counts); the reverse sweep reads them back in reverse order through a <see cref="TapeReader"/>.
/// Storage comes from <see cref="ArrayPool{T}"/> and a tape is reused per thread, so a backward
/// call allocates nothing in steady state.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class Tape
{
    [ThreadStatic]
    private static Tape? s_cached;

    private double[] _values = Array.Empty<double>();
    private int[] _decisions = Array.Empty<int>();
    private int _valueCount;
    private int _decisionCount;
    private object?[] _objects = Array.Empty<object?>();
    private int _objectCount;
    private double[][] _scratch = new double[4][];
    private int _scratchCount;
    private float[][] _scratchSingle = new float[2][];
    private int _scratchSingleCount;

    /// <summary>A cleared tape: the calling thread's cached one, or a new one.</summary>
    public static Tape Rent()
    {
        var tape = s_cached ?? new Tape();
        s_cached = null;
        return tape;
    }

    /// <summary>Clears the tape, returns its scratch buffers to the pool and caches it for the thread's next call.</summary>
    public void Release()
    {
        Clear();
        s_cached = this;
    }

    /// <summary>Forgets what was pushed and returns scratch buffers to the pool; keeps the storage.</summary>
    public void Clear()
    {
        _valueCount = 0;
        _decisionCount = 0;
        Array.Clear(_objects, 0, _objectCount);
        _objectCount = 0;
        for (var i = 0; i < _scratchCount; i++)
        {
            ArrayPool<double>.Shared.Return(_scratch[i]);
            _scratch[i] = null!;
        }
        _scratchCount = 0;
        for (var i = 0; i < _scratchSingleCount; i++)
        {
            ArrayPool<float>.Shared.Return(_scratchSingle[i]);
            _scratchSingle[i] = null!;
        }
        _scratchSingleCount = 0;
    }

    /// <summary>Number of values pushed.</summary>
    public int ValueCount => _valueCount;

    /// <summary>Number of control decisions pushed.</summary>
    public int DecisionCount => _decisionCount;

    /// <summary>Saves a value the forward sweep is about to overwrite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Push(double value)
    {
        var values = _values;
        var count = _valueCount;
        if ((uint)count < (uint)values.Length)
        {
            values[count] = value;
            _valueCount = count + 1;
            return;
        }
        PushGrowing(value);
    }

    /// <summary>Saves every element of an array a called method is about to overwrite (read back by <see cref="TapeReader.PopAll(Span{double})"/>).</summary>
    public void PushAll(ReadOnlySpan<double> values)
    {
        foreach (var value in values)
        {
            Push(value);
        }
    }

    /// <summary>The <c>float</c> twin of <see cref="PushAll(ReadOnlySpan{double})"/>.</summary>
    public void PushAll(ReadOnlySpan<float> values)
    {
        foreach (var value in values)
        {
            Push(value);
        }
    }

    /// <summary>Saves a control decision or an integer the forward sweep is about to overwrite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PushInt(int value)
    {
        var decisions = _decisions;
        var count = _decisionCount;
        if ((uint)count < (uint)decisions.Length)
        {
            decisions[count] = value;
            _decisionCount = count + 1;
            return;
        }
        PushIntGrowing(value);
    }

    /// <summary>
    /// Room for more records when a generated Backward's own span of values is full: the
    /// records move into the tape's pooled storage (twice as long), renting the tape first if
    /// the method has none yet. The method keeps the count and goes on pushing into the span returned.
    /// </summary>
    public static Span<double> GrowValues(Span<double> values, [NotNull] scoped ref Tape? tape)
    {
        tape ??= Rent();
        tape._values = GrowInto(tape._values, values, 0);
        return tape._values;
    }

    /// <summary>
    /// Room for at least <paramref name="needed"/> records in a generated Backward's span of values,
    /// made before a counted loop whose records it then writes without checks: the records so far
    /// move into the tape's pooled storage, renting the tape first if the method has none yet.
    /// </summary>
    public static Span<double> ReserveValues(Span<double> values, int needed, [NotNull] scoped ref Tape? tape)
    {
        tape ??= Rent();
        tape._values = GrowInto(tape._values, values, needed);
        return tape._values;
    }

    /// <summary>As <see cref="ReserveValues"/>, for a generated Backward's span of decisions.</summary>
    public static Span<int> ReserveDecisions(Span<int> decisions, int needed, [NotNull] scoped ref Tape? tape)
    {
        tape ??= Rent();
        tape._decisions = GrowInto(tape._decisions, decisions, needed);
        return tape._decisions;
    }

    /// <summary>As <see cref="GrowValues"/>, for a generated Backward's span of decisions.</summary>
    public static Span<int> GrowDecisions(Span<int> decisions, [NotNull] scoped ref Tape? tape)
    {
        tape ??= Rent();
        tape._decisions = GrowInto(tape._decisions, decisions, 0);
        return tape._decisions;
    }

    /// <summary>
    /// A pooled array at least twice as long as <paramref name="full"/> and at least
    /// <paramref name="needed"/> long, starting with its contents (<paramref name="storage"/> is reused if long enough).
    /// </summary>
    private static T[] GrowInto<T>(T[] storage, Span<T> full, int needed)
    {
        var length = Math.Max(Math.Max(64, full.Length * 2), needed);
        if (storage.Length >= length)
        {
            full.CopyTo(storage);
            return storage;
        }
        var grown = ArrayPool<T>.Shared.Rent(length);
        full.CopyTo(grown);
        if (storage.Length > 0)
        {
            ArrayPool<T>.Shared.Return(storage);
        }
        return grown;
    }

    // The rare path out of line, so that the pushes stay small enough to inline into loops.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void PushGrowing(double value)
    {
        _values = GrowInto(_values, _values, 0);
        _values[_valueCount++] = value;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void PushIntGrowing(int value)
    {
        _decisions = GrowInto(_decisions, _decisions, 0);
        _decisions[_decisionCount++] = value;
    }

    /// <summary>Saves an array or tensor a called method's reverse sweep reads (kept by reference).</summary>
    public void PushObject(object? value)
    {
        if (_objectCount == _objects.Length)
        {
            Array.Resize(ref _objects, Math.Max(16, _objects.Length * 2));
        }
        _objects[_objectCount++] = value;
    }

    /// <summary>Saves a branch choice.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PushBool(bool value) => PushInt(value ? 1 : 0);

    /// <summary>A zeroed buffer of <paramref name="length"/> doubles, returned to the pool by <see cref="Clear"/>.</summary>
    public double[] Scratch(int length)
    {
        var buffer = ArrayPool<double>.Shared.Rent(Math.Max(length, 1));
        Array.Clear(buffer, 0, length);
        if (_scratchCount == _scratch.Length)
        {
            Array.Resize(ref _scratch, _scratch.Length * 2);
        }
        _scratch[_scratchCount++] = buffer;
        return buffer;
    }

    /// <summary>A zeroed buffer of <paramref name="length"/> floats, returned to the pool by <see cref="Clear"/>.</summary>
    public float[] ScratchSingle(int length)
    {
        var buffer = ArrayPool<float>.Shared.Rent(Math.Max(length, 1));
        Array.Clear(buffer, 0, length);
        if (_scratchSingleCount == _scratchSingle.Length)
        {
            Array.Resize(ref _scratchSingle, _scratchSingle.Length * 2);
        }
        _scratchSingle[_scratchSingleCount++] = buffer;
        return buffer;
    }

    /// <summary>
    /// Forgets what was pushed after <paramref name="reader"/>'s position: a fused loop's iteration
    /// calls it once its reverse has read back everything the iteration pushed, so the tape
    /// stays as long as one iteration's records.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Rewind(TapeReader reader)
    {
        _valueCount = reader.ValueIndex;
        _decisionCount = reader.DecisionIndex;
        if (_objectCount > reader.ObjectIndex)
        {
            Array.Clear(_objects, reader.ObjectIndex, _objectCount - reader.ObjectIndex);
            _objectCount = reader.ObjectIndex;
        }
    }

    /// <summary>Reads the tape from its end without changing it, so a pullback can run its reverse sweep many times.</summary>
    public TapeReader Reader() => new(_values, _valueCount, _decisions, _decisionCount, _objects, _objectCount);

}

/// <summary>Reads a <see cref="Tape"/> backwards: the last value pushed is the first read.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct TapeReader
{
    private readonly double[] _values;
    private readonly int[] _decisions;
    private readonly object?[] _objects;
    private int _valueIndex;
    private int _decisionIndex;
    private int _objectIndex;

    internal TapeReader(double[] values, int valueCount, int[] decisions, int decisionCount, object?[] objects, int objectCount)
    {
        _values = values;
        _decisions = decisions;
        _objects = objects;
        _valueIndex = valueCount;
        _decisionIndex = decisionCount;
        _objectIndex = objectCount;
    }

    internal readonly int ValueIndex => _valueIndex;

    internal readonly int DecisionIndex => _decisionIndex;

    internal readonly int ObjectIndex => _objectIndex;

    /// <summary>The last object pushed and not yet read.</summary>
    public T PopObject<T>() where T : class => (T)_objects[--_objectIndex]!;

    /// <summary>The last value pushed and not yet read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Pop() => _values[--_valueIndex];

    /// <summary>Puts back the elements <see cref="Tape.PushAll(ReadOnlySpan{double})"/> saved, last first.</summary>
    public void PopAll(Span<double> values)
    {
        for (var k = values.Length - 1; k >= 0; k--)
        {
            values[k] = _values[--_valueIndex];
        }
    }

    /// <summary>The <c>float</c> twin of <see cref="PopAll(Span{double})"/>.</summary>
    public void PopAll(Span<float> values)
    {
        for (var k = values.Length - 1; k >= 0; k--)
        {
            values[k] = (float)_values[--_valueIndex];
        }
    }

    /// <summary>The last decision or integer pushed and not yet read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int PopInt() => _decisions[--_decisionIndex];

    /// <summary>The last branch choice pushed and not yet read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool PopBool() => _decisions[--_decisionIndex] != 0;
}
