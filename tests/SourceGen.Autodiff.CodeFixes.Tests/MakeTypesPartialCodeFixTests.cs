using System.Threading.Tasks;
using SourceGen.Autodiff.CodeFixes.Tests.Harness;
using Xunit;

namespace SourceGen.Autodiff.CodeFixes.Tests;

public sealed class MakeTypesPartialCodeFixTests
{
    private const string Id = "DIFF001";

    [Fact]
    public async Task Fix_at_the_outer_type_makes_every_containing_type_partial()
    {
        await FixTest.VerifySingleAsync(new MakeTypesPartialCodeFix(), Id, """
            using SourceGen.Autodiff;

            namespace Demo;

            public static class [|Outer|]
            {
                internal static class [|Model|]
                {
                    [Differentiable]
                    public static double Square(double x) => x * x;
                }

                private static class Unrelated
                {
                }
            }
            """, """
            using SourceGen.Autodiff;

            namespace Demo;

            public static partial class Outer
            {
                internal static partial class Model
                {
                    [Differentiable]
                    public static double Square(double x) => x * x;
                }

                private static class Unrelated
                {
                }
            }
            """);
    }

    [Fact]
    public async Task Fix_at_the_inner_type_also_makes_the_outer_type_partial()
    {
        await FixTest.VerifySingleAtAsync(new MakeTypesPartialCodeFix(), Id, """
            using SourceGen.Autodiff;

            class [|Outer|]
            {
                struct [|Inner|]
                {
                    [Differentiable]
                    static double Square(double x) => x * x;
                }
            }
            """, 1, """
            using SourceGen.Autodiff;

            partial class Outer
            {
                partial struct Inner
                {
                    [Differentiable]
                    static double Square(double x) => x * x;
                }
            }
            """);
    }

    [Fact]
    public async Task Fix_all_handles_several_diagnostics_on_one_type()
    {
        // The analyzer reports DIFF001 once per [Differentiable] method: twice on Model here.
        await FixTest.VerifyFixAllAsync(new MakeTypesPartialCodeFix(), Id, """
            using SourceGen.Autodiff;

            public class [|Outer|]
            {
                public sealed record class [|Model|]
                {
                    [Differentiable]
                    public static double Square(double x) => x * x;

                    [Differentiable]
                    public static double Cube(double x) => x * x * x;
                }
            }
            """, """
            using SourceGen.Autodiff;

            public partial class Outer
            {
                public sealed partial record class Model
                {
                    [Differentiable]
                    public static double Square(double x) => x * x;

                    [Differentiable]
                    public static double Cube(double x) => x * x * x;
                }
            }
            """);
    }
}
