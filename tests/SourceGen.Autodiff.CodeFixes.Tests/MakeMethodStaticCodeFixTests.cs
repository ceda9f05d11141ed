using System.Threading.Tasks;
using SourceGen.Autodiff.CodeFixes.Tests.Harness;
using Xunit;

namespace SourceGen.Autodiff.CodeFixes.Tests;

public sealed class MakeMethodStaticCodeFixTests
{
    private const string Id = "DIFF002";

    [Fact]
    public async Task Adds_static_after_the_accessibility()
    {
        await FixTest.VerifySingleAsync(new MakeMethodStaticCodeFix(), Id, """
            using SourceGen.Autodiff;

            public partial class Model
            {
                [Differentiable]
                public double [|Square|](double x) => x * x;
            }
            """, """
            using SourceGen.Autodiff;

            public partial class Model
            {
                [Differentiable]
                public static double Square(double x) => x * x;
            }
            """);
    }

    [Fact]
    public async Task Without_modifiers_static_takes_the_indentation()
    {
        await FixTest.VerifySingleAsync(new MakeMethodStaticCodeFix(), Id, """
            using SourceGen.Autodiff;

            partial class Model
            {
                [Differentiable]
                // squares
                double [|Square|](double x) => x * x;
            }
            """, """
            using SourceGen.Autodiff;

            partial class Model
            {
                [Differentiable]
                // squares
                static double Square(double x) => x * x;
            }
            """);
    }

    [Fact]
    public async Task Other_modifiers_stay_after_static()
    {
        await FixTest.VerifySingleAsync(new MakeMethodStaticCodeFix(), Id, """
            using SourceGen.Autodiff;

            unsafe partial class Model
            {
                [Differentiable]
                internal unsafe double [|Square|](double x) => x * x;
            }
            """, """
            using SourceGen.Autodiff;

            unsafe partial class Model
            {
                [Differentiable]
                internal static unsafe double Square(double x) => x * x;
            }
            """);
    }

    [Fact]
    public async Task No_fix_for_an_override()
    {
        await FixTest.VerifyNoFixAsync(new MakeMethodStaticCodeFix(), Id, """
            using SourceGen.Autodiff;

            public partial class Model
            {
                [Differentiable]
                public override string [|ToString|]() => "";
            }
            """);
    }
}
