using System.Text;
using System.Text.Json;
using MMEvol.Core.Model;

namespace MMEvol.Core.Formats;

/// <summary>
/// One instruction item in MMEvol's schema. Tolerant where real files vary (METHOD.md,
/// "Parsing model output": <c>answers</c> for <c>answer</c>, a list or object answer joined
/// into text, a lone string for a list), strict where a wrong value would mislead (scores,
/// positions, empty text).
/// </summary>
internal static class ItemReader
{
    /// <param name="withVerdict">False for a model's rewrite: any score or decision it wrote about its own items is not a verdict.</param>
    public static SourceItem Read(JsonElement element, string path, bool withVerdict = true)
    {
        Json.RequiredObject(element, path);
        // The record's image is implicit in an item: a stray <image> token is markup, not text.
        var question = WithoutImageTokens(Json.RequiredString(element, "question", path + ".question"));
        if (string.IsNullOrWhiteSpace(question))
            throw new InvalidRecordException(path + ".question", "the question is empty");
        var answerValue = Json.Property(element, "answer") ?? Json.Property(element, "answers")
            ?? throw new InvalidRecordException(path + ".answer", "missing");
        var answer = WithoutImageTokens(AnswerText(answerValue));
        if (string.IsNullOrWhiteSpace(answer))
            throw new InvalidRecordException(path + ".answer", "the answer is empty");

        return new SourceItem(
            question,
            answer,
            ReadSteps(element, path + ".steps"),
            Json.StringList(element, "objects", path + ".objects"),
            Json.StringList(element, "skills", path + ".skills"),
            ReadFormat(element, path + ".format"),
            ReadPosition(element, path + ".image_position"),
            withVerdict ? ReadVerdict(element, path) : null,
            withVerdict ? ReadDecision(element, path + ".decision") : null);
    }

    private static string WithoutImageTokens(string text)
    {
        while (text.Contains(Conversation.ImageToken, StringComparison.Ordinal))
            text = Conversation.StripToken(text);
        return text;
    }

    public static string AnswerText(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString()!;
            case JsonValueKind.Array:
                return string.Join("\n", value.EnumerateArray().Select(AnswerText));
            case JsonValueKind.Object:
                var text = new StringBuilder();
                foreach (var property in value.EnumerateObject())
                    text.Append(text.Length == 0 ? "" : "\n").Append(property.Name).Append(": ").Append(AnswerText(property.Value));
                return text.ToString();
            default:
                return value.GetRawText();
        }
    }

    private static IReadOnlyList<Step> ReadSteps(JsonElement element, string path)
    {
        if (Json.Property(element, "steps") is not { } steps)
            return [];
        if (steps.ValueKind != JsonValueKind.Array)
            throw new InvalidRecordException(path, $"expected a list of steps, found {Json.Describe(steps)}");
        var result = new List<Step>(steps.GetArrayLength());
        var i = 0;
        foreach (var step in steps.EnumerateArray())
        {
            var stepPath = $"{path}[{i++}]";
            result.Add(step.ValueKind == JsonValueKind.String
                ? new Step("None", step.GetString()!)
                : new Step(
                    Json.OptionalString(Json.RequiredObject(step, stepPath), "manipulation", stepPath + ".manipulation") ?? "None",
                    Json.OptionalString(step, "description", stepPath + ".description") ?? ""));
        }
        return result;
    }

    private static string ReadFormat(JsonElement element, string path)
    {
        var format = Json.OptionalString(element, "format", path);
        if (format is null)
            return InstructionFormats.Norm;
        return format.Length is > 0 and <= 64 ? format : throw new InvalidRecordException(path, "expected a format name of 1 to 64 characters");
    }

    private static string ReadPosition(JsonElement element, string path)
    {
        var position = Json.OptionalString(element, "image_position", path);
        if (position is null)
            return ImagePosition.Single;
        return ImagePosition.All.FirstOrDefault(p => string.Equals(p, position.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidRecordException(path, $"'{position}' is not one of {string.Join(", ", ImagePosition.All)}");
    }

    private static Verdict? ReadVerdict(JsonElement element, string path)
    {
        var score = Json.Property(element, "score") is { } s ? Json.Number(s, path + ".score") : (double?)null;
        if (score is < 0 or > 10)
            throw new InvalidRecordException(path + ".score", $"{score} is outside 0..10");
        bool? improved = Json.Property(element, "improved") switch
        {
            null => null,
            { ValueKind: JsonValueKind.True } => true,
            { ValueKind: JsonValueKind.False } => false,
            { ValueKind: JsonValueKind.String } v when v.GetString()!.Equals("yes", StringComparison.OrdinalIgnoreCase) => true,
            { ValueKind: JsonValueKind.String } v when v.GetString()!.Equals("no", StringComparison.OrdinalIgnoreCase) => false,
            _ => throw new InvalidRecordException(path + ".improved", "expected yes, no, true or false"),
        };
        var reason = Json.OptionalString(element, "reason", path + ".reason");
        var judge = Json.OptionalString(element, "judge", path + ".judge");
        return score is null && improved is null && reason is null && judge is null
            ? null
            : new Verdict(improved, score, reason, judge);
    }

    private static Decision? ReadDecision(JsonElement element, string path) =>
        Json.OptionalString(element, "decision", path) switch
        {
            null => null,
            var d when d.Equals("kept", StringComparison.OrdinalIgnoreCase) => Decision.Kept,
            var d when d.Equals("eliminated", StringComparison.OrdinalIgnoreCase) => Decision.Eliminated,
            var d => throw new InvalidRecordException(path, $"'{d}' is neither kept nor eliminated"),
        };
}
