using System;
using System.Linq;
using System.Runtime.CompilerServices;
using SourceGen.Autodiff.Generator.Tests.Cases;
using SourceGen.Autodiff.Generator.Tests.Running;
using Xunit;

namespace SourceGen.Autodiff.Generator.Tests;

/// <summary>
/// Every case compiled in memory and run: the generated methods are checked against central
/// finite differences of the original method (or exact gradients where a case gives them) at
/// random points, with a non-trivial seed and gradient buffers that do not start at zero.
/// </summary>
public sealed class CompileAndRunTests
{
    private const int PointsPerCase = 2;

    [Theory]
    [MemberData(nameof(AllCases.Names), MemberType = typeof(AllCases))]
    public void Backward_returns_the_result_and_adds_the_seed_weighted_gradient(string name)
    {
        var testCase = AllCases.Get(name);
        using var method = ProbedMethod.Load(testCase);
        CheckBackward(testCase, method, PointsPerCase);
    }

    /// <summary>MBackward's result is the method's, and what it adds to the buffers the finite-difference vector-Jacobian product.</summary>
    internal static void CheckBackward(GeneratorCase testCase, ProbedMethod method, int points)
    {
        for (var i = 0; i < points; i++)
        {
            var point = SampledPoint.At(testCase, method, i);
            var arguments = point.Layout.With(point.X);
            var gradients = point.Layout.Gradients(point.GradientStart);

            var returned = method.Backward(arguments, point.Seed(), gradients);

            Agreement.Identical(point.Y, point.Layout.Output(returned, arguments), "Backward's result", point.Context);
            var added = Subtract(ArgumentLayout.Flatten(gradients), point.GradientStart);
            Agreement.Close(added, point.VectorJacobianProduct(point.SeedValues), "Backward's gradient", point.Context);
        }
    }

    [Theory]
    [MemberData(nameof(AllCases.Names), MemberType = typeof(AllCases))]
    public void Pullback_can_run_backward_twice_and_ignores_later_changes_to_its_inputs(string name)
    {
        var testCase = AllCases.Get(name);
        using var method = ProbedMethod.Load(testCase);
        var point = SampledPoint.At(testCase, method, 0);
        var arguments = point.Layout.With(point.X);

        var pullback = method.Pullback(arguments);
        Scribble(arguments);
        var gradients = point.Layout.Gradients(new double[point.X.Length]);
        method.PullbackBackward(pullback, point.Seed(), gradients);
        var once = ArgumentLayout.Flatten(gradients);
        method.PullbackBackward(pullback, point.Seed(), gradients);
        var twice = ArgumentLayout.Flatten(gradients);

        if (method.Signature.Result != ValueKind.Void)
        {
            Agreement.Identical(point.Y, point.Layout.Output(method.PullbackValue(pullback), arguments), "Pullback's Value", point.Context);
        }
        var numeric = point.VectorJacobianProduct(point.SeedValues);
        Agreement.Close(once, numeric, "Pullback's first Backward", point.Context);
        Agreement.Close(twice, numeric.Select(v => 2 * v).ToArray(), "Pullback's second Backward (accumulated)", point.Context);
    }

    [Theory]
    [MemberData(nameof(AllCases.Names), MemberType = typeof(AllCases))]
    public void Gradient_or_Jacobian_matches_finite_differences_where_the_contract_provides_it(string name)
    {
        var testCase = AllCases.Get(name);
        using var method = ProbedMethod.Load(testCase);
        var point = SampledPoint.At(testCase, method, 1);
        var signature = method.Signature;

        if (signature.Result == ValueKind.Real)
        {
            var gradient = method.Gradient(point.Layout.With(point.X));
            Agreement.Close(FlattenGradient(gradient), point.Gradient(), "Gradient", point.Context);
        }
        else
        {
            var obsolete = method.DeclaringType.GetMethod(signature.Name + "Gradient")?.GetCustomAttributes(typeof(ObsoleteAttribute), false).Cast<ObsoleteAttribute>().SingleOrDefault();
            Assert.True(obsolete is { IsError: true, DiagnosticId: "DIFF007" }, $"{signature.Name}Gradient on a non-scalar result must be [Obsolete(error: true, DiagnosticId = \"DIFF007\")].");
        }

        // MJacobian: a non-scalar result and any differentiable input; the columns are every
        // differentiable input flattened in parameter order, as the point's X is.
        var jacobianExpected = signature.Result != ValueKind.Real && signature.WithGradient.Any();
        Assert.Equal(jacobianExpected, method.HasJacobian);
        if (jacobianExpected)
        {
            var jacobian = method.Jacobian(point.Layout.With(point.X));
            var numeric = FiniteDifference.Jacobian(point.F, point.X);
            Assert.Equal(new[] { point.Y.Length, point.X.Length }, new[] { jacobian.GetLength(0), jacobian.GetLength(1) });
            for (var row = 0; row < point.Y.Length; row++)
            {
                var analyticRow = Enumerable.Range(0, point.X.Length).Select(j => jacobian[row, j]).ToArray();
                var numericRow = Enumerable.Range(0, point.X.Length).Select(j => numeric[row, j]).ToArray();
                Agreement.Close(analyticRow, numericRow, $"Jacobian row {row}", point.Context);
            }
        }
    }

    private static double[] Subtract(double[] a, double[] b) => a.Select((v, i) => v - b[i]).ToArray();

    /// <summary>MGradient returns one value, or a tuple of them in parameter order.</summary>
    private static double[] FlattenGradient(object? gradient) => gradient is ITuple tuple
        ? ArgumentLayout.Flatten(Enumerable.Range(0, tuple.Length).Select(i => tuple[i]!))
        : ArgumentLayout.Flatten(new[] { gradient! });

    /// <summary>Overwrites the caller's arrays and tensors, as a caller reusing its buffers would.</summary>
    private static void Scribble(object[] arguments)
    {
        foreach (var argument in arguments)
        {
            switch (argument)
            {
                case double[] array: Array.Fill(array, 1e6); break;
                case Tensor tensor: tensor.AsSpan().Fill(1e6); break;
            }
        }
    }
}
