using System.Collections.Frozen;
using System.Globalization;
using MMEvol.Core.Model;

namespace MMEvol.Core.Evolution.Prompts;

/// <summary>
/// Builds the evolver's messages for one record (METHOD.md, "The three evolution directions"): a
/// system message per direction holding the task, the rules, the atomic skills, the visual
/// operations, the item schema and examples (plus the 17 formats for interaction), and a user
/// message holding the record's caption, boxes and parent list. Pure and deterministic.
/// </summary>
public static class EvolutionPrompts
{
    // Sections shared by the three directions; each direction's template places them.
    private static readonly string[] Shared = ["rules", "skills", "operations", "schema", "output"];
    private static readonly string[] UserResources = ["evolution-user", "notes"];

    private static readonly FrozenDictionary<Direction, (string System, string Version)> Systems =
        new Dictionary<Direction, string>
        {
            [Direction.Perception] = "perception",
            [Direction.Reasoning] = "reasoning",
            [Direction.Interaction] = "interaction",
        }.ToFrozenDictionary(pair => pair.Key, pair => Prepare(pair.Value));

    public static ChatPrompt Build(EvolutionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Systems.TryGetValue(request.Direction, out var system))
            throw new ArgumentOutOfRangeException(nameof(request), request.Direction, "Only perception, reasoning and interaction rewrite a list.");
        if (request.Parents.Count == 0)
            throw new ArgumentException("An evolution rewrites a non-empty parent list.", nameof(request));

        var user = PromptTemplate.Fill(PromptResources.Text("evolution-user"), new Dictionary<string, string>
        {
            ["image"] = RecordSections.Image(request.ImagePath),
            ["caption"] = RecordSections.Caption(request.Caption),
            ["detections"] = RecordSections.Detections(request.Detections),
            ["parents"] = PromptJson.ItemList(request.Parents),
            ["count"] = request.Parents.Count.ToString(CultureInfo.InvariantCulture),
        });
        return new ChatPrompt(system.System, user, system.Version);
    }

    private static (string System, string Version) Prepare(string name)
    {
        var values = Shared.ToDictionary(section => section, PromptResources.Text);
        // Only interaction lists the formats; the other templates have no {{formats}} and need none.
        values["formats"] = PromptResources.Text("formats");
        var resources = new List<string> { name };
        resources.AddRange(Shared);
        if (name == "interaction")
            resources.Add("formats");
        resources.AddRange(UserResources);
        return (PromptTemplate.Fill(PromptResources.Text(name), values), PromptVersion.Of(name, resources));
    }
}
