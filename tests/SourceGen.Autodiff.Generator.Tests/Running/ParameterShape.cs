namespace SourceGen.Autodiff.Generator.Tests.Running;

/// <summary>One parameter: its kind, and whether the contract gives it a gradient buffer.</summary>
public sealed record ParameterShape(string Name, ValueKind Kind, bool HasGradient);
