using SourceGen.Autodiff;

namespace SeedWalkthrough;

/// <summary>
/// The functions of the article "pytorch的backward", written as plain C#. The generator adds
/// <c>MBackward</c>, <c>MGradient</c>, <c>MPullback</c> and <c>MJacobian</c> for each of them
/// at compile time; Program.cs calls those.
/// </summary>
public static partial class Walkthrough
{
    /// <summary>Example 1: <c>y = x.sum()</c>, a scalar result, so the implicit seed 1 works.</summary>
    [Differentiable]
    public static double SumAll(Tensor x) => x.Sum();

    /// <summary>
    /// Example 1, continued: <c>y = x + 1</c>, a 2x2 result. Its <c>AddOneGradient</c> exists
    /// but is marked obsolete-as-error (DIFF007): asking for an implicit seed does not compile.
    /// </summary>
    [Differentiable]
    public static Tensor AddOne(Tensor x) => x + 1;

    /// <summary>Example 2.1: two inputs, two outputs, each output depending on both inputs.</summary>
    [Differentiable]
    public static Tensor TwoByTwo(Tensor x)
    {
        var y = Tensor.Zeros(1, 2);
        y[0, 0] = x[0, 0] * x[0, 0] + 2 * x[0, 1];
        y[0, 1] = 2 * x[0, 0] + 3 * x[0, 1] * x[0, 1];
        return y;
    }

    /// <summary>Examples 2.2 and 3: three inputs, two outputs.</summary>
    [Differentiable]
    public static Tensor F(Tensor x)
    {
        var y = Tensor.Zeros(1, 2);
        y[0, 0] = x[0, 0] * x[0, 0] + 2 * x[0, 1] + 4 * x[0, 2];
        y[0, 1] = 2 * x[0, 0] + 3 * x[0, 1] * x[0, 1] + x[0, 2] * x[0, 2];
        return y;
    }
}
