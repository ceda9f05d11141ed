using System;

namespace SourceGen.Autodiff.Optimization;

/// <summary>
/// A first-order optimizer over one flat buffer of parameters, with the update rules of PyTorch's
/// <c>torch.optim</c>. The state (momentum, moment estimates) is allocated once, in the
/// constructor, for <see cref="ParameterCount"/> parameters; <see cref="Step"/> allocates nothing.
/// Every rule here is elementwise, so one optimizer per parameter buffer (for the separate
/// gradient buffers a generated <c>MBackward</c> fills) behaves exactly like one optimizer over
/// their concatenation.
/// </summary>
public abstract class Optimizer
{
    private double _learningRate;

    /// <param name="parameterCount">The length of the parameter and gradient spans passed to <see cref="Step"/>.</param>
    /// <param name="learningRate">The initial learning rate (non-negative).</param>
    protected Optimizer(int parameterCount, double learningRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(parameterCount);
        ParameterCount = parameterCount;
        LearningRate = learningRate;
    }

    /// <summary>The length of the spans <see cref="Step"/> accepts.</summary>
    public int ParameterCount { get; }

    /// <summary>
    /// The learning rate of the next step. A <see cref="LearningRateSchedule"/> sets it (see
    /// <see cref="LearningRateSchedule.Apply"/>), or set it yourself between steps.
    /// </summary>
    public double LearningRate
    {
        get => _learningRate;
        set
        {
            Require.NonNegative(value, nameof(LearningRate));
            _learningRate = value;
        }
    }

    /// <summary>How many steps have been taken since construction or the last <see cref="Reset"/>.</summary>
    public int StepCount { get; private set; }

    /// <summary>
    /// Updates <paramref name="parameters"/> in place from <paramref name="gradient"/> (the gradient of the
    /// loss to minimize, e.g. filled by a generated <c>MBackward</c>). Allocates nothing.
    /// </summary>
    /// <exception cref="ArgumentException">A span's length is not <see cref="ParameterCount"/>.</exception>
    public void Step(Span<double> parameters, ReadOnlySpan<double> gradient)
    {
        Shapes.RequireLength(parameters.Length, ParameterCount, nameof(parameters), "the optimizer");
        Shapes.RequireLength(gradient.Length, ParameterCount, nameof(gradient), "the optimizer");
        StepCount++;
        Update(parameters, gradient, StepCount);
    }

    /// <summary>Forgets the state (momentum, moment estimates, step count), as a freshly constructed optimizer.</summary>
    public void Reset()
    {
        StepCount = 0;
        ClearState();
    }

    /// <summary>Applies one update; <paramref name="step"/> counts from 1.</summary>
    protected abstract void Update(Span<double> parameters, ReadOnlySpan<double> gradient, int step);

    /// <summary>Clears the optimizer's state buffers.</summary>
    protected abstract void ClearState();
}
