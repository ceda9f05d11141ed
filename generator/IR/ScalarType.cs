namespace SourceGen.Autodiff.Generator.IR;

/// <summary>The scalar types of the IR. Only real values carry derivatives.</summary>
internal enum ScalarType
{
    Double,
    Float,
    Int,
    Long,
    Bool,
}

internal static class ScalarTypeExtensions
{
    public static bool IsReal(this ScalarType type) => type is ScalarType.Double or ScalarType.Float;

    public static string Keyword(this ScalarType type) => type switch
    {
        ScalarType.Double => "double",
        ScalarType.Float => "float",
        ScalarType.Int => "int",
        ScalarType.Long => "long",
        _ => "bool",
    };
}
