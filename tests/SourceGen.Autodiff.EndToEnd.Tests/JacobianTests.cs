using System;
using SourceGen.Autodiff.EndToEnd.Tests.Corpus;
using SourceGen.Autodiff.EndToEnd.Tests.Harness;
using Xunit;

namespace SourceGen.Autodiff.EndToEnd.Tests;

/// <summary>
/// MJacobian over several differentiable inputs (columns: every input flattened in parameter
/// order), in a fresh double[,] and written into the caller's span, against central differences.
/// </summary>
public sealed class JacobianTests
{
    private static readonly double[] Point = [0.4, -0.3, 2.5];
    private static readonly double[] Observed = [0.1, -0.2];
    private const double Focal = 1.7;
    private const double Angle = 0.35;

    /// <summary>Project over the flat input [point..., focal, angle].</summary>
    private static double[] ProjectFlat(double[] v)
    {
        var residual = new double[2];
        JacobianCorpus.Project(v.AsSpan(0, 3), v[3], v[4], Observed, residual);
        return residual;
    }

    private static double[,] ProjectNumeric() => FiniteDifference.Jacobian(ProjectFlat, [.. Point, Focal, Angle]);

    [Fact]
    public void Jacobian_of_spans_and_scalars_matches_central_differences()
    {
        double[,] jacobian = JacobianCorpus.ProjectJacobian(Point, Focal, Angle, Observed, new double[2]);

        Assert.Equal(2, jacobian.GetLength(0));
        Assert.Equal(5, jacobian.GetLength(1));
        Close.All(Flat.Of(ProjectNumeric()), Flat.Of(jacobian), 1e-6, 1e-8, "ProjectJacobian vs central differences");
    }

    [Fact]
    public void Jacobian_written_into_a_span_matches_central_differences_and_overwrites_it()
    {
        var buffer = new double[10];
        Array.Fill(buffer, 42.0);
        var residual = new double[2];

        JacobianCorpus.ProjectJacobian(Point, Focal, Angle, Observed, residual, buffer);

        Close.All(Flat.Of(ProjectNumeric()), buffer, 1e-6, 1e-8, "ProjectJacobian(..., buffer) vs central differences");
        Close.All(ProjectFlat([.. Point, Focal, Angle]), residual, 0, 0, "the residual written as Project writes it");
    }

    [Fact]
    public void Jacobian_written_into_a_span_allocates_nothing()
    {
        double[] point = Point, observed = Observed, residual = new double[2], buffer = new double[10];

        long allocated = Allocations.InSteadyState(() => JacobianCorpus.ProjectJacobian(point, Focal, Angle, observed, residual, buffer));

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Jacobian_span_of_the_wrong_length_throws_before_writing()
    {
        var buffer = new double[9];
        Array.Fill(buffer, 42.0);

        var e = Assert.ThrowsAny<ArgumentException>(() => JacobianCorpus.ProjectJacobian(Point, Focal, Angle, Observed, new double[2], buffer));

        Assert.Contains("9", e.Message);
        Assert.Contains("10", e.Message);
        Assert.All(buffer, value => Assert.Equal(42.0, value));
    }

    [Fact]
    public void Jacobian_of_an_array_result_from_a_scalar_and_an_array_matches_central_differences()
    {
        double[] x = [0.3, -1.2, 0.8];
        double[,] numeric = FiniteDifference.Jacobian(v => JacobianCorpus.Scaled(v[0], v[1..]), [0.6, .. x]);
        var buffer = new double[12];

        double[,] jacobian = JacobianCorpus.ScaledJacobian(0.6, x);
        JacobianCorpus.ScaledJacobian(0.6, x, buffer);

        Assert.Equal(3, jacobian.GetLength(0));
        Assert.Equal(4, jacobian.GetLength(1));
        Close.All(Flat.Of(numeric), Flat.Of(jacobian), 1e-6, 1e-8, "ScaledJacobian vs central differences");
        Close.All(Flat.Of(numeric), buffer, 1e-6, 1e-8, "ScaledJacobian(..., buffer) vs central differences");
    }
}
