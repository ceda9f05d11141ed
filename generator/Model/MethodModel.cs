namespace SourceGen.Autodiff.Generator.Model;

/// <summary>Placeholder; replaced by the real value-equal model.</summary>
internal sealed record MethodModel(string Name);
