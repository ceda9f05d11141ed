using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.RegularExpressions;

namespace SourceGen.Autodiff.Generator.Tests.RandomPrograms;

/// <summary>
/// Greedy minimization of a failing program: tries every one-edit-smaller variant (see
/// <see cref="Edits"/>), compiled together in batches, and keeps the smallest one that still
/// fails the same way, until no edit keeps the failure or the time budget is spent.
/// </summary>
public static class Shrinker
{
    private const int ChunkSize = 100;
    private static readonly Regex Identifier = new(@"\b(CS\d{4}|DIFF\d{3}|\w+Exception)\b", RegexOptions.Compiled);

    public static ProgramFailure Shrink(ProgramFailure failure, TimeSpan budget, Action<string>? log = null)
    {
        var clock = Stopwatch.StartNew();
        var signature = Signature(failure);
        var best = failure;
        var variant = 1;
        var improved = true;
        while (improved && clock.Elapsed < budget)
        {
            improved = false;
            var size = Edits.Size(best.Program);
            var seen = new HashSet<string>();
            var candidates = Edits.Of(best.Program)
                .Where(c => Edits.Size(c) < size && ScopeCheck.IsValid(c) && seen.Add(ProgramPrinter.Source(c)))
                .OrderBy(Edits.Size)
                .ToList();
            for (var start = 0; start < candidates.Count && clock.Elapsed < budget; start += ChunkSize)
            {
                var chunk = candidates.Skip(start).Take(ChunkSize).Select(c => c with { Variant = variant++ }).ToList();
                var smallest = BatchRunner.Run(chunk, new CheckStatistics())
                    .Where(f => Signature(f) == signature)
                    .OrderBy(f => Edits.Size(f.Program))
                    .FirstOrDefault();
                if (smallest is not null)
                {
                    best = smallest;
                    improved = true;
                    log?.Invoke($"shrunk to size {Edits.Size(best.Program)} ({clock.Elapsed.TotalSeconds:F0} s)");
                    break;
                }
            }
        }
        return best with { Program = best.Program with { Variant = 0 } };
    }

    /// <summary>What makes two failures the same: kind, and the first error ID, exception type or check name.</summary>
    public static string Signature(ProgramFailure failure)
    {
        var match = Identifier.Match(failure.Details);
        var what = match.Success ? match.Value : failure.Details.Split(':')[0];
        return failure.Kind + ":" + what;
    }
}
