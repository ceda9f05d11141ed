using System;
using System.Globalization;

namespace SourceGen.Autodiff.Generator.Tests.RandomPrograms;

/// <summary>
/// How many random programs a run checks, and which: seeds are fixed, so every run checks the same
/// programs: <see cref="DefaultCount"/>, or <see cref="LongCount"/> with the <see cref="LongTests"/>
/// switch (<c>AUTODIFF_LONG_TESTS=1</c>); <c>AUTODIFF_RANDOM_PROGRAMS=n</c> checks n either way; <c>AUTODIFF_RANDOM_PROGRAM_SEED=n</c>
/// checks program n alone (the seed a failure prints), and with <c>AUTODIFF_SHRINK=1</c>
/// also minimizes it when it fails.
/// </summary>
public static class RunSize
{
    public const string CountVariable = "AUTODIFF_RANDOM_PROGRAMS";
    public const string SeedVariable = "AUTODIFF_RANDOM_PROGRAM_SEED";
    public const string ShrinkVariable = "AUTODIFF_SHRINK";
    public const string ScaleVariable = "AUTODIFF_RANDOM_PROGRAM_SCALE";
    public const int DefaultCount = 100;
    public const int LongCount = 10_000;
    public const int BatchSize = 50;

    /// <summary>
    /// Programs checked with each optimization pass switched off: <see cref="LongPerSwitch"/> with the
    /// long-tests switch (as in CI: 600 programs, about 5 minutes on two busy cores), or
    /// <c>AUTODIFF_RANDOM_PROGRAMS_PER_SWITCH=n</c>. None by default: each
    /// switch compiles its own batch (about 10 s each even for 5 programs), and the passes are
    /// checked one case each by Passes/PassSwitchTests in every run.
    /// </summary>
    public const string PerSwitchVariable = "AUTODIFF_RANDOM_PROGRAMS_PER_SWITCH";
    public const int DefaultPerSwitch = 0;
    public const int LongPerSwitch = 100;

    public static int ProgramsPerSwitch =>
        int.TryParse(Environment.GetEnvironmentVariable(PerSwitchVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n
        : LongTests.Enabled ? LongPerSwitch : DefaultPerSwitch;

    public static int Count =>
        int.TryParse(Environment.GetEnvironmentVariable(CountVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
        : LongTests.Enabled ? LongCount : DefaultCount;

    public static int Batches => (Count + BatchSize - 1) / BatchSize;

    public static int? SingleSeed =>
        int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : null;

    /// <summary>Multiplies the number of statements per program (<c>AUTODIFF_RANDOM_PROGRAM_SCALE=3</c> for larger programs).</summary>
    public static int Scale =>
        int.TryParse(Environment.GetEnvironmentVariable(ScaleVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 1;

    /// <summary>With a single seed: minimize the program when it fails (<c>AUTODIFF_SHRINK=1</c>).</summary>
    public static bool Shrinking => Environment.GetEnvironmentVariable(ShrinkVariable) == "1";

    /// <summary>The seed of program <paramref name="index"/> of batch <paramref name="batch"/>.</summary>
    public static int SeedOf(int batch, int index) => 1000 * (batch + 1) + index;
}
