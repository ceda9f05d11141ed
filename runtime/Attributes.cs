using System;

namespace SourceGen.Autodiff;

/// <summary>
/// Marks a static method of a partial type for compile-time reverse-mode differentiation.
/// The generator adds <c>MBackward</c>, <c>MGradient</c>, <c>MPullback</c> and <c>MJacobian</c>
/// to the same type; see the README for the contract.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class DifferentiableAttribute : Attribute
{
}

/// <summary>
/// Marks a parameter of a <see cref="DifferentiableAttribute"/> method as data: it gets no
/// gradient buffer and costs nothing in the backward sweep.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class NoGradientAttribute : Attribute
{
}
