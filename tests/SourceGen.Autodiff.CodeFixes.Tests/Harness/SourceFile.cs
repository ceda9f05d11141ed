namespace SourceGen.Autodiff.CodeFixes.Tests.Harness;

/// <summary>A further file of the test project, with the path the compiler sees.</summary>
public sealed record SourceFile(string Path, string Text)
{
    /// <summary>
    /// A file at the path Roslyn gives the output of SourceGen.Autodiff's generator, which the
    /// analyzer recognises as the generator's own (no DIFF013 for what it declares).
    /// </summary>
    public static SourceFile Generated(string hintName, string text) =>
        new("SourceGen.Autodiff.Generator/SourceGen.Autodiff.Generator.DifferentiableGenerator/" + hintName, text);
}
