using System;

namespace SourceGen.Autodiff.Optimization;

/// <summary>
/// Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and (L2)
/// weight decay: PyTorch's <c>torch.optim.SGD</c>, step for step. With
/// <c>g = gradient + weightDecay · p</c>, the first step sets the momentum buffer to <c>b = g</c>, later ones
/// <c>b = momentum · b + (1 - dampening) · g</c>; the update is
/// <c>p -= lr · (g + momentum · b)</c> with Nesterov, <c>p -= lr · b</c> without (and <c>p -= lr · g</c>
/// when momentum is 0).
/// </summary>
public sealed class Sgd : Optimizer
{
    private readonly double[] _momentumBuffer;

    /// <param name="parameterCount">The length of the parameter and gradient spans.</param>
    /// <param name="learningRate">The learning rate (PyTorch's <c>lr</c>).</param>
    /// <param name="momentum">The momentum factor; 0 for plain gradient descent.</param>
    /// <param name="dampening">Scales the new gradient's share of the momentum buffer by <c>1 - dampening</c>.</param>
    /// <param name="nesterov">Nesterov momentum; needs a positive momentum and zero dampening, as in PyTorch.</param>
    /// <param name="weightDecay">The L2 penalty: adds <c>weightDecay · p</c> to the gradient.</param>
    public Sgd(int parameterCount, double learningRate, double momentum = 0, double dampening = 0, bool nesterov = false, double weightDecay = 0)
        : base(parameterCount, learningRate)
    {
        Require.NonNegative(momentum, nameof(momentum));
        Require.NonNegative(dampening, nameof(dampening));
        Require.NonNegative(weightDecay, nameof(weightDecay));
        if (nesterov && (momentum <= 0 || dampening != 0))
        {
            throw new ArgumentException("Nesterov momentum requires a positive momentum and zero dampening.", nameof(nesterov));
        }
        Momentum = momentum;
        Dampening = dampening;
        Nesterov = nesterov;
        WeightDecay = weightDecay;
        _momentumBuffer = momentum != 0 ? new double[parameterCount] : [];
    }

    /// <summary>The momentum factor (0: none).</summary>
    public double Momentum { get; }

    /// <summary>The dampening of the gradient's share of the momentum buffer.</summary>
    public double Dampening { get; }

    /// <summary>Whether the step uses Nesterov momentum.</summary>
    public bool Nesterov { get; }

    /// <summary>The L2 penalty added to the gradient.</summary>
    public double WeightDecay { get; }

    /// <inheritdoc/>
    protected override void Update(Span<double> parameters, ReadOnlySpan<double> gradient, int step)
    {
        double lr = LearningRate;
        for (int i = 0; i < parameters.Length; i++)
        {
            double g = gradient[i];
            if (WeightDecay != 0)
            {
                g += WeightDecay * parameters[i];
            }
            if (Momentum != 0)
            {
                // PyTorch starts the buffer at the first gradient, undamped.
                double b = step == 1 ? g : Momentum * _momentumBuffer[i] + (1 - Dampening) * g;
                _momentumBuffer[i] = b;
                g = Nesterov ? g + Momentum * b : b;
            }
            parameters[i] -= lr * g;
        }
    }

    /// <inheritdoc/>
    protected override void ClearState() => Array.Clear(_momentumBuffer);
}
