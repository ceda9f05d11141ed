namespace SourceGen.Autodiff.Optimization;

/// <summary>
/// AdamW (Loshchilov and Hutter), as PyTorch's <c>torch.optim.AdamW</c>: <see cref="Adam"/> with the
/// weight decay decoupled from the gradient, <c>p *= 1 - lr · weightDecay</c> before the Adam step, so
/// the moment estimates never see it. PyTorch's default decay, 0.01, is the default here too.
/// </summary>
public sealed class AdamW : Adam
{
    /// <param name="parameterCount">The length of the parameter and gradient spans.</param>
    /// <param name="learningRate">The learning rate (PyTorch's <c>lr</c>, default 1e-3).</param>
    /// <param name="beta1">The decay of the first-moment (mean) estimate, in [0, 1).</param>
    /// <param name="beta2">The decay of the second-moment estimate, in [0, 1).</param>
    /// <param name="epsilon">Added to the denominator for numerical stability (PyTorch's <c>eps</c>).</param>
    /// <param name="weightDecay">The decoupled decay: each step multiplies the parameters by <c>1 - lr · weightDecay</c>.</param>
    /// <param name="amsGrad">Divide by the running maximum of the second moment (AMSGrad).</param>
    public AdamW(int parameterCount, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8, double weightDecay = 0.01, bool amsGrad = false)
        : base(parameterCount, learningRate, beta1, beta2, epsilon, weightDecay, amsGrad, decoupledWeightDecay: true)
    {
    }
}
