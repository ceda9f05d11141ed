using Xunit;

namespace SourceGen.Autodiff.Runtime.Tests;

/// <summary>The peak of the records a Backward method reports, per thread, until reset.</summary>
public sealed class RecordMeterTests
{
    [Fact]
    public void Keeps_the_largest_report_in_bytes_until_reset()
    {
        RecordMeter.Reset();
        RecordMeter.Observe(values: 3, decisions: 2);   // 3 * 8 + 2 * 4 = 32
        RecordMeter.Observe(values: 1, decisions: 0);   // 8: below the peak
        Assert.Equal(32, RecordMeter.PeakBytes);

        RecordMeter.Observe(values: 10, decisions: 1);  // 84
        Assert.Equal(84, RecordMeter.PeakBytes);

        RecordMeter.Reset();
        Assert.Equal(0, RecordMeter.PeakBytes);
    }
}
