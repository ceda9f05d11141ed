using System;
using System.Text;

namespace SourceGen.Autodiff;

/// <summary>
/// Writes shapes the way every error message in this library shows them: <c>(1, 2)</c>,
/// <c>(3)</c> for a vector and <c>()</c> for a scalar, like PyTorch's size messages.
/// </summary>
internal static class ShapeFormat
{
    public static string Format(ReadOnlySpan<int> shape)
    {
        var text = new StringBuilder("(");
        for (int axis = 0; axis < shape.Length; axis++)
        {
            if (axis > 0)
            {
                text.Append(", ");
            }

            text.Append(shape[axis]);
        }

        return text.Append(')').ToString();
    }
}
