using System;
using Xunit;

namespace SourceGen.Autodiff.Runtime.Tests;

/// <summary>The tape generated backward methods record on: order, growth, rewinding, and the local record spans' growth.</summary>
public sealed class TapeTests
{
    [Fact]
    public void A_reader_returns_values_and_decisions_last_pushed_first()
    {
        var tape = new Tape();
        tape.Push(1.5);
        tape.PushInt(7);
        tape.Push(-2.25);
        tape.PushBool(true);
        tape.PushBool(false);

        var reader = tape.Reader();

        Assert.False(reader.PopBool());
        Assert.True(reader.PopBool());
        Assert.Equal(-2.25, reader.Pop());
        Assert.Equal(7, reader.PopInt());
        Assert.Equal(1.5, reader.Pop());
    }

    [Fact]
    public void Pushes_beyond_the_first_storage_keep_every_value()
    {
        var tape = new Tape();
        for (var i = 0; i < 1000; i++)
        {
            tape.Push(i * 0.5);
            tape.PushInt(-i);
        }

        var reader = tape.Reader();
        for (var i = 999; i >= 0; i--)
        {
            Assert.Equal(-i, reader.PopInt());
            Assert.Equal(i * 0.5, reader.Pop());
        }
        Assert.Equal(1000, tape.ValueCount);
        Assert.Equal(1000, tape.DecisionCount);
    }

    [Fact]
    public void Rewind_forgets_what_was_pushed_after_the_reader_position()
    {
        var tape = new Tape();
        tape.Push(10);
        tape.PushInt(20);
        // One fused iteration: pushes, reads everything back, rewinds.
        for (var iteration = 0; iteration < 3; iteration++)
        {
            tape.Push(iteration);
            tape.Push(iteration + 0.5);
            tape.PushInt(iteration);
            var reader = tape.Reader();
            Assert.Equal(iteration, reader.PopInt());
            Assert.Equal(iteration + 0.5, reader.Pop());
            Assert.Equal(iteration, reader.Pop());
            tape.Rewind(reader);
            Assert.Equal(1, tape.ValueCount);
            Assert.Equal(1, tape.DecisionCount);
        }

        var rest = tape.Reader();
        Assert.Equal(20, rest.PopInt());
        Assert.Equal(10, rest.Pop());
    }

    [Fact]
    public void GrowValues_rents_a_tape_when_none_and_keeps_the_records()
    {
        Span<double> values = stackalloc double[4];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = i + 1;
        }
        Tape? tape = null;

        var grown = Tape.GrowValues(values, ref tape);

        Assert.NotNull(tape);
        Assert.True(grown.Length >= 8);
        Assert.Equal([1.0, 2.0, 3.0, 4.0], grown[..4].ToArray());
        tape.Release();
    }

    [Fact]
    public void GrowDecisions_grows_again_from_the_tape_storage()
    {
        Tape? tape = null;
        Span<int> decisions = stackalloc int[2] { 5, 6 };
        var first = Tape.GrowDecisions(decisions, ref tape);
        var length = first.Length;
        for (var i = 2; i < length; i++)
        {
            first[i] = i * 10;
        }

        var second = Tape.GrowDecisions(first, ref tape);

        Assert.True(second.Length >= 2 * length);
        Assert.Equal(5, second[0]);
        Assert.Equal(6, second[1]);
        Assert.Equal((length - 1) * 10, second[length - 1]);
        tape.Release();
    }

    [Fact]
    public void ReserveValues_makes_room_for_what_a_loop_will_record()
    {
        Tape? tape = null;
        Span<double> values = stackalloc double[8];
        values[0] = 42;

        var reserved = Tape.ReserveValues(values, 1 + 500, ref tape);

        Assert.True(reserved.Length >= 501);
        Assert.Equal(42, reserved[0]);
        for (var i = 1; i <= 500; i++)
        {
            reserved[i] = i;
        }
        Assert.Equal(500, reserved[500]);
        tape.Release();
    }

    [Fact]
    public void ReserveDecisions_keeps_the_decisions_so_far()
    {
        Tape? tape = null;
        Span<int> decisions = stackalloc int[2] { 1, 0 };

        var reserved = Tape.ReserveDecisions(decisions, 2 + 100, ref tape);

        Assert.True(reserved.Length >= 102);
        Assert.Equal(1, reserved[0]);
        Assert.Equal(0, reserved[1]);
        tape.Release();
    }

    [Fact]
    public void A_released_tape_is_rented_again_cleared()
    {
        var tape = Tape.Rent();
        tape.Push(3);
        tape.PushInt(4);
        tape.Release();

        var again = Tape.Rent();

        Assert.Same(tape, again);
        Assert.Equal(0, again.ValueCount);
        Assert.Equal(0, again.DecisionCount);
        again.Release();
    }
}
