using System.Globalization;
using System.Linq;
using Xunit.Sdk;

namespace SourceGen.Autodiff.Generator.Tests.Running;

/// <summary>Assertions on derivative vectors, with messages that show both vectors and how to reproduce.</summary>
public static class Agreement
{
    /// <summary>Within GradientCheck's default tolerances (relative 1e-5, absolute 1e-7), component by component.</summary>
    public static void Close(double[] analytic, double[] numeric, string what, string context)
    {
        var check = GradientCheck.Compare(analytic, numeric);
        if (!check.Passed)
        {
            throw new XunitException($"{what}: {check}\n  analytic {Show(analytic)}\n  numeric  {Show(numeric)}\n{context}");
        }
    }

    /// <summary>Bit for bit: the generated forward sweep must compute what the method computes.</summary>
    public static void Identical(double[] expected, double[] actual, string what, string context)
    {
        if (!expected.SequenceEqual(actual))
        {
            throw new XunitException($"{what}: expected {Show(expected)}, got {Show(actual)}\n{context}");
        }
    }

    public static string Show(double[] values) =>
        "[" + string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]";
}
