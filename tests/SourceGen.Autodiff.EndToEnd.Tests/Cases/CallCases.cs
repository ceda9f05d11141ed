using SourceGen.Autodiff.EndToEnd.Tests.Harness;
#if CALLS
using System;
using System.Linq;
using SourceGen.Autodiff.EndToEnd.Tests.Corpus;
using static SourceGen.Autodiff.EndToEnd.Tests.Cases.ClassicData;
using static SourceGen.Autodiff.EndToEnd.Tests.Cases.ClassicGradients;
using static SourceGen.Autodiff.EndToEnd.Tests.Harness.ScalarCaseBuilder;
using static SourceGen.Autodiff.EndToEnd.Tests.Harness.SpanCaseBuilder;
using static SourceGen.Autodiff.EndToEnd.Tests.Harness.Vectors;
#endif

namespace SourceGen.Autodiff.EndToEnd.Tests.Cases;

/// <summary>
/// The CallCorpus methods (calls between [Differentiable] methods) as <see cref="DiffCase"/>s;
/// empty until the CALLS symbol is defined.
/// </summary>
public static class CallCases
{
#if CALLS
    private const int Power = 4; // PowerThroughCall's n

    public static DiffCase[] All { get; } =
    [
        Unary("Call_Square", 1.3, CallCorpus.Square, CallCorpus.SquareBackward, CallCorpus.SquareGradient, CallCorpus.SquarePullback,
            p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 2 * x),
        Unary("Call_Cube", -0.8, CallCorpus.Cube, CallCorpus.CubeBackward, CallCorpus.CubeGradient, CallCorpus.CubePullback,
            p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 3 * x * x),

        // (xy)³ + y²x
        Binary("Call_CubePlusSquare", [1.2, -0.7], CallCorpus.CubePlusSquare, CallCorpus.CubePlusSquareBackward, CallCorpus.CubePlusSquareGradient,
            CallCorpus.CubePlusSquarePullback, p => p.Value, (p, s, ref gx, ref gy) => p.Backward(s, ref gx, ref gy),
            (x, y) => (3 * x * x * y * y * y + y * y, 3 * x * x * x * y * y + 2 * x * y)),

        // clamp(x, x/2, x²) + x·x: inside at 2 (x + x²), above at 0.5 (x² + x²), below at -1 (x/2 + x²).
        Unary("Call_SameArgumentTwice_inside", 2, CallCorpus.SameArgumentTwice, CallCorpus.SameArgumentTwiceBackward,
            CallCorpus.SameArgumentTwiceGradient, CallCorpus.SameArgumentTwicePullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 1 + 2 * x),
        Unary("Call_SameArgumentTwice_above", 0.5, CallCorpus.SameArgumentTwice, CallCorpus.SameArgumentTwiceBackward,
            CallCorpus.SameArgumentTwiceGradient, CallCorpus.SameArgumentTwicePullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 4 * x),
        Unary("Call_SameArgumentTwice_below", -1, CallCorpus.SameArgumentTwice, CallCorpus.SameArgumentTwiceBackward,
            CallCorpus.SameArgumentTwiceGradient, CallCorpus.SameArgumentTwicePullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 0.5 + 2 * x),

        Scalar("Call_SquareInLoop", [1.5, -2, 0.25, 3], CallCorpus.SquareInLoop, CallCorpus.SquareInLoopBackward, CallCorpus.SquareInLoopGradient,
            CallCorpus.SquareInLoopPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            SquareInLoopGradient),

        Unary("Call_BranchCalls_then", 1.3, CallCorpus.BranchCalls, CallCorpus.BranchCallsBackward, CallCorpus.BranchCallsGradient,
            CallCorpus.BranchCallsPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 2 * x + 1),
        Unary("Call_BranchCalls_else", -0.8, CallCorpus.BranchCalls, CallCorpus.BranchCallsBackward, CallCorpus.BranchCallsGradient,
            CallCorpus.BranchCallsPullback, p => p.Value, (p, s, ref g) => p.Backward(s, ref g),
            x => 3 * x * x + 1),

        // lse(x)·Σx²
        Scalar("Call_SpanToOtherClasses", [0.3, 2.1, -1, 1.7], CallCorpus.SpanToOtherClasses, CallCorpus.SpanToOtherClassesBackward,
            CallCorpus.SpanToOtherClassesGradient, CallCorpus.SpanToOtherClassesPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x =>
            {
                double lse = Math.Log(Math.Exp(x[0]) + Math.Exp(x[1]) + Math.Exp(x[2]) + Math.Exp(x[3]));
                double ss = x[0] * x[0] + x[1] * x[1] + x[2] * x[2] + x[3] * x[3];
                return Combine(ss, SoftmaxOf(x), 2 * lse, x);
            }),

        // HornerAtEachPoint(points, c): flat input [points (3)..., c (4)...].
        new DiffCase
        {
            Name = "Call_HornerAtEachPoint",
            Point = [0.8, -1.1, 0.4, 1, -2, 0.5, 3],
            Seed = [0.7],
            Forward = v => [CallCorpus.HornerAtEachPoint(v.AsSpan(0, 3), v.AsSpan(3))],
            Backward = (v, s, g) => [CallCorpus.HornerAtEachPointBackward(v.AsSpan(0, 3), v.AsSpan(3), s[0], g.AsSpan(0, 3), g.AsSpan(3))],
            Gradient = v => Flat.Of(CallCorpus.HornerAtEachPointGradient(v.AsSpan(0, 3), v.AsSpan(3))),
            Pullback = v =>
            {
                var p = CallCorpus.HornerAtEachPointPullback(v.AsSpan(0, 3), v.AsSpan(3));
                return new PullbackRun([p.Value], (s, g) => p.Backward(s[0], g.AsSpan(0, 3), g.AsSpan(3)));
            },
            ExactVjp = (v, s) => Scale(HornerAtEachPointGradient(v), s[0]),
        },

        // LogisticRegression + 0.1·‖w‖²: flat input [w (3)..., b].
        SpanThenScalar("Call_RegularizedLogistic", [0.5, -0.3, 0.8, 0.1], (w, b) => CallCorpus.RegularizedLogistic(w, b, Samples, Labels),
            (w, b, s, gw, ref gb) => CallCorpus.RegularizedLogisticBackward(w, b, Samples, Labels, s, gw, ref gb),
            (w, b) => CallCorpus.RegularizedLogisticGradient(w, b, Samples, Labels),
            (w, b) => CallCorpus.RegularizedLogisticPullback(w, b, Samples, Labels),
            p => p.Value, (p, s, gw, ref gb) => p.Backward(s, gw, ref gb),
            v =>
            {
                double[] g = LogisticRegressionGradient(v);
                for (int j = 0; j < 3; j++)
                {
                    g[j] += 0.2 * v[j];
                }

                return g;
            }),

        // x⁴ + x²
        Unary("Call_PowerThroughCall", 1.3, x => CallCorpus.PowerThroughCall(x, Power),
            (double x, double s, ref double g) => CallCorpus.PowerThroughCallBackward(x, Power, s, ref g),
            x => CallCorpus.PowerThroughCallGradient(x, Power), x => CallCorpus.PowerThroughCallPullback(x, Power), p => p.Value,
            (p, s, ref g) => p.Backward(s, ref g),
            x => 4 * x * x * x + 2 * x),

        // The callee breaks after x2 (sums 1, 2.44, 4.69); flat input [x..., scale].
        SpanThenScalar("Call_BreakingCallee", [1, -1.2, 1.5, 0.8, 2, 0.6], CallCorpus.BreakingCallee, CallCorpus.BreakingCalleeBackward,
            CallCorpus.BreakingCalleeGradient, CallCorpus.BreakingCalleePullback, p => p.Value, (p, s, gx, ref gs) => p.Backward(s, gx, ref gs),
            v => [2 * v[0] * v[5], 2 * v[1] * v[5], 2 * v[2] * v[5], 0, 0, v[0] * v[0] + v[1] * v[1] + v[2] * v[2]]),

        // Cell(w, u, h, x) = tanh(wh + ux): flat input [w, u, h, x].
        new DiffCase
        {
            Name = "Call_Cell",
            Point = [0.8, -0.6, 0.4, 1.2],
            Seed = [0.7],
            Forward = v => [CallCorpus.Cell(v[0], v[1], v[2], v[3])],
            Backward = (v, s, g) => [CallCorpus.CellBackward(v[0], v[1], v[2], v[3], s[0], ref g[0], ref g[1], ref g[2], ref g[3])],
            Gradient = v => Flat.Of(CallCorpus.CellGradient(v[0], v[1], v[2], v[3])),
            Pullback = v =>
            {
                var p = CallCorpus.CellPullback(v[0], v[1], v[2], v[3]);
                return new PullbackRun([p.Value], (s, g) => p.Backward(s[0], ref g[0], ref g[1], ref g[2], ref g[3]));
            },
            ExactVjp = (v, s) =>
            {
                double t = Math.Tanh(v[0] * v[2] + v[1] * v[3]);
                return Scale([v[2], v[3], v[0], v[1]], s[0] * (1 - t * t));
            },
        },

        // RecurrenceByCells(w, u, x): flat input [w, u, x...]; the same function as ClassicCorpus.Recurrence.
        new DiffCase
        {
            Name = "Call_RecurrenceByCells",
            Point = [0.8, -0.6, 0.5, -1.2, 0.9, 0.3],
            Seed = [0.7],
            Forward = v => [CallCorpus.RecurrenceByCells(v[0], v[1], v.AsSpan(2))],
            Backward = (v, s, g) => [CallCorpus.RecurrenceByCellsBackward(v[0], v[1], v.AsSpan(2), s[0], ref g[0], ref g[1], g.AsSpan(2))],
            Gradient = v => Flat.Of(CallCorpus.RecurrenceByCellsGradient(v[0], v[1], v.AsSpan(2))),
            Pullback = v =>
            {
                var p = CallCorpus.RecurrenceByCellsPullback(v[0], v[1], v.AsSpan(2));
                return new PullbackRun([p.Value], (s, g) => p.Backward(s[0], ref g[0], ref g[1], g.AsSpan(2)));
            },
            ExactVjp = (v, s) => Scale(RecurrenceGradient(v), s[0]),
        },

        // Rosenbrock(2x + 1): 2·∇Rosenbrock at 2x + 1.
        Scalar("Call_LocalArrayArgument", [-1.1, 0, -0.1, 0.25], CallCorpus.LocalArrayArgument, CallCorpus.LocalArrayArgumentBackward,
            CallCorpus.LocalArrayArgumentGradient, CallCorpus.LocalArrayArgumentPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x => Scale(RosenbrockGradient(Map(x, v => 2 * v + 1)), 2)),

        // Σ e^xᵢ (i + 1) · (x0 x1 - x2)
        TensorCaseBuilder.ScalarResult("Call_TensorCallee", [4], [0.3, -1.2, 0.5, 1.1], CallCorpus.TensorCallee, CallCorpus.TensorCalleeBackward,
            CallCorpus.TensorCalleeGradient, CallCorpus.TensorCalleePullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            (x, s) =>
            {
                double loop = 0;
                var dLoop = new double[4];
                for (int i = 0; i < 4; i++)
                {
                    loop += Math.Exp(x[i]) * (i + 1);
                    dLoop[i] = Math.Exp(x[i]) * (i + 1);
                }

                double reads = x[0] * x[1] - x[2];
                return Scale(Combine(reads, dLoop, loop, [x[1], x[0], -1, 0]), s[0]);
            }),

        // At this point ReturnFromLoop returns (x0 + x1 + x2)·x3 and ReturnBodyLocal returns (x0² + x1²)·x0.
        Scalar("Call_EarlyReturningCallees", [1.5, -2, 0.25, 3], CallCorpus.EarlyReturningCallees, CallCorpus.EarlyReturningCalleesBackward,
            CallCorpus.EarlyReturningCalleesGradient, CallCorpus.EarlyReturningCalleesPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x =>
            {
                double a = (x[0] + x[1] + x[2]) * x[3], b = (x[0] * x[0] + x[1] * x[1]) * x[0];
                double[] da = [x[3], x[3], x[3], x[0] + x[1] + x[2]], db = [3 * x[0] * x[0] + x[1] * x[1], 2 * x[1] * x[0], 0, 0];
                return Combine(b, da, a, db);
            }),
        // Σ xᵢ⁴ through a body local
        Scalar("Call_StatementCallInLoop", [1.5, -2, 0.25, -0.5], CallCorpus.StatementCallInLoop, CallCorpus.StatementCallInLoopBackward,
            CallCorpus.StatementCallInLoopGradient, CallCorpus.StatementCallInLoopPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x => Map(x, v => 4 * v * v * v)),

        Scalar("Call_CarriedThroughCall", [0.5, -0.7, 0.25, -0.5], CallCorpus.CarriedThroughCall, CallCorpus.CarriedThroughCallBackward,
            CallCorpus.CarriedThroughCallGradient, CallCorpus.CarriedThroughCallPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x =>
            {
                double carried = 0.5;
                var ds = new double[x.Length];
                for (int i = 0; i < x.Length; i++)
                {
                    ds = Scale(ds, 1.5 * carried * carried);
                    ds[i] += 1;
                    carried = carried * carried * carried * 0.5 + x[i];
                }

                return ds;
            }),

        // s = r/2 + r with r = lse(x)·Σx²
        Scalar("Call_DeepCalls", [0.3, 2.1, -1, 1.7], CallCorpus.DeepCalls, CallCorpus.DeepCallsBackward,
            CallCorpus.DeepCallsGradient, CallCorpus.DeepCallsPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x =>
            {
                double lse = Math.Log(Math.Exp(x[0]) + Math.Exp(x[1]) + Math.Exp(x[2]) + Math.Exp(x[3]));
                double ss = x[0] * x[0] + x[1] * x[1] + x[2] * x[2] + x[3] * x[3];
                return Scale(Combine(ss, SoftmaxOf(x), 2 * lse, x), 1.5);
            }),

        // Σ xᵢ⁴
        // Σ xᵢ³·½ⁱ + xᵢ (sAdjoint·xAdjoint = 1)
        Scalar("Call_NamesLikeAdjoints", [1.5, -2, 0.25, 3], CallCorpus.NamesLikeAdjoints, CallCorpus.NamesLikeAdjointsBackward,
            CallCorpus.NamesLikeAdjointsGradient, CallCorpus.NamesLikeAdjointsPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x => [.. x.Select((v, i) => 3 * v * v * Math.Pow(0.5, i) + 1)]),

        Scalar("Call_CubesInLoop", [1.5, -2, 0.25, -0.5], CallCorpus.CubesInLoop, CallCorpus.CubesInLoopBackward,
            CallCorpus.CubesInLoopGradient, CallCorpus.CubesInLoopPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x => Map(x, v => 4 * v * v * v)),

        // yᵢ = xᵢ²(xᵢ + 1)³
        Output("Call_MapThroughCalls", [1.5, -2, 0.25, -0.5], 4, CallCorpus.MapThroughCalls, CallCorpus.MapThroughCallsBackward,
            CallCorpus.MapThroughCallsPullback, (p, s, g) => p.Backward(s, g), CallCorpus.MapThroughCallsJacobian,
            (x, s) =>
            {
                var g = new double[x.Length];
                for (int i = 0; i < x.Length; i++)
                {
                    double v = x[i], w = v + 1;
                    g[i] = s[i] * (2 * v * w * w * w + 3 * v * v * w * w);
                }

                return g;
            }),

        Scalar("Call_CallInBranchInLoop", [1.5, -2, 0.25, -0.5], CallCorpus.CallInBranchInLoop, CallCorpus.CallInBranchInLoopBackward,
            CallCorpus.CallInBranchInLoopGradient, CallCorpus.CallInBranchInLoopPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x => Map(x, v => v > 0 ? 4 * v * v * v : -1)),

        Scalar("Call_NestedCallArgument", [1.5, -2, 0.25, -0.5], CallCorpus.NestedCallArgument, CallCorpus.NestedCallArgumentBackward,
            CallCorpus.NestedCallArgumentGradient, CallCorpus.NestedCallArgumentPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x => Map(x, v => 6 * Math.Pow(v, 5))),

        // Σ p(xᵢ)·xᵢ over [x (4)..., c (4)...]: ∂/∂xᵢ = p'(xᵢ)xᵢ + p(xᵢ), ∂/∂cₖ = Σᵢ xᵢᵏ⁺¹.
        TwoSpans("Call_HornerTimesPoint", [0.5, 1.2, -0.4, 0.9, 0.5, 1.5, -0.3, 2.5], CallCorpus.HornerTimesPoint,
            CallCorpus.HornerTimesPointBackward, CallCorpus.HornerTimesPointGradient, CallCorpus.HornerTimesPointPullback,
            p => p.Value, (p, s, gx, gc) => p.Backward(s, gx, gc),
            v =>
            {
                var g = new double[8];
                for (int i = 0; i < 4; i++)
                {
                    double[] polynomial = PolynomialGradient([v[i], .. v[4..]]); // [p'(xᵢ), xᵢ⁰, xᵢ¹, ...]
                    double p = 0;
                    for (int k = 0; k < 4; k++)
                    {
                        p += v[4 + k] * polynomial[k + 1];
                        g[4 + k] += polynomial[k + 1] * v[i];
                    }

                    g[i] = polynomial[0] * v[i] + p;
                }

                return g;
            }),

        // Horner at x0, x1 (then the sum passes 10 and breaks) times ReturnFromLoop(c) = (c0 + c1 + c2)·c3.
        TwoSpans("Call_TapedCalleesInBreakingLoop", [0.5, 1.2, -0.4, 0.9, 0.5, 1.5, -0.3, 2.5], CallCorpus.TapedCalleesInBreakingLoop,
            CallCorpus.TapedCalleesInBreakingLoopBackward, CallCorpus.TapedCalleesInBreakingLoopGradient,
            CallCorpus.TapedCalleesInBreakingLoopPullback, p => p.Value, (p, s, gx, gc) => p.Backward(s, gx, gc),
            TapedCalleesGradient),

        // Σ (xᵢ²)³
        Scalar("Call_LocalElementArguments", [1.5, -2, 0.25, -0.5], CallCorpus.LocalElementArguments, CallCorpus.LocalElementArgumentsBackward,
            CallCorpus.LocalElementArgumentsGradient, CallCorpus.LocalElementArgumentsPullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x => Map(x, v => 6 * Math.Pow(v, 5))),

        Binary("Call_CalleeReassignsItsParameter", [0.3, 2.5], CallCorpus.CalleeReassignsItsParameter, CallCorpus.CalleeReassignsItsParameterBackward,
            CallCorpus.CalleeReassignsItsParameterGradient, CallCorpus.CalleeReassignsItsParameterPullback, p => p.Value,
            (p, s, ref gx, ref gr) => p.Backward(s, ref gx, ref gr),
            LogisticMapTimesX),
#if GENERATOR_BUG_NON_SCALAR_CALLEES

        // LeakyReluArray(x)[0]·[1] + [2] at a point with x1 < 0.
        Scalar("Call_ArrayResultCallee", [1.5, -2, 0.25], CallCorpus.ArrayResultCallee, CallCorpus.ArrayResultCalleeBackward,
            CallCorpus.ArrayResultCalleeGradient, CallCorpus.ArrayResultCalleePullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x => [0.1 * x[1], 0.1 * x[0], 1]),

        // softmax(x)₀·3 + softmax(x)₁
        Scalar("Call_SpanOutputCallee", [0.3, 2.1, -1], CallCorpus.SpanOutputCallee, CallCorpus.SpanOutputCalleeBackward,
            CallCorpus.SpanOutputCalleeGradient, CallCorpus.SpanOutputCalleePullback, p => p.Value, (p, s, g) => p.Backward(s, g),
            x => SoftmaxVjp(x, [3, 1, 0])),

        // (x0² + 2x0)(x1² + 2x1)
        TensorCaseBuilder.ScalarResult("Call_TensorResultCallee", [2], [0.5, -1.5], CallCorpus.TensorResultCallee,
            CallCorpus.TensorResultCalleeBackward, CallCorpus.TensorResultCalleeGradient, CallCorpus.TensorResultCalleePullback,
            p => p.Value, (p, s, g) => p.Backward(s, g),
            (x, s) => Scale([(2 * x[0] + 2) * (x[1] * x[1] + 2 * x[1]), (x[0] * x[0] + 2 * x[0]) * (2 * x[1] + 2)], s[0])),
#endif
    ];

