using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MMEvol.Core.Model;

namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>Renders verdicts the way a model judge answers (METHOD.md: improved yes/no, score, reason per item).</summary>
internal static class VerdictJson
{
    // Reasons quote the item's text; the relaxed encoder keeps them readable (the output never goes into HTML).
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Render(IReadOnlyList<Verdict> verdicts)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            writer.WriteStartArray();
            foreach (var verdict in verdicts)
            {
                writer.WriteStartObject();
                writer.WriteString("improved", verdict.Improved == true ? "yes" : "no");
                writer.WriteNumber("score", verdict.Score ?? 0);
                writer.WriteString("reason", verdict.Reason);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
