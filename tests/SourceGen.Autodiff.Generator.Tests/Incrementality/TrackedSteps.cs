using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SourceGen.Autodiff.Generator.Tests.Harness;

namespace SourceGen.Autodiff.Generator.Tests.Incrementality;

/// <summary>The outputs of the generator's tracked steps in a run, and why each was (not) recomputed.</summary>
public static class TrackedSteps
{
    public static readonly string[] All =
    {
        DifferentiableGenerator.TrackingNames.Methods,
        DifferentiableGenerator.TrackingNames.Differentiable,
        DifferentiableGenerator.TrackingNames.Sources,
    };

    public static IReadOnlyList<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRun run, string step) =>
        run.Result.Results.Single().TrackedSteps.TryGetValue(step, out var steps)
            ? steps.SelectMany(s => s.Outputs).ToList()
            : new List<(object, IncrementalStepRunReason)>();

    public static bool IsReused(IncrementalStepRunReason reason) =>
        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;

    /// <summary>"Methods: Cached, Unchanged; Sources: Modified" for failure messages.</summary>
    public static string Describe(GeneratorRun run) =>
        string.Join("; ", All.Select(step => $"{step}: {string.Join(", ", Outputs(run, step).Select(o => o.Reason))}"));
}
