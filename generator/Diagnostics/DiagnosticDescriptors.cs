using Microsoft.CodeAnalysis;

namespace SourceGen.Autodiff.Generator.Diagnostics;

/// <summary>
/// The one catalog of every diagnostic the project reports. IDs are stable and documented in
/// docs/diagnostics/DIFFnnn.md; AnalyzerReleases.*.md tracks them.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "SourceGen.Autodiff";
    // The page's path from the repository root: the project has no public address to link to yet.
    private const string HelpLinkFormat = "docs/diagnostics/{0}.md";

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: string.Format(HelpLinkFormat, id));

    /// <summary>{0}: the type's name, {1}: the method's name.</summary>
    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Create(
        "DIFF001", "Type containing a [Differentiable] method must be partial",
        "Type '{0}' must be declared partial: the generator adds the derivatives of '{1}' to it",
        DiagnosticSeverity.Error);

    /// <summary>{0}: the method's name.</summary>
    public static readonly DiagnosticDescriptor MethodNotStatic = Create(
        "DIFF002", "[Differentiable] method must be static",
        "[Differentiable] method '{0}' must be static: its derivatives are static methods that take every input as a parameter",
        DiagnosticSeverity.Error);

    /// <summary>{0}: parameter name, {1}: its type, {2}: method name, {3}: what is supported.</summary>
    public static readonly DiagnosticDescriptor UnsupportedParameterType = Create(
        "DIFF003", "Parameter type cannot be differentiated",
        "Parameter '{0}' of '{2}' has type '{1}', which cannot be differentiated; {3}",
        DiagnosticSeverity.Error);

    /// <summary>{0}: the return type, {1}: method name, {2}: what is supported.</summary>
    public static readonly DiagnosticDescriptor UnsupportedReturnType = Create(
        "DIFF004", "Return type cannot be differentiated",
        "'{1}' returns '{0}', which cannot be differentiated; {2}",
        DiagnosticSeverity.Error);

    /// <summary>{0}: the statement's kind, {1}: what to do instead.</summary>
    public static readonly DiagnosticDescriptor UnsupportedStatement = Create(
        "DIFF005", "Statement cannot be differentiated",
        "Cannot differentiate through {0}: {1}",
        DiagnosticSeverity.Error);

    /// <summary>{0}: the expression's text, {1}: why and what to do instead.</summary>
    public static readonly DiagnosticDescriptor UnsupportedExpression = Create(
        "DIFF006", "Expression cannot be differentiated",
        "Cannot differentiate through '{0}': {1}",
        DiagnosticSeverity.Error);

    /// <summary>
    /// Reported by the C# compiler itself when user code calls <c>MGradient</c> on a method whose
    /// result is not a scalar: the generator emits that method with [Obsolete(error: true)] and
    /// this ID, so the error appears while typing, with this message.
    /// {0}: method name, {1}: result type.
    /// </summary>
    public static readonly DiagnosticDescriptor ImplicitSeedOnNonScalar = Create(
        "DIFF007", "Gradient can be implicitly created only for scalar outputs",
        "grad can be implicitly created only for scalar outputs: '{0}' returns {1}, not a scalar; call {0}Backward(..., seed, ...) with a seed of the result's shape (Seed.Ones(...) for all ones) instead",
        DiagnosticSeverity.Error);

    /// <summary>
    /// {0}: the called method, {1}: the argument, {2}: how to give it a derivative ("mark it
    /// [Differentiable] or ..." only when it is declared in the compilation's source).
    /// </summary>
    public static readonly DiagnosticDescriptor CallWithoutDerivative = Create(
        "DIFF008", "Called method has no derivative",
        "Cannot differentiate through the call to '{0}': it has no derivative; {2}, or wrap '{1}' in Gradient.Stop(...) if no gradient should flow",
        DiagnosticSeverity.Error);

    /// <summary>{0}: the function or operator, quoted where it is code ("'Math.Floor'", "a comparison used as a value").</summary>
    public static readonly DiagnosticDescriptor ZeroDerivative = Create(
        "DIFF009", "Function has a zero derivative",
        "{0} has a zero derivative almost everywhere: no gradient flows through it; wrap its argument in Gradient.Stop(...) to say this is intended",
        DiagnosticSeverity.Warning);

    /// <summary>{0}: the parameter.</summary>
    public static readonly DiagnosticDescriptor WriteToInput = Create(
        "DIFF011", "Cannot write into an input parameter",
        "Cannot differentiate a write into input parameter '{0}': inputs are read-only in a [Differentiable] method; copy it into a local array or write into a Span<double> output parameter",
        DiagnosticSeverity.Error);

    /// <summary>{0}: the method.</summary>
    public static readonly DiagnosticDescriptor ResultIndependentOfParameters = Create(
        "DIFF012", "Result does not depend on any differentiable parameter",
        "The result of '{0}' does not depend on any differentiable parameter: its gradient is always zero; use a parameter in the result or remove [Differentiable]",
        DiagnosticSeverity.Warning);

    /// <summary>{0}: the generated member, {1}: the type, {2}: the method.</summary>
    public static readonly DiagnosticDescriptor GeneratedNameCollision = Create(
        "DIFF013", "Generated member collides with an existing member",
        "The generator adds '{0}' to '{1}' for '{2}', but '{1}' already has a member with that name; rename one of them",
        DiagnosticSeverity.Error);

    /// <summary>{0}: the derivative method, {1}: what is wrong, with the expected signature ("expected: static double MVjp(...)").</summary>
    public static readonly DiagnosticDescriptor DerivativeSignatureMismatch = Create(
        "DIFF014", "User derivative has the wrong signature",
        "'{0}' does not have the signature of a derivative of its original; {1}",
        DiagnosticSeverity.Error);

    /// <summary>{0}: the method, {1}: what is wrong.</summary>
    public static readonly DiagnosticDescriptor UnsupportedMethodShape = Create(
        "DIFF015", "Method shape cannot be differentiated",
        "Cannot differentiate '{0}': {1}",
        DiagnosticSeverity.Error);

    /// <summary>{0}: the called method, {1}: why it cannot be differentiated (its own first diagnostic and where).</summary>
    public static readonly DiagnosticDescriptor CalleeNotDifferentiable = Create(
        "DIFF016", "Called [Differentiable] method cannot be differentiated",
        "Cannot differentiate through the call to '{0}': {1}",
        DiagnosticSeverity.Error);
}
