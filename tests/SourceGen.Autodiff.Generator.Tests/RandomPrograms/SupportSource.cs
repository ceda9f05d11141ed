namespace SourceGen.Autodiff.Generator.Tests.RandomPrograms;

/// <summary>
/// Code compiled once into every batch: forward-mode dual numbers for the twins (an exact
/// reference for the derivatives, independent of the generator), the recorder of the twins'
/// decisions, and the probes' helpers.
/// </summary>
public static class SupportSource
{
    public const string FileName = "Support.cs";

    public const string Text = """
        using System;
        using System.Collections.Generic;

        namespace RandomPrograms;

        /// <summary>A value and its derivative along one direction; its value part computes exactly what double does.</summary>
        public readonly struct Dual
        {
            public readonly double V;
            public readonly double D;

            public Dual(double v, double d) { V = v; D = d; }

            public static implicit operator Dual(double v) => new Dual(v, 0);
            public static Dual operator +(Dual a, Dual b) => new Dual(a.V + b.V, a.D + b.D);
            public static Dual operator -(Dual a, Dual b) => new Dual(a.V - b.V, a.D - b.D);
            public static Dual operator *(Dual a, Dual b) => new Dual(a.V * b.V, a.D * b.V + a.V * b.D);
            public static Dual operator /(Dual a, Dual b) => new Dual(a.V / b.V, (a.D * b.V - a.V * b.D) / (b.V * b.V));
            public static Dual operator -(Dual a) => new Dual(-a.V, -a.D);
            public static Dual operator ++(Dual a) => new Dual(a.V + 1, a.D);
            public static Dual operator --(Dual a) => new Dual(a.V - 1, a.D);
            public static bool operator <(Dual a, Dual b) => a.V < b.V;
            public static bool operator >(Dual a, Dual b) => a.V > b.V;
            public static bool operator <=(Dual a, Dual b) => a.V <= b.V;
            public static bool operator >=(Dual a, Dual b) => a.V >= b.V;
        }

        /// <summary>Math over dual numbers: the value as System.Math computes it, the derivative by the chain rule.</summary>
        public static class DualMath
        {
            public static Dual Sin(Dual a) => new Dual(Math.Sin(a.V), Math.Cos(a.V) * a.D);
            public static Dual Cos(Dual a) => new Dual(Math.Cos(a.V), -Math.Sin(a.V) * a.D);
            public static Dual Tan(Dual a) { double c = Math.Cos(a.V); return new Dual(Math.Tan(a.V), a.D / (c * c)); }
            public static Dual Asin(Dual a) => new Dual(Math.Asin(a.V), a.D / Math.Sqrt(1 - a.V * a.V));
            public static Dual Acos(Dual a) => new Dual(Math.Acos(a.V), -a.D / Math.Sqrt(1 - a.V * a.V));
            public static Dual Atan(Dual a) => new Dual(Math.Atan(a.V), a.D / (1 + a.V * a.V));
            public static Dual Atan2(Dual y, Dual x) => new Dual(Math.Atan2(y.V, x.V), (x.V * y.D - y.V * x.D) / (x.V * x.V + y.V * y.V));
            public static Dual Sinh(Dual a) => new Dual(Math.Sinh(a.V), Math.Cosh(a.V) * a.D);
            public static Dual Cosh(Dual a) => new Dual(Math.Cosh(a.V), Math.Sinh(a.V) * a.D);
            public static Dual Tanh(Dual a) { double t = Math.Tanh(a.V); return new Dual(t, (1 - t * t) * a.D); }
            public static Dual Exp(Dual a) { double e = Math.Exp(a.V); return new Dual(e, e * a.D); }
            public static Dual Log(Dual a) => new Dual(Math.Log(a.V), a.D / a.V);
            public static Dual Log10(Dual a) => new Dual(Math.Log10(a.V), a.D / (a.V * Math.Log(10)));
            public static Dual Log2(Dual a) => new Dual(Math.Log2(a.V), a.D / (a.V * Math.Log(2)));
            public static Dual Sqrt(Dual a) { double r = Math.Sqrt(a.V); return new Dual(r, a.D / (2 * r)); }
            public static Dual Cbrt(Dual a) { double r = Math.Cbrt(a.V); return new Dual(r, a.D / (3 * r * r)); }
            public static Dual Pow(Dual a, double n) => new Dual(Math.Pow(a.V, n), n * Math.Pow(a.V, n - 1) * a.D);
            public static Dual Pow(Dual a, Dual b)
            {
                double v = Math.Pow(a.V, b.V);
                return new Dual(v, v * (b.D * Math.Log(a.V) + b.V * a.D / a.V));
            }
            public static Dual Abs(Dual a) => a.V < 0 ? -a : a;
            public static Dual Max(Dual a, Dual b) => a.V >= b.V ? a : b;
            public static Dual Min(Dual a, Dual b) => a.V <= b.V ? a : b;
            public static Dual Clamp(Dual a, Dual lo, Dual hi) => a.V < lo.V ? lo : a.V > hi.V ? hi : a;
        }

        /// <summary>
        /// What a twin records: its decisions on double values, and the values it stopped the
        /// gradient of. Replaying freezes the stopped values at the recorded ones, so finite
        /// differences of the twin see Gradient.Stop as the generator does (a constant).
        /// </summary>
        public sealed class __Recorder
        {
            public readonly List<int> Decisions;
            public readonly List<double> Stops;
            public readonly bool Replay;
            public int Next;

            public __Recorder(List<int> decisions, List<double> stops, bool replay) { Decisions = decisions; Stops = stops; Replay = replay; }
        }

        /// <summary>Records decisions on double values: a branch taken, the side of a kink or step.</summary>
        public static class __Trace
        {
            public static bool B(__Recorder t, bool c) { t.Decisions.Add(c ? 1 : 0); return c; }
            public static Dual Abs(__Recorder t, Dual a) { t.Decisions.Add(a.V >= 0 ? 3 : 2); return DualMath.Abs(a); }
            public static Dual Max(__Recorder t, Dual a, Dual b) { t.Decisions.Add(a.V >= b.V ? 5 : 4); return DualMath.Max(a, b); }
            public static Dual Min(__Recorder t, Dual a, Dual b) { t.Decisions.Add(a.V <= b.V ? 7 : 6); return DualMath.Min(a, b); }
            public static Dual Clamp(__Recorder t, Dual a, Dual lo, Dual hi) { t.Decisions.Add(a.V < lo.V ? 8 : a.V > hi.V ? 9 : 10); return DualMath.Clamp(a, lo, hi); }
            public static Dual Floor(__Recorder t, Dual a) { double f = Math.Floor(a.V); t.Decisions.Add(100 + (int)f); return new Dual(f, 0); }

            /// <summary>Gradient.Stop: derivative 0; the value recorded, or when replaying, the recorded one.</summary>
            public static Dual Stop(__Recorder t, Dual a)
            {
                if (!t.Replay)
                {
                    t.Stops.Add(a.V);
                    return new Dual(a.V, 0);
                }
                // Past the recording only when a decision flipped: that point is resampled anyway.
                return new Dual(t.Next < t.Stops.Count ? t.Stops[t.Next++] : a.V, 0);
            }
        }

        public static class __Probe
        {
            public static double[] Slice(double[] source, int offset, int length)
            {
                var slice = new double[length];
                Array.Copy(source, offset, slice, 0, length);
                return slice;
            }

            /// <summary>source[offset..offset+length) as duals, with derivative 1 at flat index <paramref name="direction"/>.</summary>
            public static Dual[] Duals(double[] source, int offset, int length, int direction)
            {
                var duals = new Dual[length];
                for (int i = 0; i < length; i++)
                {
                    duals[i] = new Dual(source[offset + i], offset + i == direction ? 1 : 0);
                }
                return duals;
            }

            /// <summary>A rank-2 tensor's elements as duals (row-major in source), derivative 1 at flat index <paramref name="direction"/>.</summary>
            public static Dual[,] Duals(double[] source, int offset, int rows, int columns, int direction)
            {
                var duals = new Dual[rows, columns];
                for (int i = 0; i < rows * columns; i++)
                {
                    duals[i / columns, i % columns] = new Dual(source[offset + i], offset + i == direction ? 1 : 0);
                }
                return duals;
            }

            public static Dual[] Constants(double[] values) => Array.ConvertAll(values, v => (Dual)v);

            public static double[] Values(Dual[] duals) => Array.ConvertAll(duals, d => d.V);

            public static double[] Derivatives(Dual[] duals) => Array.ConvertAll(duals, d => d.D);
        }
        """;
}
