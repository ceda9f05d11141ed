using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SourceGen.Autodiff.CodeFixes.Tests.Harness;
using Xunit;

namespace SourceGen.Autodiff.CodeFixes.Tests;

public sealed class GradientToBackwardCodeFixTests
{
    private const string Id = "DIFF007";

    [Fact]
    public async Task Tensor_result_the_declared_variable_becomes_the_buffer()
    {
        await FixTest.VerifySingleAsync(new GradientToBackwardCodeFix(), Id, """
            using SourceGen.Autodiff;

            namespace Demo;

            public static class Usage
            {
                public static Tensor Run()
                {
                    var x = Tensor.Ones(1, 3);
                    // the gradient of every output
                    var g = [|Model.FGradient(x)|];
                    return g;
                }
            }
            """, """
            using SourceGen.Autodiff;

            namespace Demo;

            public static class Usage
            {
                public static Tensor Run()
                {
                    var x = Tensor.Ones(1, 3);
                    // the gradient of every output
                    var g = Tensor.ZerosLike(x);
                    Model.FBackward(x, Seed.OnesLike(Model.F(x)), g);
                    return g;
                }
            }
            """, GeneratedStandIn.Files);
    }

    [Fact]
    public async Task Several_parameters_give_one_buffer_each_and_a_named_tuple()
    {
        await FixTest.VerifySingleAsync(new GradientToBackwardCodeFix(), Id, """
            using System;
            using SourceGen.Autodiff;

            namespace Demo;

            public static class Usage
            {
                static double[] Inputs() => [1.0, 2.0];

                public static double Run(double[] weights)
                {
                    var (gw, gb) = [|Model.AffineGradient(weights, 0.5, Inputs())|];
                    return gw[0] + gb;
                }
            }
            """, """
            using System;
            using SourceGen.Autodiff;

            namespace Demo;

            public static class Usage
            {
                static double[] Inputs() => [1.0, 2.0];

                public static double Run(double[] weights)
                {
                    ReadOnlySpan<double> x = Inputs();
                    var wGrad = new double[weights.Length];
                    double bGrad = 0.0;
                    Model.AffineBackward(weights, 0.5, x, Seed.OnesArray(Model.Affine(weights, 0.5, x).Length), wGrad, ref bGrad);
                    var (gw, gb) = (w: wGrad, b: bGrad);
                    return gw[0] + gb;
                }
            }
            """, GeneratedStandIn.Files);
    }

    [Fact]
    public async Task Span_output_the_seed_takes_the_output_length()
    {
        await FixTest.VerifySingleAsync(new GradientToBackwardCodeFix(), Id, """
            using SourceGen.Autodiff;

            namespace Demo;

            public static class Usage
            {
                public static double[] Run(double[] data)
                {
                    double[] y = new double[data.Length];
                    double[] g = [|Model.TwiceGradient(data, y)|];
                    return g;
                }
            }
            """, """
            using SourceGen.Autodiff;

            namespace Demo;

            public static class Usage
            {
                public static double[] Run(double[] data)
                {
                    double[] y = new double[data.Length];
                    double[] g = new double[data.Length];
                    Model.TwiceBackward(data, y, Seed.OnesArray(y.Length), g);
                    return g;
                }
            }
            """, GeneratedStandIn.Files);
    }

    [Fact]
    public async Task Return_statement_with_a_taken_name_and_a_missing_using()
    {
        await FixTest.VerifySingleAsync(new GradientToBackwardCodeFix(), Id, """
            namespace Demo;

            public static class Usage
            {
                public static SourceGen.Autodiff.Tensor Run(SourceGen.Autodiff.Tensor x)
                {
                    double xGrad = 1;
                    System.Console.WriteLine(xGrad);
                    return [|Model.FGradient(x)|];
                }
            }
            """, """
            using SourceGen.Autodiff;

            namespace Demo;

            public static class Usage
            {
                public static SourceGen.Autodiff.Tensor Run(SourceGen.Autodiff.Tensor x)
                {
                    double xGrad = 1;
                    System.Console.WriteLine(xGrad);
                    var xGrad2 = Tensor.ZerosLike(x);
                    Model.FBackward(x, Seed.OnesLike(Model.F(x)), xGrad2);
                    return xGrad2;
                }
            }
            """, GeneratedStandIn.Files);
    }

