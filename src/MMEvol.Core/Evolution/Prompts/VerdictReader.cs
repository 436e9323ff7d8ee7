using System.Globalization;
using System.Text.Json;
using MMEvol.Core.Formats;
using MMEvol.Core.Model;

namespace MMEvol.Core.Evolution.Prompts;

/// <summary>One verdict of a judge's answer, or what is wrong with it ("verdict 2: score 11 is outside 0..10").</summary>
internal static class VerdictReader
{
    public static (Verdict? Verdict, string? Problem) Read(JsonElement element, int number, bool scoreOnly, string judge)
    {
        var name = $"verdict {number.ToString(CultureInfo.InvariantCulture)}";
        if (element.ValueKind != JsonValueKind.Object)
            return (null, $"{name} is {Json.Describe(element)}, not an object");
        if (Json.Property(element, "score") is not { } scoreValue)
            return (null, $"{name} has no score");
        var score = Score(scoreValue);
        // A score out of range is a judge that misread the scale: clamping it would store a guess.
        if (score is null or < 0 or > 10 || !double.IsFinite(score.Value))
            return (null, $"{name}: score {scoreValue.GetRawText()} is not a number from 0 to 10");

        bool? improved = null;
        if (!scoreOnly)
        {
            if (Json.Property(element, "improved") is not { } improvedValue)
                return (null, $"{name} has no improved");
            improved = Improved(improvedValue);
            if (improved is null)
                return (null, $"{name}: improved {improvedValue.GetRawText()} is not yes or no");
        }
        return (new Verdict(improved, score, Reason(element), judge), null);
    }

    private static double? Score(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.TryGetDouble(out var number) ? number : null,
        JsonValueKind.String => double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
        _ => null,
    };

    private static bool? Improved(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => value.GetString()!.Trim().ToLowerInvariant() switch
        {
            "yes" or "true" => true,
            "no" or "false" => false,
            _ => null,
        },
        _ => null,
    };

    private static string? Reason(JsonElement element) => Json.Property(element, "reason") switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } reason => reason.GetString()!.Trim(),
        // A model sometimes gives its reasons as a list of points: keep them as text.
        { } other => ItemReader.AnswerText(other),
    };
}
