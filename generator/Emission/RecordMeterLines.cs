namespace SourceGen.Autodiff.Generator.Emission;

/// <summary>
/// Lines reporting a Backward method's records to <c>RecordMeter</c>, compiled only where the
/// consuming project defines <c>SOURCEGEN_AUTODIFF_RECORDS</c>: how the benchmarks measure the
/// bytes recorded per call without changing the code they time.
/// </summary>
internal static class RecordMeterLines
{
    public const string Symbol = "SOURCEGEN_AUTODIFF_RECORDS";

    /// <summary>The report of the records held (null when the program records nothing).</summary>
    public static string? Call(Differentiation.BackwardProgram program, bool local)
    {
        if (!program.NeedsTape)
        {
            return null;
        }
        string values, decisions;
        if (local)
        {
            var (usesValues, usesDecisions) = LocalTape.Uses(program);
            if (!usesValues && !usesDecisions)
            {
                return null;
            }
            values = usesValues ? LocalTape.ValueCount : "0";
            decisions = usesDecisions ? LocalTape.DecisionCount : "0";
        }
        else
        {
            values = $"{ExpressionPrinter.Tape}.ValueCount";
            decisions = $"{ExpressionPrinter.Tape}.DecisionCount";
        }
        return $"global::SourceGen.Autodiff.RecordMeter.Observe({values}, {decisions});";
    }

    public static void Print(IndentedWriter writer)
    {
        if (writer.RecordMeterCall is { } call)
        {
            writer.Line("#if " + Symbol);
            writer.Line(call);
            writer.Line("#endif");
        }
    }
}