    [Fact]
    public async Task Fix_all_gives_each_rewrite_its_own_names()
    {
        await FixTest.VerifyFixAllAsync(new GradientToBackwardCodeFix(), Id, """
            using System;
            using SourceGen.Autodiff;

            namespace Demo;

            public static class Usage
            {
                public static void Run(Tensor x)
                {
                    Console.WriteLine([|Model.FGradient(x)|]);
                    Console.WriteLine([|Model.FGradient(x * 2)|]);
                    [|Model.FGradient(x)|];
                }
            }
            """, """
            using System;
            using SourceGen.Autodiff;

            namespace Demo;

            public static class Usage
            {
                public static void Run(Tensor x)
                {
                    var xGrad = Tensor.ZerosLike(x);
                    Model.FBackward(x, Seed.OnesLike(Model.F(x)), xGrad);
                    Console.WriteLine(xGrad);
                    Tensor x2 = x * 2;
                    var xGrad2 = Tensor.ZerosLike(x2);
                    Model.FBackward(x2, Seed.OnesLike(Model.F(x2)), xGrad2);
                    Console.WriteLine(xGrad2);
                    var xGrad3 = Tensor.ZerosLike(x);
                    Model.FBackward(x, Seed.OnesLike(Model.F(x)), xGrad3);
                }
            }
            """, GeneratedStandIn.Files);
    }

    [Fact]
    public async Task A_top_level_program_is_fixed_in_place()
    {
        Markup markup = Markup.Parse("""
            using SourceGen.Autodiff;

            var x = Tensor.Ones(1, 3);
            var g = [|Demo.Model.FGradient(x)|];
            System.Console.WriteLine(g);
            """);
        Document document = TestProject.Create(markup.Text, GeneratedStandIn.Files);
        Project console = document.Project.WithCompilationOptions(
            document.Project.CompilationOptions!.WithOutputKind(OutputKind.ConsoleApplication));
        document = console.GetDocument(document.Id)!;
        Diagnostic diff007 = Assert.Single(await DiagnosticRunner.GetErrorsAndAsync(document, "DIFF007"));
        Assert.Equal(markup.Spans[0], diff007.Location.SourceSpan);

        Document fixedDocument = await FixRunner.ApplyAsync(new GradientToBackwardCodeFix(), document, diff007);

        await FixTest.AssertFixedAsync("""
            using SourceGen.Autodiff;

            var x = Tensor.Ones(1, 3);
            var g = Tensor.ZerosLike(x);
            Demo.Model.FBackward(x, Seed.OnesLike(Demo.Model.F(x)), g);
            System.Console.WriteLine(g);
            """, fixedDocument, "DIFF007");
    }

    [Theory]
    [InlineData("Func<Tensor> later = () => [|Model.FGradient(x)|];")]
    [InlineData("var maybe = x.Length > 1 ? [|Model.FGradient(x)|] : x;")]
    [InlineData("foreach (var v in [|Model.FGradient(x)|].ToArray()) { }")]
    public async Task No_fix_where_the_call_is_not_evaluated_exactly_once_before_the_statement(string statement)
    {
        await FixTest.VerifyNoFixAsync(new GradientToBackwardCodeFix(), Id, $$"""
            using System;
            using SourceGen.Autodiff;

            namespace Demo;

            public static class Usage
            {
                public static void Run(Tensor x)
                {
                    {{statement}}
                }
            }
            """, GeneratedStandIn.Files);
    }
}
