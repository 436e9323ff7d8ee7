using System.Globalization;
using System.Text;
using MMEvol.Core.Model;

namespace MMEvol.Core.Evolution.Prompts;

/// <summary>What an evolution prompt says about the record itself: its image, caption and boxes.</summary>
internal static class RecordSections
{
    public static string Image(string? imagePath) => PromptResources.Note(imagePath is null ? "no-image" : "image");

    public static string Caption(string? caption) =>
        string.IsNullOrWhiteSpace(caption) ? PromptResources.Note("no-caption") : caption.Trim();

    /// <summary>
    /// One "label: [x1, y1, x2, y2]" line per box, 3 decimals. Without boxes the note restates the
    /// no-counting, no-localization rule right where the model looks for boxes.
    /// </summary>
    public static string Detections(IReadOnlyList<Detection> detections)
    {
        if (detections.Count == 0)
            return PromptResources.Note("no-detections");
        var text = new StringBuilder(PromptResources.Note("detections-intro"));
        foreach (var d in detections)
            text.Append('\n').Append(DetectionLine(d));
        return text.ToString();
    }

    public static string DetectionLine(Detection d) =>
        string.Create(CultureInfo.InvariantCulture, $"{Label(d.Label)}: [{d.X1:0.000}, {d.Y1:0.000}, {d.X2:0.000}, {d.Y2:0.000}]");

    // A label is one line of text: a newline or tab inside it would break the one-box-per-line layout.
    private static string Label(string label) =>
        string.Join(' ', label.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
