using System.Collections.Generic;
using System.Linq;
using SourceGen.Autodiff.Generator.Differentiation;

namespace SourceGen.Autodiff.Generator.Tests.RandomPrograms;

/// <summary>Compiles a batch of programs and checks each one; returns every failure.</summary>
public static class BatchRunner
{
    public static List<ProgramFailure> Run(IReadOnlyList<RandomProgram> programs, CheckStatistics statistics) =>
        Run(programs, PassOptions.All, statistics);

    /// <summary>The batch generated with the given optimization passes (tests switch one off).</summary>
    internal static List<ProgramFailure> Run(IReadOnlyList<RandomProgram> programs, PassOptions passes, CheckStatistics statistics)
    {
        var compiled = BatchCompiler.Compile(programs, passes, statistics);
        var failures = compiled.Failures.ToList();
        if (compiled.Assembly is null)
        {
            return failures;
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using (compiled.Assembly)
        {
            foreach (var program in compiled.Compiled)
            {
                if (ProgramCheck.Run(program, new Probe(compiled.Assembly.Assembly, program), statistics) is { } failure)
                {
                    failures.Add(failure);
                }
            }
        }
        statistics.AddTime("checks", clock.Elapsed);
        return failures;
    }
}
