using System;

namespace SourceGen.Autodiff;

/// <summary>
/// Registers the method it is placed on as the hand-written derivative of another method, so
/// that <see cref="DifferentiableAttribute"/> methods may call that method.
/// </summary>
/// <remarks>
/// Example: <c>[DerivativeOf(typeof(MyMath), nameof(MyMath.Softplus))]</c> on a static method
/// that computes the derivative. The generator defines the expected signature; see the README.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class DerivativeOfAttribute : Attribute
{
    /// <summary>
    /// Creates the registration.
    /// </summary>
    /// <param name="type">The type that declares the method being differentiated.</param>
    /// <param name="methodName">The name of that method, ideally written with <c>nameof</c>.</param>
    public DerivativeOfAttribute(Type type, string methodName)
    {
        Type = type;
        MethodName = methodName;
    }

    /// <summary>The type that declares the method being differentiated.</summary>
    public Type Type { get; }

    /// <summary>The name of the method being differentiated.</summary>
    public string MethodName { get; }
}
