namespace SourceGen.Autodiff.Generator.Tests.Running;

/// <summary>How a parameter or result of a case's method is passed (as the test sees it, not the generator).</summary>
public enum ValueKind
{
    Real,
    Int,
    Long,
    Bool,
    Array,
    ReadOnlySpan,
    OutputSpan,
    Tensor,
    Void,
}
