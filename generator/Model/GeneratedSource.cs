namespace SourceGen.Autodiff.Generator.Model;

/// <summary>One generated file: value-equal, so an unchanged file is not re-added.</summary>
internal sealed record GeneratedSource(string HintName, string Text);
