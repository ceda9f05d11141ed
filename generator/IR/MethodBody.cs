using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.IR;

/// <summary>
/// The lowered body: straight-line statements in SSA form, or (<see cref="HasControlFlow"/>)
/// structured statements over mutable variables; and the names it uses so that generated names
/// never collide with the user's.
/// </summary>
internal sealed record MethodBody(EquatableArray<Statement> Statements, EquatableArray<string> UsedNames, EquatableArray<LocalVariable> Locals, bool HasControlFlow);

/// <summary>A scalar local of a method with branches or loops: declared once, at the top of the generated method.</summary>
internal sealed record LocalVariable(string Name, ScalarType Type);