    /// <summary>
    /// Σᵢ p(xᵢ)·r(c) over the iterations before the break (s &gt; 10), with p Horner's polynomial and
    /// r = ReturnFromLoop(c), here (c0 + c1 + c2)·c3: flat [x (4)..., c (4)...].
    /// </summary>
    private static double[] TapedCalleesGradient(double[] v)
    {
        double[] x = v[..4], c = v[4..];
        double r = (c[0] + c[1] + c[2]) * c[3];
        double[] dr = [c[3], c[3], c[3], c[0] + c[1] + c[2]];
        var g = new double[8];
        double s = 0;
        for (int i = 0; i < 4; i++)
        {
            double[] polynomial = PolynomialGradient([x[i], .. c]); // [p'(xᵢ), xᵢ⁰, xᵢ¹, ...]
            double p = 0;
            for (int k = 0; k < 4; k++)
            {
                p += c[k] * polynomial[k + 1];
            }

            g[i] += r * polynomial[0];
            for (int k = 0; k < 4; k++)
            {
                g[4 + k] += r * polynomial[k + 1] + p * dr[k];
            }

            s += p * r;
            if (s > 10)
                break;
        }

        return g;
    }

    /// <summary>L(x, r)·x with L three steps of the logistic map: (∂L/∂x·x + L, ∂L/∂r·x), in forward mode.</summary>
    private static (double, double) LogisticMapTimesX(double x0, double r)
    {
        double x = x0, dx = 1, dr = 0;
        for (int k = 0; k < 3; k++)
        {
            double slope = r * (1 - 2 * x);
            dr = x * (1 - x) + slope * dr;
            dx = slope * dx;
            x = r * x * (1 - x);
        }

        return (dx * x0 + x, dr * x0);
    }

