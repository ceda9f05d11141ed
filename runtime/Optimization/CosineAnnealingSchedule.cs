using System;

namespace SourceGen.Autodiff.Optimization;

/// <summary>PyTorch's <c>CosineAnnealingLR</c> (its closed form); see <see cref="LearningRateSchedule.CosineAnnealing"/>.</summary>
public sealed class CosineAnnealingSchedule : LearningRateSchedule
{
    /// <param name="baseLearningRate">The learning rate at epoch 0.</param>
    /// <param name="tMax">The epoch at which the rate reaches <paramref name="minimum"/> (positive).</param>
    /// <param name="minimum">The lowest learning rate (PyTorch's <c>eta_min</c>).</param>
    public CosineAnnealingSchedule(double baseLearningRate, int tMax, double minimum = 0)
        : base(baseLearningRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tMax);
        Require.NonNegative(minimum, nameof(minimum));
        TMax = tMax;
        Minimum = minimum;
    }

    /// <summary>The epoch at which the rate reaches <see cref="Minimum"/>.</summary>
    public int TMax { get; }

    /// <summary>The lowest learning rate.</summary>
    public double Minimum { get; }

    /// <inheritdoc/>
    protected override double Compute(int epoch) =>
        Minimum + (BaseLearningRate - Minimum) * (1 + Math.Cos(Math.PI * epoch / TMax)) / 2;
}
