using System;

namespace SourceGen.Autodiff.Optimization;

/// <summary>
/// A learning rate as a function of the epoch (or step) number, as PyTorch's
/// <c>torch.optim.lr_scheduler</c> computes it from the base learning rate. Stateless: call
/// <see cref="Apply"/> (or set <see cref="Optimizer.LearningRate"/> to <see cref="At"/>) at the start of
/// each epoch, where PyTorch calls <c>scheduler.step()</c> at its end.
/// </summary>
public abstract class LearningRateSchedule
{
    /// <param name="baseLearningRate">The learning rate at epoch 0.</param>
    protected LearningRateSchedule(double baseLearningRate)
    {
        Require.NonNegative(baseLearningRate, nameof(baseLearningRate));
        BaseLearningRate = baseLearningRate;
    }

    /// <summary>The learning rate at epoch 0.</summary>
    public double BaseLearningRate { get; }

    /// <summary>The learning rate of epoch <paramref name="epoch"/> (counting from 0).</summary>
    public double At(int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        return Compute(epoch);
    }

    /// <summary>Sets <paramref name="optimizer"/>'s learning rate to that of <paramref name="epoch"/>.</summary>
    public void Apply(Optimizer optimizer, int epoch)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        optimizer.LearningRate = At(epoch);
    }

    /// <summary>The learning rate of a non-negative epoch.</summary>
    protected abstract double Compute(int epoch);

    /// <summary>The same learning rate every epoch.</summary>
    public static LearningRateSchedule Constant(double learningRate) => new ConstantSchedule(learningRate);

    /// <summary>
    /// <c>lr · γ^⌊epoch / stepSize⌋</c>: multiplied by <paramref name="gamma"/> every
    /// <paramref name="stepSize"/> epochs (PyTorch's <c>StepLR</c>).
    /// </summary>
    public static LearningRateSchedule Step(double baseLearningRate, int stepSize, double gamma = 0.1) =>
        new StepSchedule(baseLearningRate, stepSize, gamma);

    /// <summary><c>lr · γ^epoch</c> (PyTorch's <c>ExponentialLR</c>).</summary>
    public static LearningRateSchedule Exponential(double baseLearningRate, double gamma) =>
        new ExponentialSchedule(baseLearningRate, gamma);

    /// <summary>
    /// <c>ηmin + (lr - ηmin)(1 + cos(π · epoch / tMax)) / 2</c>: from the base rate down to
    /// <paramref name="minimum"/> at <paramref name="tMax"/> along half a cosine, and back up after it
    /// (PyTorch's <c>CosineAnnealingLR</c>, without restarts).
    /// </summary>
    public static LearningRateSchedule CosineAnnealing(double baseLearningRate, int tMax, double minimum = 0) =>
        new CosineAnnealingSchedule(baseLearningRate, tMax, minimum);
}
