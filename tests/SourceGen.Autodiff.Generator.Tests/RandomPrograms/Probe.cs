using System;
using System.Collections.Generic;
using System.Reflection;

namespace SourceGen.Autodiff.Generator.Tests.RandomPrograms;

/// <summary>Delegates to one compiled program's probe class (see <see cref="ProbeWriter"/>).</summary>
public sealed class Probe
{
    public Probe(Assembly assembly, RandomProgram program)
    {
        var type = assembly.GetType($"{ProgramPrinter.Namespace}.{ProbeWriter.ClassName(program)}", throwOnError: true)!;
        Forward = Bind<Func<double[], double[]>>(type, "Forward")!;
        Twin = Bind<Func<double[], int, List<int>, List<double>, bool, double[], double[]>>(type, "Twin")!;
        Backward = Bind<Func<double[], double[], double[], double[]>>(type, "Backward")!;
        Pullback = Bind<Func<double[], double[], double[], double[], double[]>>(type, "Pullback")!;
        Gradient = Bind<Func<double[], double[]>>(type, "Gradient");
        Jacobian = Bind<Func<double[], double[,]>>(type, "Jacobian");
    }

    /// <summary>F at X: its flat output.</summary>
    public Func<double[], double[]> Forward { get; }

    /// <summary>
    /// The twin at X over dual numbers with derivative 1 at one flat input (none for -1): returns
    /// the output values, appends its decisions to the first list, records the values it stops
    /// the gradient of in the second (or replays them from it), writes the output derivatives.
    /// </summary>
    public Func<double[], int, List<int>, List<double>, bool, double[], double[]> Twin { get; }

    /// <summary>FBackward(X, seed, G): returns the output, adds the gradient into G.</summary>
    public Func<double[], double[], double[], double[]> Backward { get; }

    /// <summary>FPullback(X) then inputs overwritten, Backward once into G1 and twice into G2; returns Value.</summary>
    public Func<double[], double[], double[], double[], double[]> Pullback { get; }

    /// <summary>FGradient(X) flattened (scalar results only).</summary>
    public Func<double[], double[]>? Gradient { get; }

    /// <summary>FJacobian(X) (when the contract provides it).</summary>
    public Func<double[], double[,]>? Jacobian { get; }

    private static T? Bind<T>(Type type, string name)
        where T : Delegate =>
        type.GetMethod(name, BindingFlags.Public | BindingFlags.Static)?.CreateDelegate<T>();
}
