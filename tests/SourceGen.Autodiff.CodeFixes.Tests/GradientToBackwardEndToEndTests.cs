using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SourceGen.Autodiff.CodeFixes.Tests.Harness;
using Xunit;

namespace SourceGen.Autodiff.CodeFixes.Tests;

/// <summary>The DIFF007 fix against the generator's real output rather than a stand-in.</summary>
public sealed class GradientToBackwardEndToEndTests
{
    [Fact]
    public async Task The_article_example_compiles_after_the_fix()
    {
        Markup markup = Markup.Parse("""
            using SourceGen.Autodiff;

            namespace Demo;

            public static partial class Article
            {
                [Differentiable]
                public static Tensor F(Tensor x)
                {
                    var y = Tensor.Zeros(1, 2);
                    y[0, 0] = x[0, 0] * x[0, 0] + 2 * x[0, 1];
                    y[0, 1] = 2 * x[0, 0] + 3 * x[0, 1] * x[0, 1];
                    return y;
                }

                public static Tensor Gradient(Tensor x)
                {
                    var g = [|Article.FGradient(x)|];
                    return g;
                }
            }
            """);
        Document document = await TestProject.WithGeneratedDocumentsAsync(TestProject.Create(markup.Text));
        ImmutableArray<Diagnostic> before = await DiagnosticRunner.GetErrorsAndAsync(document, "DIFF007");
        Diagnostic diff007 = Assert.Single(before);
        Assert.Equal(("DIFF007", markup.Spans[0]), (diff007.Id, diff007.Location.SourceSpan));
        Assert.Contains("is obsolete: 'grad can be implicitly created only for scalar outputs: 'F' returns", diff007.GetMessage(System.Globalization.CultureInfo.InvariantCulture));

        Document fixedDocument = await FixRunner.ApplyAsync(new GradientToBackwardCodeFix(), document, diff007);

        await FixTest.AssertFixedAsync(markup.Text.Replace(
            """
                    var g = Article.FGradient(x);
            """,
            """
                    var g = Tensor.ZerosLike(x);
                    Article.FBackward(x, Seed.OnesLike(Article.F(x)), g);
            """), fixedDocument, "DIFF007");
    }
}
