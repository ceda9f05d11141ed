using System.Linq;
using Microsoft.CodeAnalysis;
using SourceGen.Autodiff.Generator.Tests.Cases;
using SourceGen.Autodiff.Generator.Tests.Harness;
using Xunit;

namespace SourceGen.Autodiff.Generator.Tests;

/// <summary>
/// User names that the generated code also uses (the seed, gradient buffers, pullback fields,
/// tape and loop helpers, Jacobian locals) or that need a verbatim '@': the generated code must
/// still compile. The analyzer's DIFF013 covers generated member names only, so these are the
/// generator's to avoid.
/// </summary>
public sealed class GeneratedNameTests
{
    private static readonly string[] Templates =
    {
        // 0: a scalar method: parameters next to x, seed, buffers and pullback fields.
        "[Differentiable]\npublic static double M(double x, double NAME) => x * NAME + x * x;",
        // 1: a method with a Jacobian: its locals.
        "[Differentiable]\npublic static double[] J(double[] x, double NAME)\n{\n    var y = new double[2];\n    y[0] = x[0] * NAME;\n    y[1] = x[1] * x[0];\n    return y;\n}",
        // 2: a method with a tape: a local beside the tape, reader, branch and loop helpers.
        "[Differentiable]\npublic static double L(double x)\n{\n    double NAME = x;\n    double s = 0;\n    for (int k = 0; k < 3; k++)\n    {\n        if (s < 10)\n        {\n            s = s * x + NAME;\n        }\n    }\n    return s;\n}",
        // 3: a whole-tensor method: a parameter beside the elementwise loop's spans.
        "[Differentiable]\npublic static double T(Tensor x, double NAME) => (x * NAME).Sum();",
        // 4: a span output: a parameter beside the pullback's output length.
        "[Differentiable]\npublic static void S(ReadOnlySpan<double> x, double NAME, Span<double> y)\n{\n    y[0] = x[0] * NAME;\n}",
    };

    [Theory]
    [InlineData(0, "result")]
    [InlineData(0, "pullback")]
    [InlineData(0, "xBar")]
    [InlineData(0, "seed")]
    [InlineData(0, "xGrad")]
    [InlineData(0, "Value")]
    [InlineData(0, "@double")]
    [InlineData(1, "outputs")]
    [InlineData(1, "row")]
    [InlineData(1, "jacobian")]
    [InlineData(4, "outputLength")]
    [InlineData(2, "tape")]
    [InlineData(2, "reader")]
    [InlineData(2, "branch")]
    [InlineData(2, "count")]
    [InlineData(2, "iterations")]
    [InlineData(2, "exit")]
    [InlineData(2, "adjoint")]
    [InlineData(2, "sAdjoint")]
    [InlineData(2, "reverse")]
    [InlineData(3, "xValues")]
    [InlineData(3, "elementBar")]
    [InlineData(3, "i")]
    public void A_user_name_the_generated_code_also_uses_still_compiles(int template, string name)
    {
        var source = CaseSource.InFunctions(Templates[template].Replace("NAME", name));

        var run = GeneratorHarness.Run(source);

        Assert.True(run.Exceptions.IsEmpty, run.Describe());
        Assert.NotEmpty(run.Sources);
        var errors = run.OutputCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"{source}\nerrors:\n{string.Join("\n", errors.Take(5))}");
    }
}
