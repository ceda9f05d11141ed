namespace SourceGen.Autodiff.CodeFixes;

/// <summary>Names of the runtime API that fixed code refers to.</summary>
internal static class AutodiffNames
{
    public const string Namespace = "SourceGen.Autodiff";
    public const string DifferentiableAttribute = Namespace + ".DifferentiableAttribute";
    public const string Tensor = Namespace + ".Tensor";
    public const string Gradient = Namespace + ".Gradient";
    public const string Seed = Namespace + ".Seed";
}
