using System.Text;

namespace SourceGen.Autodiff.Generator.Emission;

/// <summary>Writes C# a line at a time with four-space indentation (never NormalizeWhitespace).</summary>
internal sealed class IndentedWriter
{
    private readonly StringBuilder _text = new();
    private int _depth;

    /// <summary>
    /// The statement reporting the records held to <c>RecordMeter</c> (null: none), printed where
    /// the records of the method being written peak; see <c>RecordMeterLines</c>.
    /// </summary>
    public string? RecordMeterCall { get; set; }

    public void Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _depth * 4);
        }
        _text.Append(line).Append('\n');
    }

    public void Open(string header)
    {
        Line(header);
        OpenBlock();
    }

    /// <summary>A bare block, for scoping locals.</summary>
    public void OpenBlock()
    {
        Line("{");
        _depth++;
    }

    public void Close(string suffix = "")
    {
        _depth--;
        Line("}" + suffix);
    }

    public override string ToString() => _text.ToString();
}
