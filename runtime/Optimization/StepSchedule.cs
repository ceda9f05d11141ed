using System;

namespace SourceGen.Autodiff.Optimization;

/// <summary>PyTorch's <c>StepLR</c>; see <see cref="LearningRateSchedule.Step"/>.</summary>
public sealed class StepSchedule : LearningRateSchedule
{
    /// <param name="baseLearningRate">The learning rate of the first <paramref name="stepSize"/> epochs.</param>
    /// <param name="stepSize">The number of epochs between decays (positive).</param>
    /// <param name="gamma">The factor applied at each decay (positive).</param>
    public StepSchedule(double baseLearningRate, int stepSize, double gamma = 0.1)
        : base(baseLearningRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepSize);
        Require.Positive(gamma, nameof(gamma));
        StepSize = stepSize;
        Gamma = gamma;
    }

    /// <summary>The number of epochs between decays.</summary>
    public int StepSize { get; }

    /// <summary>The factor applied at each decay.</summary>
    public double Gamma { get; }

    /// <inheritdoc/>
    protected override double Compute(int epoch) => BaseLearningRate * Math.Pow(Gamma, epoch / StepSize);
}
