using System.Linq;
using Microsoft.CodeAnalysis;
using SourceGen.Autodiff.Generator.Tests.Cases;
using SourceGen.Autodiff.Generator.Tests.Harness;
using SourceGen.Autodiff.Generator.Tests.Running;
using Xunit;

namespace SourceGen.Autodiff.Generator.Tests.RandomPrograms;

/// <summary>
/// The checks of <see cref="ProgramCheck"/> for one minimized program kept as source text (with
/// the harness's probe): the generator runs cleanly, the generated code compiles, FBackward
/// returns F's result and adds the seed-weighted gradient that central finite differences give,
/// and FPullback(...).Backward adds the same.
/// </summary>
internal static class RegressionCheck
{
    /// <param name="name">Names the case (the harness caches one generator run per name).</param>
    /// <param name="method">[Differentiable] methods, placed in <c>Cases.Functions</c>; the one under test is F.</param>
    /// <param name="arguments">A point where the method is smooth, one value per parameter (double, int, or double[] also for span outputs).</param>
    public static void MatchesFiniteDifferences(string name, string method, params object[] arguments)
    {
        var testCase = new GeneratorCase("RandomPrograms." + name, CaseSource.InFunctions(method), _ => arguments) { MethodUnderTest = "F" };
        var run = CaseRuns.Get(testCase);
        Assert.True(run.Exceptions.IsEmpty, run.Describe());
        Assert.False(run.OutputProblems.Any(d => d.Severity == DiagnosticSeverity.Error), run.Describe() + "\n" + string.Join("\n", run.Sources.Select(s => s.Text)));
        using var probed = ProbedMethod.Load(testCase);
        var layout = new ArgumentLayout(probed.Signature, arguments);
        var x = layout.Inputs();
        var forwardArguments = layout.With(x);
        var value = probed.Forward(forwardArguments);
        var y = layout.Output(value, forwardArguments);
        var seedValues = y.Select((_, i) => 1.0 + (0.25 * i)).ToArray();
        var seed = layout.Seed(seedValues, value);
        var numeric = FiniteDifference.VectorJacobianProduct(
            point =>
            {
                var a = layout.With(point);
                return layout.Output(probed.Forward(a), a);
            },
            x,
            seedValues);
        var context = $"  at x {Agreement.Show(x)}, seed {Agreement.Show(seedValues)}\n{method}\n--- generated\n{string.Join("\n", run.Sources.Select(s => s.Text))}";

        var backwardArguments = layout.With(x);
        var gradients = layout.Gradients(new double[x.Length]);
        var returned = probed.Backward(backwardArguments, seed, gradients);
        Agreement.Identical(y, layout.Output(returned, backwardArguments), "Backward's result", context);
        Agreement.Close(ArgumentLayout.Flatten(gradients), numeric, "Backward's gradient", context);

        var pullback = probed.Pullback(layout.With(x));
        var pulled = layout.Gradients(new double[x.Length]);
        probed.PullbackBackward(pullback, seed, pulled);
        Agreement.Close(ArgumentLayout.Flatten(pulled), numeric, "Pullback's Backward", context);
    }
}
