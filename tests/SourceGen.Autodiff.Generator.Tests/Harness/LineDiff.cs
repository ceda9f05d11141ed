using System;
using System.Collections.Generic;
using System.Text;

namespace SourceGen.Autodiff.Generator.Tests.Harness;

/// <summary>
/// A line diff (longest common subsequence) printed as hunks with context, "-" for the
/// expected line and "+" for the actual one, each with its line number.
/// </summary>
public static class LineDiff
{
    private const int Context = 2;

    public static string[] Lines(string text) => text.Replace("\r\n", "\n").Split('\n');

    /// <summary>Null when the texts have the same lines.</summary>
    public static string? Describe(string expected, string actual)
    {
        var a = Lines(expected);
        var b = Lines(actual);
        var edits = Edits(a, b);
        if (edits.TrueForAll(e => e.Kind == ' '))
        {
            return null;
        }
        var text = new StringBuilder();
        var lastPrinted = -1;
        for (var i = 0; i < edits.Count; i++)
        {
            if (!NearChange(edits, i))
            {
                continue;
            }
            if (lastPrinted >= 0 && i > lastPrinted + 1)
            {
                text.AppendLine("  ...");
            }
            var e = edits[i];
            var number = e.Kind == '+' ? $"     {e.ActualLine,4}" : $"{e.ExpectedLine,4}     ";
            text.Append(e.Kind).Append(' ').Append(number).Append(" | ").AppendLine(e.Text);
            lastPrinted = i;
        }
        return text.ToString();
    }

    private static bool NearChange(List<Edit> edits, int i)
    {
        for (var j = Math.Max(0, i - Context); j <= Math.Min(edits.Count - 1, i + Context); j++)
        {
            if (edits[j].Kind != ' ')
            {
                return true;
            }
        }
        return false;
    }

    private readonly record struct Edit(char Kind, int ExpectedLine, int ActualLine, string Text);

    private static List<Edit> Edits(string[] a, string[] b)
    {
        // lcs[i, j]: length of the longest common subsequence of a[i..] and b[j..].
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }
        var edits = new List<Edit>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                edits.Add(new Edit(' ', x + 1, y + 1, a[x]));
                x++;
                y++;
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                // Removals first, so a changed line reads "-" old then "+" new.
                edits.Add(new Edit('-', x + 1, y + 1, a[x]));
                x++;
            }
            else
            {
                edits.Add(new Edit('+', x + 1, y + 1, b[y]));
                y++;
            }
        }
        return edits;
    }
}
