using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SourceGen.Autodiff.Generator.Differentiation;
using SourceGen.Autodiff.Generator.Tests.Cases;
using SourceGen.Autodiff.Generator.Tests.Harness;
using SourceGen.Autodiff.Generator.Tests.Running;
using Xunit;

namespace SourceGen.Autodiff.Generator.Tests.Passes;

/// <summary>
/// Each optimization pass of Differentiation/DifferentiationPipeline.cs on a case it changes:
/// the Backward method shows the pass's work with it on and the plain form with it off, and
/// is exact (finite differences) both ways. The random programs run with each pass off too
/// (RandomProgramTests); baselines hold the code with every pass on.
/// </summary>
public sealed class PassSwitchTests
{
    /// <summary>Pass, case, a line only the pass writes, a line only the plain form has.</summary>
    public static TheoryData<string, string, string, string> Passes() => new()
    {
        // The Sum() loops run each element's reverse where they add it; without, the tensors are built, then differentiated.
        { nameof(PassOptions.FusedSums), "TensorSum", "sum += xValues[i2] * xValues[i2] + xValues[i2] * s;", "var y = x * x + s * x;" },
        // Each iteration's reverse runs right after it; without, a reverse loop after the forward one.
        { nameof(PassOptions.LoopFusion), "ForLoopAccumulator", "// This iteration's reverse: the adjoint of s is the same in every iteration.", "for (i = x.Length - 2; i >= 0; i--)" },
        // x's derivative rides the forward sweep; without, r is recorded each iteration.
        { nameof(PassOptions.Tangents), "LoopCarriedValue", "rDot = rDot * x + r;", "tapeValues[tapeCount++] = r;" },
        // Two contributions to one adjoint merge (200 * t); without, each is added on its own.
        { nameof(PassOptions.TidyAdjoints), "ForLoopAccumulator", "double tAdjoint = 200 * t * sBar;", "tBar += 100 * t * sBar;" },
        // The reverse of r = r * x + c[i] scales rBar in place; without, through a copy.
        { nameof(PassOptions.InPlaceSelfUpdates), "LoopCarriedValue", "rBar = x * rBar;", "double rAdjoint = rBar;" },
        // Records in the method's own span; without, on the tape object.
        { nameof(PassOptions.LocalRecords), "FusionDeclinedCarriedValue", "tapeValues[tapeCount++] = t;", "tape.Push(t);" },
        // Each iteration's reverse fills centered again; without, its overwritten elements are recorded.
        { nameof(PassOptions.RecomputeScratch), "ScratchReplayedEachIteration", "for (r = 0; r < d; r++)", "tapeValues[tapeCount++] = centered[r];" },
        // centered[c]'s adjoint is summed in a local over the loop on r2, added once after it; without, into the element each time.
        { nameof(PassOptions.InvariantAccumulators), "ScratchReplayedEachIteration", "centeredBarSum += lower[next] * adjoint;", "centeredBar[c] += lower[next] * adjoint;" },
    };

    [Theory]
    [MemberData(nameof(Passes))]
    public void The_pass_changes_Backward_as_expected(string pass, string caseName, string withPass, string withoutPass)
    {
        var testCase = AllCases.Get(caseName);
        var on = BackwardText(CaseRuns.Get(testCase));
        var off = BackwardText(CaseRuns.Get(testCase, Off(pass)));

        Assert.Contains(withPass, on);
        Assert.DoesNotContain(withoutPass, on);
        Assert.Contains(withoutPass, off);
        Assert.DoesNotContain(withPass, off);
    }

    [Theory]
    [MemberData(nameof(Passes))]
    public void Backward_is_exact_with_the_pass_switched_off(string pass, string caseName, string withPass, string withoutPass)
    {
        _ = (withPass, withoutPass);
        var testCase = AllCases.Get(caseName);
        using var method = ProbedMethod.Load(testCase, Off(pass));
        CompileAndRunTests.CheckBackward(testCase, method, points: 2);
    }

    [Fact]
    public void Every_pass_has_a_case()
    {
        var tested = Passes().Select(row => (string)row[0]).ToHashSet();
        Assert.All(PassOptions.EachOff, s => Assert.Contains(s.Pass, tested));
    }

    private static PassOptions Off(string pass) => PassOptions.EachOff.Single(s => s.Pass == pass).Options;

    /// <summary>The generated MBackward method alone (the pullback's Backward and the taped members print the program without these passes).</summary>
    private static string BackwardText(GeneratorRun run) =>
        CSharpSyntaxTree.ParseText(run.AllSources()).GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
            .Single(m => m.Identifier.Text.EndsWith("Backward") && m.Identifier.Text != "Backward")
            .ToFullString();
}
