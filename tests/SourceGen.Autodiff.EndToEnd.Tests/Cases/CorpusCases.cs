using System;
using System.Collections.Generic;
using System.Linq;
using SourceGen.Autodiff.EndToEnd.Tests.Harness;
using Xunit;

namespace SourceGen.Autodiff.EndToEnd.Tests.Cases;

/// <summary>Every corpus case by name, and the theory data that selects which checks apply.</summary>
public static class CorpusCases
{
    private static readonly Dictionary<string, DiffCase> ByName = ScalarCases.All
        .Concat(MathCases.All)
        .Concat(ArrayCases.All)
        .Concat(TensorCases.All)
        .Concat(ControlFlowCases.All)
        .Concat(ClassicCases.All)
        .Concat(ControlFlowEdgeCases.All)
        .Concat(UserDerivativeCases.All)
        .Concat(CallCases.All)
        .Concat(RefLocalCases.All)
        .ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static IReadOnlyCollection<DiffCase> All => ByName.Values;

    public static DiffCase Get(string name) => ByName[name];

    public static TheoryData<string> Names() => Select(_ => true);

    public static TheoryData<string> WithGradient() => Select(c => c.Gradient is not null);

    public static TheoryData<string> WithJacobian() => Select(c => c.Jacobian is not null);

    public static TheoryData<string> WithExactVjp() => Select(c => c.ExactVjp is not null);

    private static TheoryData<string> Select(Func<DiffCase, bool> predicate) => new(ByName.Values.Where(predicate).Select(c => c.Name));
}
