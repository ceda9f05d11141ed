namespace SourceGen.Autodiff.Package.Tests.Harness;

/// <summary>What a finished dotnet command printed (stdout and stderr interleaved) and its exit code.</summary>
internal sealed record CommandResult(string CommandLine, int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>A failure message with everything needed to see why, for assertions.</summary>
    public string Describe() => $"`{CommandLine}` exited with {ExitCode}:\n{Output}";
}
