using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SourceGen.Autodiff.Generator.Analyzers;
using SourceGen.Autodiff.Generator.Tests.Cases;
using SourceGen.Autodiff.Generator.Tests.Harness;
using Xunit;

namespace SourceGen.Autodiff.Generator.Tests;

/// <summary>
/// The members the generator writes for a method are exactly the ones the analyzer checks for
/// name collisions (DIFF013): both read one contract, and this holds it to the generated text.
/// </summary>
public sealed class GeneratedMembersContractTests
{
    [Theory]
    [MemberData(nameof(AllCases.Names), MemberType = typeof(AllCases))]
    public void The_analyzer_expects_exactly_the_members_the_generator_writes(string name)
    {
        var testCase = AllCases.Get(name);
        var run = CaseRuns.Get(testCase);
        var differentiable = run.InputCompilation.SyntaxTrees
            .SelectMany(t => t.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            .Where(m => m.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString() == "Differentiable"))
            .ToList();
        var declaration = differentiable.Count == 1 ? differentiable[0] : differentiable.Single(m => m.Identifier.Text == (testCase.MethodUnderTest ?? testCase.Name));
        var methodName = declaration.Identifier.Text;
        var symbol = (IMethodSymbol)run.InputCompilation.GetSemanticModel(declaration.SyntaxTree).GetDeclaredSymbol(declaration)!;

        var (_, text) = run.Sources.Single(s => s.HintName.EndsWith("." + methodName + ".g.cs"));
        var generatedType = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(text).GetRoot()
            .DescendantNodes().OfType<TypeDeclarationSyntax>().First(t => t.Members.OfType<MethodDeclarationSyntax>().Any());
        var written = generatedType.Members.Select(m => m switch
        {
            MethodDeclarationSyntax method => method.Identifier.Text,
            BaseTypeDeclarationSyntax type => type.Identifier.Text,
            _ => "?",
        }).Distinct().OrderBy(n => n);

        Assert.Equal(written, GeneratedMemberNames.For(symbol, declaration).OrderBy(n => n));
    }
}
