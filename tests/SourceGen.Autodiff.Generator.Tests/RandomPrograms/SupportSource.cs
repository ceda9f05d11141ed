namespace SourceGen.Autodiff.Generator.Tests.RandomPrograms;

/// <summary>Helpers compiled once into every batch: the trace recorder of the twins and the probes' slicing.</summary>
public static class SupportSource
{
    public const string FileName = "Support.cs";

    public const string Text = """
        using System;
        using System.Collections.Generic;

        namespace RandomPrograms;

        /// <summary>Records decisions on double values: a branch taken, the side of a kink.</summary>
        public static class __Trace
        {
            public static bool B(List<int> t, bool c) { t.Add(c ? 1 : 0); return c; }
            public static double Abs(List<int> t, double a) { t.Add(a >= 0 ? 3 : 2); return Math.Abs(a); }
            public static double Max(List<int> t, double a, double b) { t.Add(a >= b ? 5 : 4); return Math.Max(a, b); }
            public static double Min(List<int> t, double a, double b) { t.Add(a <= b ? 7 : 6); return Math.Min(a, b); }
            public static double Clamp(List<int> t, double a, double lo, double hi) { t.Add(a < lo ? 8 : a > hi ? 9 : 10); return Math.Clamp(a, lo, hi); }
        }

        public static class __Probe
        {
            public static double[] Slice(double[] source, int offset, int length)
            {
                var slice = new double[length];
                Array.Copy(source, offset, slice, 0, length);
                return slice;
            }
        }
        """;
}
