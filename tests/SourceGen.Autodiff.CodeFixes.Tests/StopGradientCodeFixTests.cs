using System.Threading.Tasks;
using SourceGen.Autodiff.CodeFixes.Tests.Harness;
using Xunit;

namespace SourceGen.Autodiff.CodeFixes.Tests;

public sealed class StopGradientCodeFixTests
{
    [Fact]
    public async Task Diff008_wraps_the_argument_of_the_reported_call()
    {
        await FixTest.VerifySingleAsync(new StopGradientCodeFix(), "DIFF008", """
            using SourceGen.Autodiff;

            public static partial class Model
            {
                static double Softplus(double v) => System.Math.Log(1 + System.Math.Exp(v));

                [Differentiable]
                public static double Loss(double x) => x * [|Softplus(x)|];
            }
            """, """
            using SourceGen.Autodiff;

            public static partial class Model
            {
                static double Softplus(double v) => System.Math.Log(1 + System.Math.Exp(v));

                [Differentiable]
                public static double Loss(double x) => x * Softplus(Gradient.Stop(x));
            }
            """);
    }

    [Fact]
    public async Task Diff008_on_a_call_wraps_its_non_constant_floating_point_arguments()
    {
        await FixTest.VerifySingleAsync(new StopGradientCodeFix(), "DIFF008", """
            using SourceGen.Autodiff;

            public static partial class Model
            {
                static double Blend(double a, double b, int n, double c) => a + b + n + c;

                [Differentiable]
                public static double Loss(double x, double y) => [|Blend(x, y * 2, 3, 4.0)|];
            }
            """, """
            using SourceGen.Autodiff;

            public static partial class Model
            {
                static double Blend(double a, double b, int n, double c) => a + b + n + c;

                [Differentiable]
                public static double Loss(double x, double y) => Blend(Gradient.Stop(x), Gradient.Stop(y * 2), 3, 4.0);
            }
            """);
    }

    [Fact]
    public async Task Diff009_wraps_the_argument_of_a_zero_derivative_call_and_adds_the_using()
    {
        await FixTest.VerifySingleAsync(new StopGradientCodeFix(), "DIFF009", """
            using System;

            namespace Demo
            {
                public static partial class Model
                {
                    [SourceGen.Autodiff.Differentiable]
                    public static double Steps(double x) => x + [|Math.Floor(x / 2)|];
                }
            }
            """, """
            using System;
            using SourceGen.Autodiff;

            namespace Demo
            {
                public static partial class Model
                {
                    [SourceGen.Autodiff.Differentiable]
                    public static double Steps(double x) => x + Math.Floor(Gradient.Stop(x / 2));
                }
            }
            """);
    }

    [Fact]
    public async Task Diff008_wraps_a_tensor_argument()
    {
        await FixTest.VerifySingleAsync(new StopGradientCodeFix(), "DIFF008", """
            using System;
            using SourceGen.Autodiff;

            public static partial class Model
            {
                static double Rounded(Tensor t) => Math.Round(t.Sum());

                [Differentiable]
                public static double F(Tensor x) => [|Rounded(x)|];
            }
            """, """
            using System;
            using SourceGen.Autodiff;

            public static partial class Model
            {
                static double Rounded(Tensor t) => Math.Round(t.Sum());

                [Differentiable]
                public static double F(Tensor x) => Rounded(Gradient.Stop(x));
            }
            """);
    }

    [Fact]
    public async Task Fix_all_wraps_every_reported_call()
    {
        await FixTest.VerifyFixAllAsync(new StopGradientCodeFix(), "DIFF009", """
            using System;
            using SourceGen.Autodiff;

            public static partial class Model
            {
                [Differentiable]
                public static double Steps(double x, double y) => [|Math.Floor(x)|] + [|Math.Round(y)|] * [|Math.Sign(x * y)|];
            }
            """, """
            using System;
            using SourceGen.Autodiff;

            public static partial class Model
            {
                [Differentiable]
                public static double Steps(double x, double y) => Math.Floor(Gradient.Stop(x)) + Math.Round(Gradient.Stop(y)) * Math.Sign(Gradient.Stop(x * y));
            }
            """);
    }

    [Fact]
    public async Task A_file_without_usings_gets_one_before_its_code_after_its_header()
    {
        await FixTest.VerifySingleAsync(new StopGradientCodeFix(), "DIFF009", """
            // Copyright header.

            public static partial class Model
            {
                [SourceGen.Autodiff.Differentiable]
                public static double Steps(double x) => x + [|System.Math.Round(x)|];
            }
            """, """
            // Copyright header.

            using SourceGen.Autodiff;

            public static partial class Model
            {
                [SourceGen.Autodiff.Differentiable]
                public static double Steps(double x) => x + System.Math.Round(Gradient.Stop(x));
            }
            """);
    }

    [Fact]
    public async Task A_user_type_named_Gradient_makes_the_fix_write_the_full_name()
    {
        await FixTest.VerifySingleAsync(new StopGradientCodeFix(), "DIFF009", """
            using System;

            namespace Demo;

            public static class Gradient
            {
            }

            public static partial class Model
            {
                [SourceGen.Autodiff.Differentiable]
                public static double Steps(double x) => x + [|Math.Round(x)|];
            }
            """, """
            using System;

            namespace Demo;

            public static class Gradient
            {
            }

            public static partial class Model
            {
                [SourceGen.Autodiff.Differentiable]
                public static double Steps(double x) => x + Math.Round(global::SourceGen.Autodiff.Gradient.Stop(x));
            }
            """);
    }

    [Theory]
    [InlineData("x + [|Math.Floor(Gradient.Stop(x))|]")]
    [InlineData("x + [|Math.Abs(n)|]")]
    [InlineData("x + [|Math.Floor(2.5)|]")]
    public async Task No_fix_when_nothing_is_left_to_stop(string body)
    {
        await FixTest.VerifyNoFixAsync(new StopGradientCodeFix(), "DIFF009", $$"""
            using System;
            using SourceGen.Autodiff;

            public static partial class Model
            {
                [Differentiable]
                public static double F(double x, int n) => {{body}};
            }
            """);
    }
}
