using System.Linq;
using Microsoft.CodeAnalysis;
using System.Threading.Tasks;
using Xunit;

namespace SourceGen.Autodiff.Generator.Tests.Diagnostics;

/// <summary>DIFF013: a member the generator adds already exists in the user's code.</summary>
public sealed class NameCollisionDiagnosticTests
{
    [Fact]
    public Task DIFF013_at_the_method_identifier_when_the_user_declared_a_generated_name() =>
        AnalyzerRun.AssertSingleAsync("""
            using SourceGen.Autodiff;

            public static partial class Model
            {
                [Differentiable]
                public static double Square(double x) => x * x;

                public static double SquareBackward(double x) => 2 * x;
            }
            """,
            "DIFF013", 6, 26, "Square",
            "The generator adds 'SquareBackward' to 'Model' for 'Square', but 'Model' already has a member with that name; rename one of them");

    [Fact]
    public async Task DIFF013_for_a_nested_type_named_like_the_pullback_result_in_another_part()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync("""
            using SourceGen.Autodiff;

            public static partial class Model
            {
                [Differentiable]
                public static double Square(double x) => x * x;
            }

            public static partial class Model
            {
                public sealed class SquarePullbackResult { }
            }
            """);

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("DIFF013", 6, "The generator adds 'SquarePullbackResult' to 'Model' for 'Square', but 'Model' already has a member with that name; rename one of them"),
            SignatureDiagnosticTests.Describe(diagnostic));
    }

    [Fact]
    public async Task DIFF013_at_each_of_two_differentiable_overloads()
    {
        // Both would get the nested class FPullbackResult (and the file Model.F.g.cs).
        var diagnostics = await AnalyzerRun.DiagnosticsAsync("""
            using SourceGen.Autodiff;

            public static partial class Model
            {
                [Differentiable]
                public static double F(double x) => x * x;

                [Differentiable]
                public static double F(double x, double y) => x * y;
            }
            """);

        const string Message = "The generator adds 'FPullbackResult' to 'Model' for 'F', but 'Model' already has a member with that name; rename one of them";
        Assert.Collection(
            diagnostics,
            d => Assert.Equal(("DIFF013", 6, Message), SignatureDiagnosticTests.Describe(d)),
            d => Assert.Equal(("DIFF013", 9, Message), SignatureDiagnosticTests.Describe(d)));
    }

    [Fact]
    public async Task No_DIFF013_for_an_overload_without_differentiable()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync("""
            using SourceGen.Autodiff;

            public static partial class Model
            {
                [Differentiable]
                public static double F(double x) => x * x;

                public static double F(string text) => double.Parse(text);
            }
            """);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task No_DIFF013_for_a_Jacobian_name_when_no_Jacobian_is_generated()
    {
        // A scalar result has no MJacobian, so the user may use that name.
        var diagnostics = await AnalyzerRun.DiagnosticsAsync("""
            using SourceGen.Autodiff;

            public static partial class Model
            {
                [Differentiable]
                public static double Square(double x) => x * x;

                public static double SquareJacobian(double x) => 2 * x;
            }
            """);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task DIFF013_for_a_Jacobian_name_when_a_Jacobian_is_generated()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync("""
            using SourceGen.Autodiff;

            public static partial class Model
            {
                [Differentiable]
                public static Tensor Twice(Tensor x) => x * 2;

                public static double[,] TwiceJacobian(Tensor x) => new double[0, 0];
            }
            """);

        Assert.Equal(["DIFF013"], diagnostics.Select(d => d.Id));
        Assert.Contains("'TwiceJacobian'", diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task No_DIFF013_for_the_members_the_generator_itself_added()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync("""
            using SourceGen.Autodiff;

            namespace Demo;

            public static partial class Model
            {
                [Differentiable]
                public static double Square(double x) => x * x;

                [Differentiable]
                public static Tensor Twice(Tensor x) => x * 2;
            }
            """, runGenerator: true);

        Assert.Empty(diagnostics);
    }
}
