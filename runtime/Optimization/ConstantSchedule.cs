namespace SourceGen.Autodiff.Optimization;

/// <summary>The same learning rate every epoch; see <see cref="LearningRateSchedule.Constant"/>.</summary>
public sealed class ConstantSchedule(double learningRate) : LearningRateSchedule(learningRate)
{
    /// <inheritdoc/>
    protected override double Compute(int epoch) => BaseLearningRate;
}
