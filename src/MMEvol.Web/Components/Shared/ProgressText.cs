namespace MMEvol.Web.Components.Shared;

/// <summary>A job's count as shown: "done / total", or the count alone while the total is unknown (an external trainer that has not stated it).</summary>
internal static class ProgressText
{
    public static string Of(int done, int total) => total > 0 ? done.ToString("N0") + " / " + total.ToString("N0") : done.ToString("N0");
}
