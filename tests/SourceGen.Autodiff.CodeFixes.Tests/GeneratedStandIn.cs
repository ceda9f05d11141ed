using SourceGen.Autodiff.CodeFixes.Tests.Harness;

namespace SourceGen.Autodiff.CodeFixes.Tests;

/// <summary>
/// The user's methods and the members the generator adds for them, written out by hand with
/// the contract's signatures, so the DIFF007 fix is tested without depending on the generator.
/// </summary>
internal static class GeneratedStandIn
{
    public static readonly SourceFile[] Files =
    [
        new("/src/Model.cs", UserSource),
        SourceFile.Generated("Demo.Model.g.cs", GeneratedSource),
    ];

    private const string UserSource = """
        using System;
        using SourceGen.Autodiff;

        namespace Demo;

        public static partial class Model
        {
            [Differentiable]
            public static Tensor F(Tensor x) => x * x;

            [Differentiable]
            public static double[] Affine(ReadOnlySpan<double> w, double b, [NoGradient] ReadOnlySpan<double> x)
            {
                var y = new double[2];
                y[0] = w[0] * x[0] + b;
                y[1] = w[1] * x[1] + b;
                return y;
            }

            [Differentiable]
            public static void Twice(double[] x, Span<double> y)
            {
                y[0] = 2 * x[0];
                y[1] = 2 * x[1];
            }
        }
        """;

    // What the generator adds (bodies do not matter here).
    private const string GeneratedSource = """
        using System;
        using SourceGen.Autodiff;

        namespace Demo;

        public static partial class Model
        {
            private const string Message = "grad can be implicitly created only for scalar outputs";

            public static Tensor FBackward(Tensor x, Tensor seed, Tensor xGrad) => F(x);

            [Obsolete(Message, error: true, DiagnosticId = "DIFF007")]
            public static Tensor FGradient(Tensor x) => throw new NotSupportedException();

            public static double[] AffineBackward(ReadOnlySpan<double> w, double b, ReadOnlySpan<double> x, ReadOnlySpan<double> seed, Span<double> wGrad, ref double bGrad) => Affine(w, b, x);

            [Obsolete(Message, error: true, DiagnosticId = "DIFF007")]
            public static (double[] w, double b) AffineGradient(ReadOnlySpan<double> w, double b, ReadOnlySpan<double> x) => throw new NotSupportedException();

            public static void TwiceBackward(double[] x, Span<double> y, ReadOnlySpan<double> seed, Span<double> xGrad) => Twice(x, y);

            [Obsolete(Message, error: true, DiagnosticId = "DIFF007")]
            public static double[] TwiceGradient(double[] x, Span<double> y) => throw new NotSupportedException();
        }
        """;
}
