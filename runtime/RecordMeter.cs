using System;
using System.ComponentModel;

namespace SourceGen.Autodiff;

/// <summary>
/// For measuring only: the most bytes a generated Backward method held in records (values
/// 8 bytes, decisions 4) at once on the calling thread. Generated code reports to it only when
/// the consuming project defines <c>SOURCEGEN_AUTODIFF_RECORDS</c> (the benchmarks' records mode);
/// otherwise the lines are compiled out and cost nothing. Backward methods report at the end of
/// the forward sweep and before each fused iteration's reverse, where their records peak.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RecordMeter
{
    [ThreadStatic]
    private static long s_peakBytes;

    /// <summary>The peak since the last <see cref="Reset"/>.</summary>
    public static long PeakBytes => s_peakBytes;

    /// <summary>Starts a new measurement on this thread.</summary>
    public static void Reset() => s_peakBytes = 0;

    /// <summary>Records held now: <paramref name="values"/> doubles and <paramref name="decisions"/> ints.</summary>
    public static void Observe(int values, int decisions) => s_peakBytes = Math.Max(s_peakBytes, values * 8L + decisions * 4L);
}
