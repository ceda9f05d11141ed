using System;
using System.Reflection;
using Microsoft.CodeAnalysis;
using SourceGen.Autodiff.Generator.Tests.Cases;
using SourceGen.Autodiff.Generator.Differentiation;
using SourceGen.Autodiff.Generator.Tests.Harness;

namespace SourceGen.Autodiff.Generator.Tests.Running;

/// <summary>
/// A case's compiled method and its generated companions, loaded in memory and callable with
/// packed arguments (see <see cref="ProbeSource"/>). Dispose to unload the assembly.
/// </summary>
public sealed class ProbedMethod : IDisposable
{
    private readonly LoadedAssembly _assembly;
    private readonly Type _probe;

    private ProbedMethod(MethodSignature signature, LoadedAssembly assembly, Type declaringType, bool hasJacobian)
    {
        Signature = signature;
        HasJacobian = hasJacobian;
        _assembly = assembly;
        _probe = assembly.GetType(ProbeSource.ClassName);
        DeclaringType = declaringType;
    }

    public MethodSignature Signature { get; }

    /// <summary>Whether the generator emitted MJacobian (non-scalar result, any differentiable input).</summary>
    public bool HasJacobian { get; }

    /// <summary>The type that declares the [Differentiable] method and the generated members.</summary>
    public Type DeclaringType { get; }

    public static ProbedMethod Load(GeneratorCase testCase) => Load(testCase, PassOptions.All);

    /// <summary>The case's methods as generated with the given optimization passes.</summary>
    internal static ProbedMethod Load(GeneratorCase testCase, PassOptions passes)
    {
        var run = CaseRuns.Get(testCase, passes);
        var signature = MethodSignature.Read(run.OutputCompilation, testCase.MethodUnderTest);
        var typeSymbol = run.OutputCompilation.GetTypeByMetadataName(signature.MetadataTypeName);
        var hasJacobian = typeSymbol is not null && typeSymbol.GetMembers(signature.Name + "Jacobian").Length > 0;
        var probe = TestCompilation.Parse(ProbeSource.For(signature, hasJacobian), "Probe.cs");
        var assembly = LoadedAssembly.Load(run.OutputCompilation.AddSyntaxTrees(probe));
        return new ProbedMethod(signature, assembly, assembly.GetType(signature.MetadataTypeName), hasJacobian);
    }

    public object? Forward(object[] arguments) => Call("Forward", new object[] { arguments });

    public object? Backward(object[] arguments, object seed, object[] gradients) => Call("Backward", arguments, seed, gradients);

    public object? Gradient(object[] arguments) => Call("Gradient", new object[] { arguments });

    public object Pullback(object[] arguments) => Call("Pullback", new object[] { arguments })!;

    public object? PullbackValue(object pullback) => Call("PullbackValue", new object[] { pullback });

    public void PullbackBackward(object pullback, object seed, object[] gradients) => Call("PullbackBackward", pullback, seed, gradients);

    public double[,] Jacobian(object[] arguments) => (double[,])Call("Jacobian", new object[] { arguments })!;

    /// <summary>Each element of <paramref name="arguments"/> is one parameter of the probe method.</summary>
    private object? Call(string name, params object[] arguments)
    {
        var method = _probe.GetMethod(name) ?? throw new InvalidOperationException($"The probe has no {name} for {Signature.Name}.");
        try
        {
            return method.Invoke(null, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    public void Dispose() => _assembly.Dispose();
}
