using System.Globalization;
using MMEvol.Core.Elimination;

namespace MMEvol.Core.Evolution.Prompts;

/// <summary>
/// Builds the judge's messages (METHOD.md, "Instruction elimination"): text only, the parent list and
/// the rewritten list as numbered question/answer pairs (item i pairs with parent i), the criteria, and
/// one verdict asked per rewritten item. Without parents (round 0, the seed scored on its own) the
/// judge is asked for a score and a reason only.
/// </summary>
public static class JudgePrompts
{
    public const string CompareName = "judge";
    public const string ScoreOnlyName = "judge-score";

    private static readonly Lazy<(string System, string Version)> Compare = new(() => Prepare(CompareName, "judge-user"));
    private static readonly Lazy<(string System, string Version)> ScoreOnly = new(() => Prepare(ScoreOnlyName, "judge-score-user"));

    /// <summary>True when the request is scored without parents, the way the parser must then read the answer.</summary>
    public static bool IsScoreOnly(JudgeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Parents.Count == 0;
    }

    public static ChatPrompt Build(JudgeRequest request)
    {
        var scoreOnly = IsScoreOnly(request);
        var (system, version) = scoreOnly ? ScoreOnly.Value : Compare.Value;
        var values = new Dictionary<string, string>
        {
            ["items"] = PromptJson.NumberedPairs(request.Items),
            ["count"] = request.Items.Count.ToString(CultureInfo.InvariantCulture),
        };
        if (!scoreOnly)
        {
            values["parents"] = PromptJson.NumberedPairs(request.Parents);
            values["unpaired"] = request.Items.Count > request.Parents.Count ? "\n" + PromptResources.Note("unpaired") + "\n" : "";
        }
        var user = PromptTemplate.Fill(PromptResources.Text(scoreOnly ? "judge-score-user" : "judge-user"), values);
        return new ChatPrompt(system, user, version);
    }

    private static (string System, string Version) Prepare(string name, string userTemplate)
    {
        var system = PromptTemplate.Fill(PromptResources.Text(name), new Dictionary<string, string> { ["criteria"] = PromptResources.Text("criteria") });
        return (system, PromptVersion.Of(name, [name, "criteria", userTemplate, "notes"]));
    }
}
