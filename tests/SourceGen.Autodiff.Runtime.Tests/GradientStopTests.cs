using Xunit;

namespace SourceGen.Autodiff.Runtime.Tests;

public class GradientStopTests
{
    [Fact]
    public void Stop_returns_its_argument_unchanged()
    {
        var t = Tensor.Ones(2);

        Assert.Equal(1.5, Gradient.Stop(1.5));
        Assert.Equal(2.5f, Gradient.Stop(2.5f));
        Assert.Same(t, Gradient.Stop(t));
    }
}
