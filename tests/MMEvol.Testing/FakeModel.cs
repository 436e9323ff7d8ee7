using System.Globalization;
using System.Text.RegularExpressions;

namespace MMEvol.Testing;

/// <summary>
/// Plays a chat model behind <see cref="ChatCompletionsStub"/>: it tells an evolution request from a
/// judge request by the prompt's sections, reads how many items or verdicts the prompt asks for,
/// and answers with that many well-formed ones. Only the model is fake; the protocol is real.
/// </summary>
public static partial class FakeModel
{
    public static bool IsJudge(StubRequest request) =>
        request.MessageTexts.Any(t => t.Contains("#Rewritten Items#", StringComparison.Ordinal) || t.Contains("#Items#", StringComparison.Ordinal));

    /// <summary>The number of items or verdicts the prompt asks for ("a JSON list of length N").</summary>
    public static int Wanted(StubRequest request)
    {
        foreach (var text in request.MessageTexts)
            if (Length().Match(text) is { Success: true } m)
                return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return 1;
    }

    public static string Items(int count) => "[" + string.Join(",", Enumerable.Range(0, count).Select(i =>
        $$"""{"image_position": "single", "objects": ["shape"], "skills": ["Grounding", "Calculating"], "format": "Norm", "question": "Rewritten question {{i}} about the picture: which shape is larger, and by how much?", "steps": [{"manipulation": "Grounding_1(shape)->bbx_1", "description": "Find the shape."}], "answer": "The first shape is larger; its box covers about twice the area."}""")) + "]";

    public static string Verdicts(int count, bool improved = true, double score = 7) => "[" + string.Join(",", Enumerable.Range(0, count).Select(_ =>
        $$"""{"improved": "{{(improved ? "yes" : "no")}}", "score": {{score.ToString(CultureInfo.InvariantCulture)}}, "reason": "more steps and objects than the parent"}""")) + "]";

    /// <summary>A model that always answers well: items for evolution prompts, "improved" verdicts for judge prompts.</summary>
    public static StubReply Answer(StubRequest request, int promptTokens = 1200, int completionTokens = 300) =>
        StubReply.Completion(IsJudge(request) ? Verdicts(Wanted(request)) : Items(Wanted(request)), promptTokens, completionTokens);

    [GeneratedRegex(@"JSON list of length (\d+)")]
    private static partial Regex Length();
}
