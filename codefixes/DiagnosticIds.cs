namespace SourceGen.Autodiff.CodeFixes;

/// <summary>
/// The IDs this assembly fixes. Plain strings (not the generator's catalog) so the code fixes
/// do not depend on the generator assembly; a test checks them against the catalog.
/// </summary>
internal static class DiagnosticIds
{
    public const string ContainingTypeNotPartial = "DIFF001";
    public const string MethodNotStatic = "DIFF002";
    public const string ImplicitSeedOnNonScalar = "DIFF007";
    public const string CallWithoutDerivative = "DIFF008";
    public const string ZeroDerivative = "DIFF009";
}
