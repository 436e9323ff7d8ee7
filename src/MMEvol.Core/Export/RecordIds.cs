using System.Globalization;
using MMEvol.Core.Model;

namespace MMEvol.Core.Export;

internal static class RecordIds
{
    /// <summary>The source id; ShareGPT files have none, so such records are named by their index.</summary>
    public static string Of(ImageRecord record) =>
        record.SourceId ?? "record_" + record.SourceIndex.ToString(CultureInfo.InvariantCulture);
}
