using System.Globalization;
using Xunit.Sdk;

namespace SourceGen.Autodiff.EndToEnd.Tests.Harness;

/// <summary>
/// Element-wise comparison through the runtime's <see cref="GradientCheck.Compare"/>
/// (relative-plus-absolute tolerance), failing the test with the worst element and both vectors.
/// </summary>
public static class Close
{
    public static void All(double[] expected, double[] actual, double relativeTolerance, double absoluteTolerance, string what)
    {
        if (expected.Length != actual.Length)
        {
            throw new XunitException($"{what}: expected {expected.Length} values, got {actual.Length}");
        }

        GradientCheckResult result = GradientCheck.Compare(actual, expected, relativeTolerance, absoluteTolerance);
        if (!result.Passed)
        {
            throw new XunitException(string.Create(CultureInfo.InvariantCulture,
                $"{what}: element {result.WorstIndex} is {result.WorstAnalytic:R}, expected {result.WorstNumeric:R} " +
                $"(error {result.MaxError:G3}, allowed {result.AllowedError:G3})\n" +
                $"  expected: [{string.Join(", ", expected)}]\n  actual:   [{string.Join(", ", actual)}]"));
        }
    }
}
