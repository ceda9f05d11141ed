using System.Collections.Generic;
using System.Linq;

namespace SourceGen.Autodiff.Generator.Model;

/// <summary>
/// The contract of generated members for one [Differentiable] method M (the README's "Generated
/// API"): which members exist and their names. Computed once from the method's signature, so the
/// emitters that write the members and the analyzer that reports a user member of the same name
/// (DIFF013) cannot disagree.
/// </summary>
internal sealed record GeneratedMembers(
    string Backward,
    string Gradient,
    string Pullback,
    string PullbackResult,
    string? Jacobian,
    string? TapedForward,
    string? TapedReverse)
{
    public const string TapedForwardSuffix = "TapedForward";
    public const string TapedReverseSuffix = "TapedReverse";

    public static GeneratedMembers Of(MethodModel method) => Of(method.Name, method.Parameters, method.Result);

    /// <summary>
    /// MBackward, MGradient, MPullback and its class MPullbackResult always (for a tuple result
    /// MBackward takes one double seed per element, <c>dxSeed, dySeed</c>, and returns the tuple;
    /// the pullback's Value is the tuple and its Backward takes the same seeds); MJacobian (and its
    /// overload writing into a caller's buffer, not for a tensor or tuple) for a non-scalar result
    /// and any differentiable input;
    /// MTapedForward/MTapedReverse (what calling [Differentiable] methods use) for a scalar, array
    /// or tuple result, and for a void result with a Span output (the caller's adjoint of what it
    /// passed as the output is the reverse's seed, used and cleared in place).
    /// </summary>
    public static GeneratedMembers Of(string name, IEnumerable<ParameterModel> parameters, ResultModel result)
    {
        var hasJacobian = result.Kind != ResultKind.Scalar && parameters.Any(p => p.IsDifferentiable);
        var taped = result.Kind is ResultKind.Scalar or ResultKind.Void or ResultKind.Array or ResultKind.Tuple;
        return new GeneratedMembers(
            name + "Backward",
            name + "Gradient",
            name + "Pullback",
            PullbackResultName(name),
            hasJacobian ? name + "Jacobian" : null,
            taped ? TapedForwardName(name) : null,
            taped ? TapedReverseName(name) : null);
    }

    /// <summary>MPullbackResult: also the nested class two [Differentiable] overloads of one name would both get.</summary>
    public static string PullbackResultName(string method) => method + "PullbackResult";

    /// <summary>The taped forward sweep of a [Differentiable] method called by name from another.</summary>
    public static string TapedForwardName(string method) => method + TapedForwardSuffix;

    public static string TapedReverseName(string method) => method + TapedReverseSuffix;

    public bool HasJacobian => Jacobian is not null;

    public bool HasTaped => TapedForward is not null;

    /// <summary>Every member name this method adds to its type.</summary>
    public IEnumerable<string> All =>
        new[] { Backward, Gradient, Pullback, PullbackResult, Jacobian, TapedForward, TapedReverse }.Where(n => n is not null)!;
}