    /// <summary>s ← s + (xᵢ + s/10)² from 0, in forward mode.</summary>
    private static double[] SquareInLoopGradient(double[] x)
    {
        int n = x.Length;
        double s = 0;
        var ds = new double[n];
        for (int i = 0; i < n; i++)
        {
            double inner = x[i] + 0.1 * s;
            double[] dInner = Scale(ds, 0.1);
            dInner[i] += 1;
            ds = Combine(1, ds, 2 * inner, dInner);
            s += inner * inner;
        }

        return ds;
    }

    /// <summary>Σᵢ p(zᵢ)² over [z (3)..., c (4)...]: ∂/∂zᵢ = 2p(zᵢ)p'(zᵢ), ∂/∂cₖ = Σᵢ 2p(zᵢ)zᵢᵏ.</summary>
    private static double[] HornerAtEachPointGradient(double[] v)
    {
        double[] c = v[3..];
        var g = new double[v.Length];
        for (int i = 0; i < 3; i++)
        {
            double[] polynomial = PolynomialGradient([v[i], .. c]); // [p'(z), z⁰, z¹, ...]
            double p = 0;
            for (int k = 0; k < c.Length; k++)
            {
                p += c[k] * polynomial[k + 1];
            }

            g[i] = 2 * p * polynomial[0];
            for (int k = 0; k < c.Length; k++)
            {
                g[3 + k] += 2 * p * polynomial[k + 1];
            }
        }

        return g;
    }
#else
    public static DiffCase[] All { get; } = [];
#endif
}
