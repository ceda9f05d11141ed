using System;
using System.Collections.Generic;
using System.Globalization;

namespace SourceGen.Autodiff;

/// <summary>
/// PyTorch's <c>_Formatter</c> for float tensors: one number format and one width for every
/// element of a tensor. Integer-valued tensors print as <c>6.</c>; others with 4 decimals;
/// scientific notation when magnitudes span more than 1000x, exceed 1e8, or (non-integers)
/// fall below 1e-4. Every element is right-aligned to the widest one.
/// </summary>
internal sealed class ElementFormatter
{
    private const int Precision = 4;

    private readonly bool _integerMode = true;
    private readonly bool _scientificMode;

    public ElementFormatter(IReadOnlyList<double> values)
    {
        double min = double.PositiveInfinity;
        double max = 0;
        var nonzeroFinite = new List<double>();
        foreach (double value in values)
        {
            if (double.IsFinite(value) && value != 0)
            {
                nonzeroFinite.Add(value);
                min = Math.Min(min, Math.Abs(value));
                max = Math.Max(max, Math.Abs(value));
                _integerMode &= value == Math.Ceiling(value);
            }
        }

        if (nonzeroFinite.Count == 0)
        {
            return; // zeros, infinities and NaNs only: integer mode, width 1
        }

        bool wideRange = max / min > 1000.0 || max > 1.0e8;
        _scientificMode = _integerMode ? wideRange : wideRange || min < 1.0e-4;
        foreach (double value in nonzeroFinite)
        {
            // In integer mode the trailing '.' counts toward the width.
            int length = _scientificMode ? Scientific(value).Length
                : _integerMode ? Fixed(value, 0).Length + 1
                : Fixed(value, Precision).Length;
            Width = Math.Max(Width, length);
        }
    }

    /// <summary>The common width every formatted element is padded to.</summary>
    public int Width { get; } = 1;

    public string Format(double value)
    {
        string text = _scientificMode ? Scientific(value)
            : _integerMode ? IntegerText(value)
            : Fixed(value, Precision);
        return text.PadLeft(Width);
    }

    private static string IntegerText(double value)
    {
        string text = Fixed(value, 0);
        return double.IsFinite(value) ? text + "." : text;
    }

    // Python's "{:.Nf}": .NET Core 3.0+ rounds the exact binary value the same way (ties to even).
    private static string Fixed(double value, int decimals) =>
        NonFinite(value) ?? value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    // Python's "{:.4e}": mantissa with 4 decimals, exponent signed with at least two digits.
    private static string Scientific(double value)
    {
        if (NonFinite(value) is string special)
        {
            return special;
        }

        string text = value.ToString("E4", CultureInfo.InvariantCulture); // e.g. 1.2346E+008
        int e = text.IndexOf('E', StringComparison.Ordinal);
        string mantissa = text[..e];
        char sign = text[e + 1];
        string digits = text[(e + 2)..].TrimStart('0').PadLeft(2, '0');
        return mantissa + "e" + sign + digits;
    }

    private static string? NonFinite(double value) =>
        double.IsNaN(value) ? "nan"
        : double.IsPositiveInfinity(value) ? "inf"
        : double.IsNegativeInfinity(value) ? "-inf"
        : null;
}
