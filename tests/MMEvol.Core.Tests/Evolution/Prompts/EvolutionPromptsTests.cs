using System.Text.Json;
using MMEvol.Core.Elimination;
using MMEvol.Core.Evolution;
using MMEvol.Core.Evolution.Offline;
using MMEvol.Core.Evolution.Prompts;
using MMEvol.Core.Formats;
using MMEvol.Core.Model;

namespace MMEvol.Core.Tests.Evolution.Prompts;

public sealed class EvolutionPromptsTests
{
    private static readonly Direction[] Evolving = [Direction.Perception, Direction.Reasoning, Direction.Interaction];

    public static readonly TheoryData<Direction> Directions = new(Evolving);

    private static readonly Detection[] Boxes = [new("red car", 0.3124, 0.405, 0.68751, 0.921), new("traffic\nlight", 0.05, 0.1, 0.12, 0.3)];

    private static readonly SourceItem[] Parents =
    [
        SourceItem.Plain("What is parked by the road?", "A red car with \"tinted\" windows, café sign behind."),
        new("Where is the traffic light relative to the car?", "It is to the left of the car.",
            [new Step("Grounding_1(traffic light)->bbx_1", "At [0.050, 0.100, 0.120, 0.300].")],
            ["traffic light", "red car"], ["Grounding", "Relationship Description"], "Norm", "top left"),
    ];

    private static ChatPrompt Build(Direction direction, IReadOnlyList<Detection>? detections = null, string? caption = "A red car waits at a crossing.",
        string? image = "/data/images/0001.jpg") =>
        EvolutionPrompts.Build(new EvolutionRequest("key", 1, direction, caption, detections ?? Boxes, image, Parents, 7));

    private static string Text(ChatPrompt prompt) => prompt.System + "\n" + prompt.User;

    [Theory]
    [MemberData(nameof(Directions))]
    public void Build_AnyDirection_CarriesCaptionBoxesSkillsOperationsAndSchema(Direction direction)
    {
        var prompt = Build(direction);

        Assert.Contains("A red car waits at a crossing.", prompt.User);
        Assert.Contains("red car: [0.312, 0.405, 0.688, 0.921]", prompt.User);
        Assert.Contains("traffic light: [0.050, 0.100, 0.120, 0.300]", prompt.User);
        Assert.Contains("The image is attached", prompt.User);
        Assert.All(AtomicSkills.All, skill => Assert.Contains($"- {skill}:", prompt.System));
        Assert.All(["Grounding(target) -> box", "Referring(box) -> target", "Calculate(targets) -> result", "OCR(region) -> text", "None"],
            operation => Assert.Contains(operation, prompt.System));
        Assert.All(["image_position", "objects", "skills", "format", "question", "steps", "manipulation", "description", "answer"],
            key => Assert.Contains($"\"{key}\"", prompt.System));
        Assert.Contains("#Examples#", prompt.System);
        Assert.DoesNotContain("{{", Text(prompt));
        Assert.DoesNotMatch(@"\{\{|[a-z_]\}\}", Text(prompt));
    }

    [Theory]
    [MemberData(nameof(Directions))]
    public void Build_AnyDirection_StatesEveryRule(Direction direction)
    {
        var system = Build(direction).System;

        Assert.Contains("must agree with the image", system);
        Assert.Contains("The caption may contain errors", system);
        Assert.Contains("Never invent coordinates", system);
        Assert.Contains("When no boxes are given, ask no counting question", system);
        Assert.Contains("Never write the section markers", system);
        Assert.Contains("Keep the image_position", system);
        Assert.Contains("exactly as many items as the parent list", system);
        Assert.Contains("item 1 rewrites parent item 1", system);
    }

    [Theory]
    [MemberData(nameof(Directions))]
    public void Build_AnyDirection_ParentListRoundTripsThroughItemReader(Direction direction)
    {
        var user = Build(direction).User;
        var start = user.IndexOf("#Parent Items#\n", StringComparison.Ordinal) + "#Parent Items#\n".Length;
        var json = user[start..user.IndexOf("\n\n#Task#", StringComparison.Ordinal)];

        using var document = JsonDocument.Parse(json);
        var items = document.RootElement.EnumerateArray().Select((e, i) => ItemReader.Read(e, $"item {i}")).ToList();

        Assert.Equal(Parents.Length, items.Count);
        for (var i = 0; i < Parents.Length; i++)
        {
            Assert.Equal(Parents[i].Question, items[i].Question);
            Assert.Equal(Parents[i].Answer, items[i].Answer);
            Assert.Equal(Parents[i].Steps, items[i].Steps);
            Assert.Equal(Parents[i].Objects, items[i].Objects);
            Assert.Equal(Parents[i].Skills, items[i].Skills);
            Assert.Equal(Parents[i].Format, items[i].Format);
            Assert.Equal(Parents[i].ImagePosition, items[i].ImagePosition);
        }
        Assert.Contains("JSON list of length 2", user);
    }

    [Fact]
    public void Build_Interaction_ListsAllFormatsAndTheFallback()
    {
        var system = Build(Direction.Interaction).System;

        Assert.All(InstructionFormats.Interaction, format => Assert.Contains($"- {format}:", system));
        Assert.Contains("if no format fits, use multi_choice", system);
        Assert.Contains("Keep the item's content, objects and image_position", system);
    }

    [Theory]
    [InlineData(Direction.Perception)]
    [InlineData(Direction.Reasoning)]
    public void Build_NotInteraction_LeavesTheFormatListOut(Direction direction) =>
        Assert.DoesNotContain("- missing_object_selection:", Build(direction).System);

    [Theory]
    [MemberData(nameof(Directions))]
    public void Build_NoDetectionsNoCaptionNoImage_SaysSoAndStatesTheCountingRule(Direction direction)
    {
        var user = Build(direction, detections: [], caption: "  ", image: null).User;

        Assert.Contains("No boxes are given for this image. Ask no counting question and no localization question", user);
        Assert.Contains("No caption is given", user);
        Assert.Contains("No image comes with this record", user);
        Assert.DoesNotContain("[0.", user.Split("#Parent Items#")[0]);
    }

    [Theory]
    [MemberData(nameof(Directions))]
    public void Build_AnyDirection_EveryEchoedMarkerFailsTheCheapCheck(Direction direction)
    {
        var markers = Text(Build(direction)).Split('\n').Where(line => line.StartsWith('#')).ToList();

        Assert.Contains("#Parent Items#", markers);
        Assert.All(markers, marker =>
            Assert.Equal(CheapChecks.TemplateEcho, CheapChecks.Failure(SourceItem.Plain("What is the dog doing?", marker + "\nIt runs after the ball."), null)));
    }

    [Fact]
    public void Build_Versions_DifferByDirectionAndStayStable()
    {
        var versions = Evolving.Select(d => Build(d).Version).ToList();

        Assert.Equal(3, versions.Distinct().Count());
        Assert.Matches(@"^reasoning/v\d+-[0-9a-f]{8}$", Build(Direction.Reasoning).Version);
        Assert.Equal(versions, Evolving.Select(d => Build(d, detections: [], caption: null).Version));
        Assert.Equal(Build(Direction.Reasoning), Build(Direction.Reasoning));
    }

    [Theory]
    [InlineData(Direction.Seed)]
    [InlineData(Direction.Unknown)]
    public void Build_SeedOrUnknown_Throws(Direction direction) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Build(direction));
}
