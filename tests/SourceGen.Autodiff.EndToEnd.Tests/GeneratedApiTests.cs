using System;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using SeedWalkthrough;
using SourceGen.Autodiff.EndToEnd.Tests.Corpus;
using Xunit;

namespace SourceGen.Autodiff.EndToEnd.Tests;

/// <summary>
/// The shape of the generated API where calling it cannot show it: which methods exist, which
/// are compile-time errors, and which parameters get gradient buffers.
/// </summary>
public sealed class GeneratedApiTests
{
    [Theory]
    [InlineData(typeof(ScalarCorpus), "Product")]      // scalar result
    [InlineData(typeof(Walkthrough), "SumAll")]        // scalar result
    public void No_Jacobian_outside_the_contract(Type type, string method) =>
        Assert.Null(type.GetMethod(method + "Jacobian", BindingFlags.Public | BindingFlags.Static));

    [Theory]
    [InlineData(typeof(ArrayCorpus), "NewArray")]
    [InlineData(typeof(ArrayCorpus), "SpanOutput")]
    [InlineData(typeof(TensorCorpus), "Quadratic")]
    [InlineData(typeof(TensorCorpus), "TwoTensors")]
    public void Gradient_of_a_non_scalar_result_is_a_DIFF007_error(Type type, string method)
    {
        MethodInfo? gradient = type.GetMethod(method + "Gradient", BindingFlags.Public | BindingFlags.Static);
        Assert.NotNull(gradient);
        ObsoleteAttribute? obsolete = gradient.GetCustomAttribute<ObsoleteAttribute>();
        Assert.NotNull(obsolete);
        Assert.True(obsolete.IsError);
        Assert.Equal("DIFF007", obsolete.DiagnosticId);
        Assert.Contains(method + "Backward", obsolete.Message);
    }

    [Theory]
    [InlineData(typeof(ScalarCorpus), "Loss", "w b x seed wGrad bGrad")]              // [NoGradient] x: no buffer
    [InlineData(typeof(ScalarCorpus), "CastInt", "x n seed xGrad")]                   // int: no buffer
    [InlineData(typeof(ScalarCorpus), "LongScale", "x k seed xGrad")]                 // long: no buffer
    [InlineData(typeof(ScalarCorpus), "WithFlag", "x flag seed xGrad")]               // bool: no buffer
    [InlineData(typeof(ArrayCorpus), "SpanOutput", "x y seed xGrad")]                 // output span: in place, no buffer
    [InlineData(typeof(ArrayCorpus), "ScaledOutput", "x s y seed xGrad sGrad")]
    [InlineData(typeof(TensorCorpus), "WeightedSum", "x weights seed xGrad")]
    public void Backward_parameters(Type type, string method, string expected)
    {
        MethodInfo backward = type.GetMethod(method + "Backward", BindingFlags.Public | BindingFlags.Static)!;
        Assert.Equal(expected, string.Join(" ", backward.GetParameters().Select(p => p.Name)));
    }

    [Fact]
    public void Backward_with_a_span_output_returns_void() =>
        Assert.Equal(typeof(void), typeof(ArrayCorpus).GetMethod(nameof(ArrayCorpus.SpanOutputBackward))!.ReturnType);

    [Fact]
    public void Gradient_tuple_is_named_after_the_parameters()
    {
        MethodInfo gradient = typeof(ScalarCorpus).GetMethod(nameof(ScalarCorpus.LossGradient))!;
        Assert.Equal(typeof(ValueTuple<double[], double>), gradient.ReturnType);
        var names = gradient.ReturnParameter.GetCustomAttribute<TupleElementNamesAttribute>();
        Assert.NotNull(names);
        Assert.Equal(["w", "b"], names.TransformNames);
    }
}
