using SourceGen.Autodiff.Generator.Model;

namespace SourceGen.Autodiff.Generator.Differentiation;

/// <summary>
/// From a lowered method to the programs the emitters print, in order. One reverse transform
/// (two backends still: <see cref="ReverseMode"/> for straight-line code, <see cref="FlowReverseMode"/>
/// for branches, loops and calls), then the optimizations of the Backward method, each a pass
/// that <see cref="PassOptions"/> can switch off:
/// <list type="number">
/// <item>FusedSums (straight-line): a whole-tensor Sum() runs its elements' reverse in the loop that adds them.</item>
/// <item>TidyAdjoints (in the flow transform): adjacent accumulations into one adjoint merge (<c>a += t1 + t2</c>), and fused iterations drop unread copies.</item>
/// <item>LoopFusion: a loop that sums into the result runs each iteration's reverse right after it.</item>
/// <item>Tangents: scalar inputs' derivatives ride the forward sweep when that removes every record.</item>
/// <item>InPlaceSelfUpdates: the reverse of <c>r = r * x + c</c> updates <c>rBar</c> in place.</item>
/// <item>InvariantAccumulators: a reverse loop's additions into one element at an index it does not change are summed in a local, added once after it.</item>
/// <item>LocalRecords: records live in the Backward method's own stack spans instead of the tape object.</item>
/// </list>
/// The pullback and the taped entry points print the unoptimized program; Backward prints
/// <see cref="BackwardProgram.FusedBackward"/>.
/// </summary>
internal static class DifferentiationPipeline
{
    public static BackwardProgram Differentiate(MethodModel method, PassOptions options)
    {
        if (!method.Body.HasControlFlow)
        {
            return ReverseMode.Differentiate(method, options);
        }
        var program = FlowReverseMode.Transform(method, options);
        var fused = options.LoopFusion ? FlowReverseMode.Fuse(method, options) : null;
        var backward = (options.Tangents ? TangentMode.TryBuild(method, fused ?? program, options) : null) ?? fused ?? program;
        if (options.InPlaceSelfUpdates)
        {
            backward = FlowReverseMode.InPlaceSelfUpdates(backward);
        }
        if (options.InvariantAccumulators)
        {
            backward = FlowReverseMode.InvariantAccumulators(backward);
        }
        if (options.LocalRecords)
        {
            backward = LocalRecords.Apply(backward);
        }
        return program with { FusedBackward = backward };
    }
}
