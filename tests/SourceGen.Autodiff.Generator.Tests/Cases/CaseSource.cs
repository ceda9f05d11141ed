namespace SourceGen.Autodiff.Generator.Tests.Cases;

/// <summary>The file around a case's method: usings, a namespace and a static partial class.</summary>
public static class CaseSource
{
    public static string InFunctions(string method) =>
        "using System;\n" +
        "using SourceGen.Autodiff;\n" +
        "\n" +
        "namespace Cases;\n" +
        "\n" +
        "public static partial class Functions\n" +
        "{\n" +
        Indent(method.Trim('\n')) +
        "}\n";

    private static string Indent(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var result = new System.Text.StringBuilder();
        foreach (var line in lines)
        {
            result.Append(line.Length == 0 ? "" : "    " + line).Append('\n');
        }
        return result.ToString();
    }
}
