using System;

namespace SourceGen.Autodiff.Optimization;

/// <summary>PyTorch's <c>ExponentialLR</c>; see <see cref="LearningRateSchedule.Exponential"/>.</summary>
public sealed class ExponentialSchedule : LearningRateSchedule
{
    /// <param name="baseLearningRate">The learning rate at epoch 0.</param>
    /// <param name="gamma">The factor applied every epoch (positive).</param>
    public ExponentialSchedule(double baseLearningRate, double gamma)
        : base(baseLearningRate)
    {
        Require.Positive(gamma, nameof(gamma));
        Gamma = gamma;
    }

    /// <summary>The factor applied every epoch.</summary>
    public double Gamma { get; }

    /// <inheritdoc/>
    protected override double Compute(int epoch) => BaseLearningRate * Math.Pow(Gamma, epoch);
}
