using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SourceGen.Autodiff.Generator.Tests.Harness;

namespace SourceGen.Autodiff.Generator.Tests.Robustness;

/// <summary>
/// What the robustness tests feed the generator from one source file. Small files are taken
/// whole. A large file is taken one [Differentiable] method at a time (with the file's usings,
/// namespace, type declarations, fields, and the [Differentiable] methods of the file it calls
/// by name), because every prefix of a 500-line file re-lowers every complete method before the
/// cut: quadratic, and the cuts that matter are the ones inside a method. A large file without
/// [Differentiable] methods is taken whole, its prefixes at a stride. Without the
/// <see cref="LongTests"/> switch every unit's prefixes are sampled: at most
/// <see cref="DefaultPrefixesPerUnit"/>, evenly spaced, and the whole unit.
/// </summary>
public static class SourceUnits
{
    public const int WholeFileLines = 200;
    public const int MaxPrefixesOfLargeFile = 100;
    public const int DefaultPrefixesPerUnit = 6;

    public sealed record Unit(string Label, string Text, CSharpParseOptions Options, int PrefixStride);

    public static IReadOnlyList<Unit> Split(string name, string text)
    {
        var options = OptionsFor(text);
        var lines = LineDiff.Lines(text).Length;
        if (lines <= WholeFileLines)
        {
            return new[] { new Unit(name, text, options, SampledStride(lines, 1)) };
        }
        var root = CSharpSyntaxTree.ParseText(text, options).GetCompilationUnitRoot();
        var methods = root.DescendantNodes().OfType<MethodDeclarationSyntax>().ToList();
        var differentiable = methods.Where(IsDifferentiable).ToList();
        if (differentiable.Count == 0)
        {
            var stride = (lines + MaxPrefixesOfLargeFile - 1) / MaxPrefixesOfLargeFile;
            stride = SampledStride(lines, stride);
            return new[] { new Unit($"{name} (every {stride} lines)", text, options, stride) };
        }
        return differentiable
            .Select(method =>
            {
                var unit = KeepOnly(root, methods, method);
                return new Unit($"{name}, {method.Identifier.ValueText} alone", unit, options, SampledStride(LineDiff.Lines(unit).Length, 1));
            })
            .ToList();
    }

    /// <summary>The prefix stride of a unit of <paramref name="lines"/> lines: <paramref name="full"/> in long runs, else sampled.</summary>
    private static int SampledStride(int lines, int full) =>
        LongTests.Enabled ? full : Math.Max(full, (lines + DefaultPrefixesPerUnit - 1) / DefaultPrefixesPerUnit);

    /// <summary>Defines every symbol the file tests in #if/#elif, so code behind feature switches is included.</summary>
    public static CSharpParseOptions OptionsFor(string text) =>
        TestCompilation.ParseOptions.WithPreprocessorSymbols(
            Regex.Matches(text, @"^\s*#\s*(?:el)?if\s+!?\(?([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.Multiline)
                .Select(m => m.Groups[1].Value)
                .Distinct());

    private static bool IsDifferentiable(MethodDeclarationSyntax method) =>
        method.AttributeLists.SelectMany(list => list.Attributes).Any(a => a.Name.ToString() is "Differentiable" or "DifferentiableAttribute" or "SourceGen.Autodiff.Differentiable");

    /// <summary>The file with every method removed but <paramref name="kept"/> and the [Differentiable] methods it calls.</summary>
    private static string KeepOnly(CompilationUnitSyntax root, List<MethodDeclarationSyntax> methods, MethodDeclarationSyntax kept)
    {
        var called = new HashSet<string>(kept.DescendantNodes().OfType<InvocationExpressionSyntax>().Select(CalledName).OfType<string>());
        var removed = methods.Where(m => m != kept && !(IsDifferentiable(m) && called.Contains(m.Identifier.ValueText)));
        return root.RemoveNodes(removed, SyntaxRemoveOptions.KeepNoTrivia)!.ToFullString();
    }

    private static string? CalledName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        IdentifierNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax { Name: var name } => name.Identifier.ValueText,
        _ => null,
    };
}
