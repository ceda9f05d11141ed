using System;

namespace SourceGen.Autodiff.Optimization;

/// <summary>
/// Adam (Kingma and Ba), as PyTorch's <c>torch.optim.Adam</c> computes it: with
/// <c>g = gradient + weightDecay · p</c> (L2 penalty in the gradient; <see cref="AdamW"/> decouples it),
/// <c>m += (1 - β₁)(g - m)</c>, <c>v = β₂ v + (1 - β₂) g²</c>, then
/// <c>p -= lr / (1 - β₁ᵗ) · m / (√v̂ / √(1 - β₂ᵗ) + ε)</c> where <c>v̂</c> is <c>v</c>, or with AMSGrad the
/// running maximum of <c>v</c>.
/// </summary>
public class Adam : Optimizer
{
    private readonly double[] _firstMoment;
    private readonly double[] _secondMoment;
    private readonly double[] _maxSecondMoment;
    private readonly bool _decoupledWeightDecay;

    /// <param name="parameterCount">The length of the parameter and gradient spans.</param>
    /// <param name="learningRate">The learning rate (PyTorch's <c>lr</c>, default 1e-3).</param>
    /// <param name="beta1">The decay of the first-moment (mean) estimate, in [0, 1).</param>
    /// <param name="beta2">The decay of the second-moment estimate, in [0, 1).</param>
    /// <param name="epsilon">Added to the denominator for numerical stability (PyTorch's <c>eps</c>).</param>
    /// <param name="weightDecay">The L2 penalty: adds <c>weightDecay · p</c> to the gradient.</param>
    /// <param name="amsGrad">Divide by the running maximum of the second moment (AMSGrad).</param>
    public Adam(int parameterCount, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8, double weightDecay = 0, bool amsGrad = false)
        : this(parameterCount, learningRate, beta1, beta2, epsilon, weightDecay, amsGrad, decoupledWeightDecay: false)
    {
    }

    private protected Adam(int parameterCount, double learningRate, double beta1, double beta2, double epsilon, double weightDecay, bool amsGrad, bool decoupledWeightDecay)
        : base(parameterCount, learningRate)
    {
        RequireBeta(beta1, nameof(beta1));
        RequireBeta(beta2, nameof(beta2));
        Require.NonNegative(epsilon, nameof(epsilon));
        Require.NonNegative(weightDecay, nameof(weightDecay));
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        WeightDecay = weightDecay;
        AmsGrad = amsGrad;
        _decoupledWeightDecay = decoupledWeightDecay;
        _firstMoment = new double[parameterCount];
        _secondMoment = new double[parameterCount];
        _maxSecondMoment = amsGrad ? new double[parameterCount] : [];
    }

    /// <summary>The decay of the first-moment estimate.</summary>
    public double Beta1 { get; }

    /// <summary>The decay of the second-moment estimate.</summary>
    public double Beta2 { get; }

    /// <summary>The term added to the denominator.</summary>
    public double Epsilon { get; }

    /// <summary>The weight decay: an L2 penalty in the gradient for Adam, decoupled for <see cref="AdamW"/>.</summary>
    public double WeightDecay { get; }

    /// <summary>Whether the AMSGrad variant is used.</summary>
    public bool AmsGrad { get; }

    /// <inheritdoc/>
    protected override void Update(Span<double> parameters, ReadOnlySpan<double> gradient, int step)
    {
        double lr = LearningRate;
        double stepSize = lr / (1 - Math.Pow(Beta1, step));
        double biasCorrection2Sqrt = Math.Sqrt(1 - Math.Pow(Beta2, step));
        for (int i = 0; i < parameters.Length; i++)
        {
            double p = parameters[i];
            double g = gradient[i];
            if (_decoupledWeightDecay)
            {
                p *= 1 - lr * WeightDecay;
            }
            else if (WeightDecay != 0)
            {
                g += WeightDecay * p;
            }
            // m = β₁ m + (1 - β₁) g in the lerp form PyTorch 2 uses (1.13 rounds the other form; both agree to an ulp).
            double m = _firstMoment[i] + (1 - Beta1) * (g - _firstMoment[i]);
            double v = Beta2 * _secondMoment[i] + (1 - Beta2) * g * g;
            _firstMoment[i] = m;
            _secondMoment[i] = v;
            if (AmsGrad)
            {
                v = Math.Max(_maxSecondMoment[i], v);
                _maxSecondMoment[i] = v;
            }
            double denominator = Math.Sqrt(v) / biasCorrection2Sqrt + Epsilon;
            parameters[i] = p - stepSize * m / denominator;
        }
    }

    /// <inheritdoc/>
    protected override void ClearState()
    {
        Array.Clear(_firstMoment);
        Array.Clear(_secondMoment);
        Array.Clear(_maxSecondMoment);
    }

    private static void RequireBeta(double beta, string name)
    {
        if (!(beta >= 0 && beta < 1))
        {
            throw new ArgumentOutOfRangeException(name, beta, $"{name} must be in [0, 1).");
        }
    }
}
