namespace SourceGen.Autodiff.Generator.Tests.RandomPrograms;

public enum FailureKind
{
    /// <summary>The test's own program generator wrote C# that does not compile (a bug in this folder).</summary>
    InvalidProgram,

    /// <summary>The analyzer rejected the program (a DIFF error): the subset is narrower than assumed.</summary>
    Rejected,

    /// <summary>The source generator threw.</summary>
    GeneratorException,

    /// <summary>The generated code does not compile, or a generated member the contract promises is missing.</summary>
    GeneratedCodeError,

    /// <summary>A generated method threw at run time.</summary>
    RuntimeException,

    /// <summary>A generated method's result differs from the method's own result.</summary>
    WrongValue,

    /// <summary>A gradient disagrees with finite differences or with another generated method.</summary>
    WrongGradient,
}

/// <summary>A program the generator got wrong, with everything needed to reproduce it.</summary>
public sealed record ProgramFailure(RandomProgram Program, FailureKind Kind, string Details)
{
    public override string ToString() =>
        $"=== random program {Program.Seed}: {Kind}\n" +
        $"Reproduce: {(Program.Scale == 1 ? "" : $"{RunSize.ScaleVariable}={Program.Scale} ")}{RunSize.SeedVariable}={Program.Seed} dotnet test tests/SourceGen.Autodiff.Generator.Tests --filter FullyQualifiedName~The_program_named (add {RunSize.ShrinkVariable}=1 to minimize it)\n" +
        $"{Details.TrimEnd()}\n--- program\n{ProgramPrinter.Source(Program)}";
}
