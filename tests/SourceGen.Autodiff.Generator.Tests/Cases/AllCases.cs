using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace SourceGen.Autodiff.Generator.Tests.Cases;

/// <summary>Every case, by name, as xunit theory data.</summary>
public static class AllCases
{
    public static IReadOnlyList<GeneratorCase> List { get; } =
        ScalarCases.All().Concat(MathCases.All()).Concat(ArrayCases.All()).Concat(TensorCases.All()).Concat(ControlFlowCases.All()).Concat(CallCases.All()).Concat(NaturalArrayCases.All()).ToList();

    public static GeneratorCase Get(string name) => List.Single(c => c.Name == name);

    /// <summary>Case names (strings serialize, so each case is its own test in the runner).</summary>
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in List)
        {
            data.Add(c.Name);
        }
        return data;
    }
}
