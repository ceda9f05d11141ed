using System;
using System.Collections.Generic;
using System.Text;

namespace SourceGen.Autodiff;

/// <summary>
/// Renders a tensor exactly as PyTorch's <c>torch/_tensor_str.py</c> renders a float tensor
/// under the default print options (precision 4, threshold 1000, edge items 3, line width 80),
/// so numbers printed here can be compared with PyTorch output character for character.
/// </summary>
internal static class PyTorchFormat
{
    private const int Threshold = 1000;
    private const int EdgeItems = 3;
    private const int LineWidth = 80;
    private const string Prefix = "tensor(";

    public static string Format(int[] shape, double[] data)
    {
        if (data.Length == 0)
        {
            // PyTorch prints the size of an empty tensor unless it is a plain empty vector.
            return shape.Length == 1 ? "tensor([])" : $"tensor([], size={ShapeFormat.Format(shape)})";
        }

        bool summarize = data.Length > Threshold;
        var shown = new List<double>();
        CollectShown(shape, data, 0, 0, summarize, shown);
        var layout = new Layout(shape, data, summarize, new ElementFormatter(shown));
        return Prefix + layout.Render(0, 0, Prefix.Length) + ")";
    }

    private static int Stride(int[] shape, int axis)
    {
        int stride = 1;
        for (int next = axis + 1; next < shape.Length; next++)
        {
            stride *= shape[next];
        }

        return stride;
    }

    private static bool Elides(int size, bool summarize) => summarize && size > 2 * EdgeItems;

    // The values PyTorch looks at to choose the number format: all of them, or in a summarized
    // tensor only the edge items that are printed.
    private static void CollectShown(int[] shape, double[] data, int axis, int offset, bool summarize, List<double> shown)
    {
        if (axis == shape.Length)
        {
            shown.Add(data[offset]);
            return;
        }

        int size = shape[axis];
        int stride = Stride(shape, axis);
        for (int index = 0; index < size; index++)
        {
            if (Elides(size, summarize) && index == EdgeItems)
            {
                index = size - EdgeItems;
            }

            CollectShown(shape, data, axis + 1, offset + (index * stride), summarize, shown);
        }
    }

    private sealed class Layout(int[] shape, double[] data, bool summarize, ElementFormatter formatter)
    {
        public string Render(int axis, int offset, int indent)
        {
            int remainingRank = shape.Length - axis;
            if (remainingRank == 0)
            {
                return formatter.Format(data[offset]);
            }

            if (remainingRank == 1)
            {
                return RenderVector(axis, offset, indent);
            }

            int size = shape[axis];
            int stride = Stride(shape, axis);
            var slices = new List<string>();
            for (int index = 0; index < size; index++)
            {
                if (Elides(size, summarize) && index == EdgeItems)
                {
                    slices.Add("...");
                    index = size - EdgeItems;
                }

                slices.Add(Render(axis + 1, offset + (index * stride), indent + 1));
            }

            // Blocks of a rank-3 tensor are separated by a blank line, rows by a line break.
            string separator = "," + new string('\n', remainingRank - 1) + new string(' ', indent + 1);
            return "[" + string.Join(separator, slices) + "]";
        }

        private string RenderVector(int axis, int offset, int indent)
        {
            int size = shape[axis];
            var items = new List<string>();
            for (int index = 0; index < size; index++)
            {
                if (Elides(size, summarize) && index == EdgeItems)
                {
                    items.Add(" ...");
                    index = size - EdgeItems;
                }

                items.Add(formatter.Format(data[offset + index]));
            }

            // Each item takes its width plus ", "; PyTorch wraps to stay within the line width.
            int itemsPerLine = Math.Max(1, (LineWidth - indent) / (formatter.Width + 2));
            var lines = new List<string>();
            for (int start = 0; start < items.Count; start += itemsPerLine)
            {
                lines.Add(string.Join(", ", items.GetRange(start, Math.Min(itemsPerLine, items.Count - start))));
            }

            return "[" + string.Join(",\n" + new string(' ', indent + 1), lines) + "]";
        }
    }
}
