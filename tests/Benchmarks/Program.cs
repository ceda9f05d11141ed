using System;
using System.Linq;
using BenchmarkDotNet.Running;
using SourceGen.Autodiff.Benchmarks.Check;

// "--check": compare every gradient with finite differences and exit; "--records": bytes each
// generated backward records per call (build with -p:RecordMeter=true); "--incrementality": which
// generator steps re-run after an edit; otherwise BenchmarkDotNet (e.g. --filter '*' --job short;
// see docs/benchmarks.md).
if (args.Contains("--check"))
    return SelfCheck.Run(Console.Out);
if (args.Contains("--records"))
    return RecordsReport.Run(Console.Out);
if (args.Contains("--incrementality"))
    return IncrementalityReport.Run(Console.Out);

BenchmarkSwitcher.FromAssembly(typeof(SelfCheck).Assembly).Run(args);
return 0;
