using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace SourceGen.Autodiff.Package.Tests.Harness;

/// <summary>
/// Runs the dotnet CLI in a child process the way a user's shell would. The environment is
/// cleaned of the MSBuild variables that `dotnet test` sets for itself (they would point the
/// child build at the test host's MSBuild), and build servers are kept off so no node or
/// compiler server outlives the command while holding its output pipes open.
/// </summary>
internal static class DotnetCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static CommandResult Run(string workingDirectory, params string[] arguments) =>
        RunWith(null, workingDirectory, arguments);

    /// <summary>Runs with <paramref name="environment"/> added to (or replacing in) the cleaned environment.</summary>
    public static CommandResult RunWith(IReadOnlyDictionary<string, string>? environment, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetExecutable())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        PrepareEnvironment(start.Environment);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;

        var commandLine = "dotnet " + string.Join(' ', arguments);
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new CommandResult(commandLine, -1, $"timed out after {Timeout}\n{Read(output)}");
        }
        process.WaitForExit(); // drains the asynchronous output readers
        return new CommandResult(commandLine, process.ExitCode, Read(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    private static string Read(StringBuilder output)
    {
        lock (output) return output.ToString();
    }

    /// <summary>The dotnet host that runs these tests (DOTNET_HOST_PATH), else the one on PATH.</summary>
    private static string DotnetExecutable()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }

    private static void PrepareEnvironment(IDictionary<string, string?> environment)
    {
        var inherited = new List<string>(environment.Keys);
        foreach (var name in inherited)
        {
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) ||
                name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
                environment.Remove(name);
        }
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
    }
}
