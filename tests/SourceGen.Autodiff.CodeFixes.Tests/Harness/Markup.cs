using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace SourceGen.Autodiff.CodeFixes.Tests.Harness;

/// <summary>Source text with <c>[|...|]</c> around the spans a diagnostic should cover.</summary>
public sealed class Markup
{
    private const string Open = "[|";
    private const string Close = "|]";

    private Markup(string text, IReadOnlyList<TextSpan> spans)
    {
        Text = text;
        Spans = spans;
    }

    /// <summary>The source without the markers.</summary>
    public string Text { get; }

    /// <summary>The marked spans, in order, in <see cref="Text"/>'s coordinates.</summary>
    public IReadOnlyList<TextSpan> Spans { get; }

    public static Markup Parse(string markup)
    {
        var text = new System.Text.StringBuilder();
        var spans = new List<TextSpan>();
        int position = 0;
        while (true)
        {
            int open = markup.IndexOf(Open, position, StringComparison.Ordinal);
            if (open < 0)
            {
                text.Append(markup, position, markup.Length - position);
                return new Markup(text.ToString(), spans);
            }

            int close = markup.IndexOf(Close, open, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new ArgumentException("A '[|' marker has no matching '|]'.", nameof(markup));
            }

            text.Append(markup, position, open - position);
            int start = text.Length;
            text.Append(markup, open + Open.Length, close - open - Open.Length);
            spans.Add(TextSpan.FromBounds(start, text.Length));
            position = close + Close.Length;
        }
    }
}
