using System.Globalization;
using System.Numerics;

namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>
/// The 0-10 difficulty score from the paper's criteria. A plain grounded Q&amp;A starts at 2.6 and
/// gains for length, steps, skills, objects, kinds of visual detail and an interaction format, each
/// capped so that no one criterion dominates: a seed item lands near 3-4, a multi-step item with
/// several objects and skills near 6-8.
/// </summary>
internal static class ItemScorer
{
    public const double Base = 2.6;

    /// <summary>What an item whose answer the scene contradicts, or that names an absent object, scores.</summary>
    public const double Wrong = 1.0;

    public static double Score(ItemProfile profile)
    {
        var score = Base
            + Math.Min(1.2, profile.Words / 60.0)
            + Math.Min(1.6, 0.4 * profile.Steps)
            + Math.Min(1.2, 0.35 * profile.Skills)
            + Math.Min(1.4, 0.35 * profile.Objects)
            + Math.Min(0.8, 0.2 * BitOperations.PopCount((uint)profile.Details))
            + (profile.Interaction ? 0.5 : 0);
        return Math.Round(Math.Clamp(score, 0, 10), 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>"3 objects, 2 steps, 1 skill, position and size".</summary>
    public static string Summary(ItemProfile profile)
    {
        var parts = new List<string>();
        Add(parts, profile.Objects, "object");
        Add(parts, profile.Steps, "step");
        Add(parts, profile.Skills, "skill");
        var details = Enum.GetValues<DetailKind>().Where(d => d != DetailKind.None && profile.Details.HasFlag(d))
            .Select(d => d.ToString().ToLowerInvariant()).ToList();
        if (details.Count > 0)
        {
            parts.Add(string.Join(" and ", details));
        }

        if (profile.Interaction)
        {
            parts.Add("interaction format");
        }

        return parts.Count == 0 ? "plain question" : string.Join(", ", parts);
    }

    public static string Format(double score) => score.ToString("0.0", CultureInfo.InvariantCulture);

    private static void Add(List<string> parts, int count, string noun)
    {
        if (count > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}"));
        }
    }
}
