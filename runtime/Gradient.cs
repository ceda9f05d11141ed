namespace SourceGen.Autodiff;

/// <summary>Markers the generator understands inside <see cref="DifferentiableAttribute"/> methods.</summary>
public static class Gradient
{
    /// <summary>
    /// Stops the gradient (PyTorch's <c>x.detach()</c>): returns <paramref name="value"/> unchanged at
    /// run time, and the generator treats the result as a constant, so nothing flows back through it.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns><paramref name="value"/>.</returns>
    public static double Stop(double value) => value;

    /// <summary>
    /// Stops the gradient: returns <paramref name="value"/> unchanged at run time, and the generator
    /// treats the result as a constant, so nothing flows back through it.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns><paramref name="value"/>.</returns>
    public static float Stop(float value) => value;

    /// <summary>
    /// Stops the gradient: returns the same tensor instance at run time, and the generator treats
    /// the result as a constant, so nothing flows back through it.
    /// </summary>
    /// <param name="value">The tensor.</param>
    /// <returns><paramref name="value"/> itself (not a copy).</returns>
    public static Tensor Stop(Tensor value) => value;
}
