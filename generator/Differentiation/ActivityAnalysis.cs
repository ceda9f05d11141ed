using System.Collections.Generic;
using System.Linq;
using SourceGen.Autodiff.Generator.IR;
using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Differentiation;

/// <summary>
/// Forward activity ("varied"): which values depend on a differentiable input. The reverse sweep
/// builds adjoints only for those; values that don't reach the result get none anyway, because
/// nothing propagates into them.
/// </summary>
internal sealed class ActivityAnalysis
{
    private readonly HashSet<string> _varied = new();

    public ActivityAnalysis(MethodModel method, IEnumerable<Statement> statements)
    {
        foreach (var parameter in method.Parameters.Where(p => p.IsDifferentiable))
        {
            _varied.Add(parameter.Name);
        }
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case Let let when let.Value.Type.IsReal() && IsVaried(let.Value):
                    _varied.Add(let.Name);
                    break;
                case Store store when IsVaried(store.Value):
                    _varied.Add(store.Aggregate);
                    break;
                case TensorLet tensor when IsVaried(tensor.Value):
                    _varied.Add(tensor.Name);
                    break;
            }
        }
    }

    public bool IsVaried(string name) => _varied.Contains(name);

    public bool IsVaried(Expr expr) => FlowActivity.IsVaried(expr, _varied);

    public bool IsVaried(TensorExpr expr) => FlowActivity.IsVaried(expr, _varied);
}
