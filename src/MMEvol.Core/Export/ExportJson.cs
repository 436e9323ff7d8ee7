using System.Text.Encodings.Web;
using System.Text.Json;

namespace MMEvol.Core.Export;

/// <summary>One writer setup for every export so that the same store gives the same bytes on any OS.</summary>
internal static class ExportJson
{
    public static JsonWriterOptions Options(bool indented) => new()
    {
        Indented = indented,
        NewLine = "\n",
        // Text is data: a question holding "<b>" or "é" is written as is, not escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
