using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.IR;

/// <summary>
/// The lowered body: statements in SSA form, and the names it uses so that generated names
/// never collide with the user's.
/// </summary>
internal sealed record MethodBody(EquatableArray<Statement> Statements, EquatableArray<string> UsedNames);
