using System;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SourceGen.Autodiff.Generator.Tests.Harness;
using SourceGen.Autodiff.Generator.Tests.RandomPrograms;
using Xunit;

namespace SourceGen.Autodiff.Generator.Tests.Diagnostics;

/// <summary>
/// A method that cannot be differentiated still gets its generated members (bodies that throw),
/// so a build's only errors are the DIFF errors at the construct, not CS0117 at every call site.
/// </summary>
public sealed class StandInTests
{
    private const string FailingMethodAndCallers = """
        using System;
        using SourceGen.Autodiff;

        public static partial class Model
        {
            [Differentiable]
            public static double F(double x, double[] w)
            {
                try
                {
                    return x * w[0];
                }
                finally
                {
                }
            }

            [Differentiable]
            public static double[] G(double[] v)
            {
                var r = new double[v.Length];
                r[0] = v[0].ToString().Length * v[0];
                return r;
            }
        }

        public static class Caller
        {
            public static double Run()
            {
                var (xGrad, wGrad) = Model.FGradient(2, new double[] { 3 });
                double bx = 0;
                var wBuffer = new double[1];
                double value = Model.FBackward(2, new double[] { 3 }, 1, ref bx, wBuffer);
                var pullback = Model.FPullback(2, new double[] { 3 });
                pullback.Backward(1, ref bx, wBuffer);
                double[,] jacobian = Model.GJacobian(new double[] { 1 });
                Model.GBackward(new double[] { 1 }, new double[] { 1 }, new double[1]);
                return xGrad + wGrad[0] + value + pullback.Value + jacobian[0, 0];
            }
        }
        """;

    [Fact]
    public async Task The_only_errors_are_the_DIFF_errors_at_the_construct()
    {
        var run = GeneratorHarness.Run(FailingMethodAndCallers);
        Assert.Empty(run.Exceptions);
        Assert.True(run.OutputProblems.IsEmpty, run.Describe());

        var diagnostics = await AnalyzerRun.DiagnosticsAsync(FailingMethodAndCallers, runGenerator: true);
        Assert.Equal(new[] { ("DIFF005", 9), ("DIFF006", 22) }, diagnostics.Select(d => (d.Id, d.Location.GetLineSpan().StartLinePosition.Line + 1)));
    }

    [Fact]
    public void Calling_a_stand_in_throws_and_names_the_diagnostic()
    {
        var run = GeneratorHarness.Run(FailingMethodAndCallers);
        using var assembly = CollectibleAssembly.TryLoad(run.OutputCompilation, out var errors);
        Assert.True(assembly is not null, string.Join("\n", errors));
        var caller = assembly!.Assembly.GetType("Caller")!.GetMethod("Run")!;

        var thrown = Assert.Throws<TargetInvocationException>(() => caller.Invoke(null, null));
        var inner = Assert.IsType<NotSupportedException>(thrown.InnerException);
        Assert.Equal("'F' cannot be differentiated: see DIFF005", inner.Message);
    }

    [Fact]
    public void A_caller_of_a_failing_method_compiles_with_the_stand_in()
    {
        const string source = """
            using SourceGen.Autodiff;

            public static partial class Model
            {
                [Differentiable]
                public static double Inner(double x) => x.ToString().Length * x;

                [Differentiable]
                public static double Outer(double x) => 2 * Inner(x);
            }

            public static class Use
            {
                public static double Run() => Model.OuterGradient(1) + Model.InnerGradient(1);
            }
            """;
        var run = GeneratorHarness.Run(source);
        Assert.True(run.OutputProblems.IsEmpty, run.Describe());
        Assert.Equal(2, run.Sources.Length);
        Assert.All(run.Sources, s => Assert.Contains("NotSupportedException", s.Text));
    }

    [Fact]
    public void A_method_whose_signature_cannot_be_read_gets_nothing()
    {
        const string source = """
            using SourceGen.Autodiff;

            public static partial class Model
            {
                [Differentiable]
                public static string F(double x) => x.ToString();
            }
            """;
        var run = GeneratorHarness.Run(source);
        Assert.Empty(run.Sources);
        Assert.DoesNotContain(run.OutputProblems, d => d.Severity == DiagnosticSeverity.Error);
    }
}
