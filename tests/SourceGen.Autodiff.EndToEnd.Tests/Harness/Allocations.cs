using System;

namespace SourceGen.Autodiff.EndToEnd.Tests.Harness;

/// <summary>Measures what a piece of code allocates once it is warm (tapes cached, pools filled).</summary>
public static class Allocations
{
    /// <summary>Bytes allocated on this thread by <paramref name="repeats"/> runs after two warm-up runs.</summary>
    public static long InSteadyState(Action run, int repeats = 100)
    {
        run();
        run();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < repeats; i++)
        {
            run();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
