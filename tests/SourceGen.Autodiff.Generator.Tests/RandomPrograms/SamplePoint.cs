using CsCheck;

namespace SourceGen.Autodiff.Generator.Tests.RandomPrograms;

/// <summary>
/// Where a program is checked: the flat inputs X, the seed (one weight per output) and the values
/// the gradient buffers hold before Backward adds to them.
/// </summary>
public sealed record SamplePoint(double[] X, double[] Seed, double[] GradientStart)
{
    // Mostly uniform inputs at 4 decimals (readable in failure messages); one in five from
    // CsCheck's own double generator, which favours 0, ±1, ±1.5 and tiny values.
    private static readonly Gen<double> Coordinate = Gen.Frequency(
        (4, Gen.Int[-15000, 15000].Select(i => i / 10000.0)),
        (1, Gen.Double[-1.5, 1.5]));

    // Seeds away from zero with either sign, so every output's derivative counts.
    private static readonly Gen<double> Weight = Gen.Select(Gen.Bool, Gen.Int[5000, 20000], (negative, w) => (negative ? -w : w) / 10000.0);

    private static readonly Gen<double> Start = Gen.Int[-10000, 10000].Select(i => i / 10000.0);

    /// <summary>Point <paramref name="attempt"/> for a program: the same every run (a CsCheck generator on a fixed PCG stream).</summary>
    public static SamplePoint For(RandomProgram program, int attempt)
    {
        var gen = Gen.Select(
            Coordinate.Array[program.InputWidth],
            Weight.Array[program.OutputWidth],
            Start.Array[program.InputWidth],
            (x, seed, start) => new SamplePoint(x, seed, start));
        return gen.Generate(new PCG((uint)program.Seed, (ulong)attempt), null!, out _);
    }

    public override string ToString() =>
        $"at X = {ProgramCheck.Show(X)}\n   seed = {ProgramCheck.Show(Seed)}\n   gradient buffers started at {ProgramCheck.Show(GradientStart)}";
}
