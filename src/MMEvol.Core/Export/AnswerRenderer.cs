using System.Globalization;
using System.Text;
using MMEvol.Core.Model;

namespace MMEvol.Core.Export;

/// <summary>
/// Training code reads plain answers, so an item's reasoning steps go into its answer text
/// (METHOD.md, "Export of kept items"): one line per step with its visual operation, then the answer.
/// </summary>
public static class AnswerRenderer
{
    public static string Render(Instruction item)
    {
        if (item.Steps.Count == 0)
            return item.Answer;
        var text = new StringBuilder();
        for (var i = 0; i < item.Steps.Count; i++)
        {
            var step = item.Steps[i];
            text.Append(CultureInfo.InvariantCulture, $"Step {i + 1}");
            if (!string.IsNullOrWhiteSpace(step.Manipulation) && !step.Manipulation.Equals("None", StringComparison.OrdinalIgnoreCase))
                text.Append(" (").Append(step.Manipulation).Append(')');
            text.Append(": ").Append(step.Description).Append('\n');
        }
        return text.Append("Answer: ").Append(item.Answer).ToString();
    }
}
