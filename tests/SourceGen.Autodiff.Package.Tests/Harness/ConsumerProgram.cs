using System;

namespace SourceGen.Autodiff.Package.Tests.Harness;

/// <summary>
/// The Program.cs written into the consumer project: two [Differentiable] methods (a scalar loss
/// with a [NoGradient] data parameter, and the article's 3-in, 2-out tensor function) and calls
/// to their generated Gradient, Backward and Jacobian methods, printed invariantly.
/// </summary>
internal static class ConsumerProgram
{
    /// <summary>The line that declares the type; <see cref="Broken"/> drops its "partial".</summary>
    public const string TypeDeclaration = "public static partial class Model";

    public const string BrokenTypeDeclaration = "public static class Model";

    public static string Working => Source;

    /// <summary>The same program with a non-partial containing type: DIFF001 must stop the build.</summary>
    public static string Broken => Source.Replace(TypeDeclaration, BrokenTypeDeclaration, StringComparison.Ordinal);

    // Expected, by hand: z = 0.5*2 - 1*3 + 0.25 = -1.75, loss = z^2 = 3.0625,
    // dloss/dw = 2z*x = (-7, -10.5), dloss/db = 2z = -3.5; the article's xGrad with seed
    // ones(1, 2) is (6, 26, 14) and its Jacobian { { 4, 2, 4 }, { 2, 24, 10 } } at x = (2, 4, 5).
    private const string Source = """
        using System;
        using System.Globalization;
        using SourceGen.Autodiff;

        double[] w = { 0.5, -1 };
        double[] data = { 2, 3 };
        var (wGrad, bGrad) = Model.LossGradient(w, 0.25, data);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"loss {Model.Loss(w, 0.25, data)}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wGrad {wGrad[0]} {wGrad[1]}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bGrad {bGrad}"));

        var x = Tensor.From(new double[,] { { 2, 4, 5 } });
        var xGrad = Tensor.ZerosLike(x);
        Model.FBackward(x, Seed.Ones(1, 2), xGrad);
        Console.WriteLine($"xGrad {xGrad}");
        double[,] j = Model.FJacobian(x);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"jacobian {j[0, 0]} {j[0, 1]} {j[0, 2]} / {j[1, 0]} {j[1, 1]} {j[1, 2]}"));

        public static partial class Model
        {
            [Differentiable]
            public static double Loss(ReadOnlySpan<double> w, double b, [NoGradient] ReadOnlySpan<double> x)
            {
                double z = w[0] * x[0] + w[1] * x[1] + b;
                return z * z;
            }

            [Differentiable]
            public static Tensor F(Tensor x)
            {
                var y = Tensor.Zeros(1, 2);
                y[0, 0] = x[0, 0] * x[0, 0] + 2 * x[0, 1] + 4 * x[0, 2];
                y[0, 1] = 2 * x[0, 0] + 3 * x[0, 1] * x[0, 1] + x[0, 2] * x[0, 2];
                return y;
            }
        }
        """;
}
