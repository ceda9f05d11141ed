using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Differentiation;

/// <summary>
/// The differentiated method, ready to print: the forward sweep (the original body, with
/// values the reverse sweep reuses given names), the reverse sweep, and which forward values
/// the reverse sweep reads (a pullback object keeps exactly those).
/// </summary>
internal sealed record BackwardProgram(
    MethodModel Method,
    EquatableArray<Statement> Forward,
    EquatableArray<BackwardStatement> Reverse,
    EquatableArray<string> CapturedValues,
    string? ResultName);
