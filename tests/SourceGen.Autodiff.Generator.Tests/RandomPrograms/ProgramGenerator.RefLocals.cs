using System.Collections.Generic;
using System.Linq;

namespace SourceGen.Autodiff.Generator.Tests.RandomPrograms;

/// <summary>
/// <c>ref</c> locals: aliases of a double variable, of an element of a local array or span
/// output, and <c>ref readonly</c> aliases of input elements, followed by updates and reads
/// through them. A ref is a <see cref="DoubleVar"/> whose level and bound are those of what it
/// names, so updates through it keep the bounds discipline of that variable or array.
/// </summary>
public sealed partial class ProgramGenerator
{
    /// <summary>Arrays a ref may name an element of: local double[] and span outputs (Tensor's indexer returns no ref).</summary>
    private List<ArrayVar> RefWritable() => _arrays.Where(a => a.Writable && !a.IsTensor && !a.Swapped).ToList();

    /// <summary>Inputs a <c>ref readonly</c> may name an element of: double[] and ReadOnlySpan parameters.</summary>
    private List<ArrayVar> RefReadable() => _arrays.Where(a => CanRead(a) && !a.Writable && !a.IsTensor).ToList();

    /// <summary><c>ref double z = ref u;</c> (u a local, a parameter or another ref), then updates through z.</summary>
    private void RefToVariable(List<Stmt> into, List<DoubleVar> mutable)
    {
        var named = mutable[_r.Next(mutable.Count)];
        var alias = new DoubleVar(Fresh("z"), LoopLevel, 0, readOnly: false) { Named = named };
        into.Add(new DeclareRef(alias.Name, named.Name, ReadOnly: false));
        _doubles.Add(alias);
        UpdateThrough(into, alias);
    }

    /// <summary>
    /// <c>ref double z = ref a[index];</c>, then updates through z. Half the time the index is a
    /// fresh int that moves on right after the ref is bound (<c>int k = i; ref double z = ref a[k]; k++;</c>):
    /// z still names the element at the old index, and later code reads <c>a[k]</c> at the new one.
    /// </summary>
    private void RefToElement(List<Stmt> into)
    {
        var writable = RefWritable();
        var array = writable[_r.Next(writable.Count)];
        var alias = new DoubleVar(Fresh("z"), LoopLevel, 0, readOnly: false) { ElementOf = array };
        BindElement(into, alias, array, readOnly: false);
        UpdateThrough(into, alias);
    }

    /// <summary><c>ref readonly double z = ref x[index];</c> on an input, then a local that reads z.</summary>
    private void RefReadonlyToInput(List<Stmt> into)
    {
        var inputs = RefReadable();
        var array = inputs[_r.Next(inputs.Count)];
        var alias = new DoubleVar(Fresh("z"), LoopLevel, 0, readOnly: true) { ElementOf = array };
        BindElement(into, alias, array, readOnly: true);
        var name = Fresh("u");
        var value = Tame(new Binary("+-*"[_r.Next(3)], new Var(alias.Name), Expression(2)));
        into.Add(new Declare(name, value));
        _doubles.Add(new DoubleVar(name, LoopLevel, Bound(value), readOnly: false));
    }

    private void BindElement(List<Stmt> into, DoubleVar alias, ArrayVar array, bool readOnly)
    {
        if (!ConstantIndexOnly(array) && Chance(0.5))
        {
            var index = FreshIndex(into, array, fromEnd: false);
            into.Add(new DeclareRef(alias.Name, $"{array.Name}[{index.Name}]", readOnly));
            MoveOn(into, index);
        }
        else
        {
            var indices = Indices(array);
            into.Add(new DeclareRef(alias.Name, $"{array.Name}[{indices[_r.Next(indices.Count)]}]", readOnly));
        }
        _doubles.Add(alias);
    }

    /// <summary>
    /// <c>int k = start;</c> with start a valid index of <paramref name="array"/>: an int in scope
    /// that fits, the last index (<paramref name="fromEnd"/>) or a constant. Returns k's range.
    /// </summary>
    private IntVar FreshIndex(List<Stmt> into, ArrayVar array, bool fromEnd)
    {
        var fits = _ints.Where(i => i.Max < array.Length).ToList();
        var k = Fresh("k");
        IntVar index;
        string start;
        if (fits.Count > 0 && Chance(0.5))
        {
            var from = fits[_r.Next(fits.Count)];
            (start, index) = (from.Name, new IntVar(k, from.Min, from.Max));
        }
        else if (fromEnd)
        {
            (start, index) = ($"{array.LengthText} - 1", new IntVar(k, array.Length - 1, array.Length - 1));
        }
        else
        {
            var constant = _r.Next(array.Length);
            (start, index) = (constant.ToString(), new IntVar(k, constant, constant));
        }
        into.Add(new IntCode($"int {k} = {start};"));
        return index;
    }

    /// <summary>The index moves on after the ref is bound (<c>k++;</c>, <c>k += 1;</c>, <c>--k;</c>); later code may index with it where it fits.</summary>
    private void MoveOn(List<Stmt> into, IntVar index)
    {
        var down = index.Min >= 1 && Chance(0.3);
        var k = index.Name;
        into.Add(new IntCode(down ? (Chance(0.5) ? $"{k}--;" : $"--{k};") : _r.Next(3) switch { 0 => $"{k}++;", 1 => $"++{k};", _ => $"{k} += 1;" }));
        var shift = down ? -1 : 1;
        _ints.Add(new IntVar(k, index.Min + shift, index.Max + shift));
    }

    /// <summary>One or two updates through a new ref (<c>z = ...</c>, <c>z op= ...</c>, <c>z++</c>), bounded as updates of what it names.</summary>
    private void UpdateThrough(List<Stmt> into, DoubleVar alias)
    {
        var updates = 1 + _r.Next(2);
        for (var n = 0; n < updates; n++)
        {
            if (Chance(0.2))
            {
                IncrementVariable(into, alias);
            }
            else
            {
                into.Add(AssignVariable(alias));
            }
        }
    }
}
