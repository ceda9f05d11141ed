using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SourceGen.Autodiff.Generator.Tests.Harness;

namespace SourceGen.Autodiff.Generator.Tests.Robustness;

/// <summary>
/// Random edits of a source at the token level, the kind a user makes mid-keystroke or by
/// mistake: deleted tokens, swapped operators, unbalanced or duplicated braces, identifiers
/// replaced by other names (including Math functions, types and the generator's own names),
/// inserted fragments (branches, loops, attributes, modifiers), swapped neighbours, duplicated lines.
/// Deterministic for a given Random.
/// </summary>
public static class Mutator
{
    private static readonly string[] Operators = { "+", "-", "*", "/", "%", "==", "<", ">=", "=", "+=", "*=", "&&", "?", "!", "++" };

    private static readonly string[] Names =
    {
        "x", "y", "s", "w", "b", "t", "i", "n", "seed", "xGrad", "result", "pullback", "elementBar", "value", "Value",
        "Sin", "Cos", "Exp", "Log", "Pow", "Max", "Clamp", "Floor", "Sign", "Atan2", "Abs", "Sqrt", "Round",
        "double", "float", "int", "long", "bool", "var", "decimal", "object", "Tensor", "Span", "ReadOnlySpan", "Math", "MathF",
        "Zeros", "Sum", "Length", "Stop", "Gradient", "Differentiable", "NoGradient", "FBackward", "LossGradient",
    };

    private static readonly string[] Fragments =
    {
        "(", ")", "{", "}", "[", "]", ";", ",", ".", "ref ", "out ", "in ", "params ", "static ", "partial ", "async ", "this ",
        "return ", "return x; ", "if (x > 0) ", "else ", "for (int i = 0; i < 3; i++) ", "while (false) ", "throw null; ",
        "[Differentiable] ", "[NoGradient] ", "new double[2]", "Tensor.Zeros(2)", "x[0]", "x[i]", "0.0", "-1", "1e308", "double.NaN",
        "(int)", "(float)", "?.", "=> ", "default", "null!", "Gradient.Stop(", "Math.Sin(", "Method(x)", "<T>", "where T : struct ",
    };

    public sealed record Mutation(string Text, IReadOnlyList<string> Edits);

    /// <summary>One to three random edits of <paramref name="source"/>.</summary>
    public static Mutation Mutate(string source, Random random)
    {
        var text = source;
        var edits = new List<string>();
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            var tokens = TestCompilation.Parse(text, "Mutated.cs").GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToList();
            if (tokens.Count == 0)
            {
                break;
            }
            var (next, edit) = Edit(text, tokens, random);
            text = next;
            edits.Add(edit);
        }
        return new Mutation(text, edits);
    }

    private static (string Text, string Edit) Edit(string text, List<SyntaxToken> tokens, Random random)
    {
        var token = tokens[random.Next(tokens.Count)];
        switch (random.Next(8))
        {
            case 0:
                return (Replace(text, token, ""), $"deleted '{token.Text}' at {token.SpanStart}");
            case 1:
                var op = tokens.Where(t => SyntaxFacts.IsBinaryExpressionOperatorToken(t.Kind()) || SyntaxFacts.IsAssignmentExpressionOperatorToken(t.Kind())).ToList();
                token = op.Count > 0 ? op[random.Next(op.Count)] : token;
                var replacement = Pick(random, Operators);
                return (Replace(text, token, replacement), $"operator '{token.Text}' -> '{replacement}' at {token.SpanStart}");
            case 2:
                var braces = tokens.Where(t => t.IsKind(SyntaxKind.OpenBraceToken) || t.IsKind(SyntaxKind.CloseBraceToken)).ToList();
                token = braces.Count > 0 ? braces[random.Next(braces.Count)] : token;
                var doubled = random.Next(2) == 0;
                return (Replace(text, token, doubled ? token.Text + token.Text : ""), $"{(doubled ? "doubled" : "deleted")} '{token.Text}' at {token.SpanStart}");
            case 3:
                var identifiers = tokens.Where(t => t.IsKind(SyntaxKind.IdentifierToken) || SyntaxFacts.IsPredefinedType(t.Kind())).ToList();
                token = identifiers.Count > 0 ? identifiers[random.Next(identifiers.Count)] : token;
                var name = random.Next(4) == 0 ? RandomIdentifier(random) : Pick(random, Names);
                return (Replace(text, token, name), $"'{token.Text}' -> '{name}' at {token.SpanStart}");
            case 4:
                var fragment = Pick(random, Fragments);
                return (text.Insert(token.SpanStart, fragment), $"inserted '{fragment}' at {token.SpanStart}");
            case 5:
                var index = tokens.IndexOf(token);
                if (index + 1 >= tokens.Count)
                {
                    return (Replace(text, token, ""), $"deleted last token '{token.Text}'");
                }
                var after = tokens[index + 1];
                var swapped = text.Substring(0, token.SpanStart) + after.Text + text.Substring(token.Span.End, after.SpanStart - token.Span.End) + token.Text + text.Substring(after.Span.End);
                return (swapped, $"swapped '{token.Text}' and '{after.Text}' at {token.SpanStart}");
            case 6:
                var lines = LineDiff.Lines(text).ToList();
                var line = random.Next(lines.Count);
                lines.Insert(line, lines[line]);
                return (string.Join("\n", lines), $"duplicated line {line + 1}");
            default:
                var literals = tokens.Where(t => t.IsKind(SyntaxKind.NumericLiteralToken)).ToList();
                token = literals.Count > 0 ? literals[random.Next(literals.Count)] : token;
                var literal = Pick(random, new[] { "0", "1", "-1", "0.5", "2", "1e308", "3L", "2f", "int.MaxValue", "double.Epsilon" });
                return (Replace(text, token, literal), $"'{token.Text}' -> '{literal}' at {token.SpanStart}");
        }
    }

    private static string Replace(string text, SyntaxToken token, string replacement) =>
        text.Substring(0, token.SpanStart) + replacement + text.Substring(token.Span.End);

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];

    private static string RandomIdentifier(Random random)
    {
        const string letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_";
        var length = random.Next(1, 8);
        return new string(Enumerable.Range(0, length).Select(_ => letters[random.Next(letters.Length)]).ToArray());
    }
}
