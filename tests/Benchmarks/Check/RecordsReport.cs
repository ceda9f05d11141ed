using System.Globalization;
using System.IO;

namespace SourceGen.Autodiff.Benchmarks.Check;

/// <summary>
/// The "records" mode: the bytes each generated backward holds in records at its peak, per call
/// (<see cref="RecordMeter"/>). The generated code reports them only when compiled with
/// SOURCEGEN_AUTODIFF_RECORDS, which <c>-p:RecordMeter=true</c> defines: a separate build, so
/// the timed code never carries the report.
/// </summary>
public static class RecordsReport
{
    public static int Run(TextWriter output)
    {
#if SOURCEGEN_AUTODIFF_RECORDS
        foreach (var problem in SelfCheck.Problems())
        {
            RecordMeter.Reset();
            var generated = problem.Generated();
            output.WriteLine(generated is null
                ? $"{problem.Name}: generated backward not built"
                : string.Create(CultureInfo.InvariantCulture, $"{problem.Name}: {RecordMeter.PeakBytes} B recorded per call"));
        }
        return 0;
#else
        output.WriteLine("Build with -p:RecordMeter=true to count records (the generated code reports them only then).");
        return 1;
#endif
    }
}
