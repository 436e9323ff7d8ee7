using MMEvol.Core.Elimination;
using MMEvol.Core.Evolution.Prompts;
using MMEvol.Core.Formats;
using MMEvol.Core.Model;

namespace MMEvol.Core.Tests.Evolution.Prompts;

public sealed class JudgePromptsTests
{
    private static readonly SourceItem[] Parents =
    [
        SourceItem.Plain("What is on the table?", "A cake."),
        SourceItem.Plain("Is it day or night?", "Day."),
    ];

    private static readonly SourceItem[] Rewrites =
    [
        new("Which of the cake's decorations suggests the occasion?", "The lit candles suggest a birthday.",
            [new Step("Grounding_1(cake)->bbx_1", "The cake is at [0.1, 0.2, 0.5, 0.6].")], ["cake"], ["Grounding"], "Norm", "single"),
        SourceItem.Plain("Fill in the blank: the light through the window shows it is ___.", "daytime") with { Format = "fill_in_the_blank" },
    ];

    private static ChatPrompt Build(IReadOnlyList<SourceItem> parents, IReadOnlyList<SourceItem> items) =>
        JudgePrompts.Build(new JudgeRequest(1, parents, items, "A party table.", [new Detection("cake", 0.1, 0.2, 0.5, 0.6)], new HashSet<string> { "cake" }));

    [Fact]
    public void Build_WithParents_PairsNumberedItemsWithParentsAndAsksForVerdicts()
    {
        var prompt = Build(Parents, Rewrites);

        Assert.Contains("#Parent Items#\n1. {\"question\":\"What is on the table?\",\"answer\":\"A cake.\"}\n2. {\"question\":\"Is it day or night?\"", prompt.User);
        Assert.Contains("#Rewritten Items#\n1. {\"question\":\"Which of the cake's decorations suggests the occasion?\"", prompt.User);
        Assert.Contains("\n2. {\"question\":\"Fill in the blank: the light through the window shows it is ___.\",\"answer\":\"daytime\"}", prompt.User);
        Assert.Contains("Rewritten item i is the rewrite of parent item i", prompt.System);
        Assert.Contains("{\"improved\": \"yes\", \"score\": 7, \"reason\": \"one short sentence\"}", prompt.System);
        Assert.Contains("JSON list of length 2", prompt.User);
        Assert.StartsWith("judge/v1-", prompt.Version);
        Assert.DoesNotContain("{{", prompt.System + prompt.User);
    }

    [Fact]
    public void Build_WithParents_StatesEveryCriterion()
    {
        var system = Build(Parents, Rewrites).System;

        Assert.All(["- Length:", "- Semantic complexity:", "- Visual information:", "- Format variation:", "- Visual independence:"],
            criterion => Assert.Contains(criterion, system));
        Assert.Contains("can be answered without seeing the image", system);
        Assert.Contains("An item answerable without the image has not improved, whatever else it adds, and scores 0.", system);
    }

    [Fact]
    public void Build_Any_IsTextOnlyQuestionAndAnswer()
    {
        var prompt = Build(Parents, Rewrites);
        var text = prompt.System + prompt.User;

        Assert.DoesNotContain("<image>", text);
        Assert.DoesNotContain("attached", text);
        Assert.DoesNotContain("Grounding_1", text);
        Assert.DoesNotContain("[0.1", text);
        Assert.DoesNotContain("A party table.", text);
        Assert.Contains("You do not see the image", prompt.System);
    }

    [Fact]
    public void Build_MoreItemsThanParents_SaysHowToJudgeTheUnpaired()
    {
        var prompt = Build(Parents[..1], Rewrites);

        Assert.Contains("without a parent of the same number", prompt.User);
        Assert.DoesNotContain("without a parent of the same number", Build(Parents, Rewrites).User);
    }

    [Fact]
    public void Build_NoParents_AsksForScoresOnly()
    {
        var prompt = Build([], Parents);

        Assert.StartsWith("judge-score/v1-", prompt.Version);
        Assert.Contains("#Items#\n1. {\"question\":\"What is on the table?\"", prompt.User);
        Assert.DoesNotContain("#Parent Items#", prompt.User);
        Assert.DoesNotContain("improved", prompt.System + prompt.User);
        Assert.Contains("{\"score\": 5, \"reason\": \"one short sentence\"}", prompt.System);
        Assert.True(JudgePrompts.IsScoreOnly(new JudgeRequest(0, [], Parents, null, [], new HashSet<string>())));
    }

    [Fact]
    public void Build_Versions_DifferByVariantAndStayStable()
    {
        Assert.NotEqual(Build(Parents, Rewrites).Version, Build([], Parents).Version);
        Assert.Equal(Build(Parents, Rewrites), Build(Parents, Rewrites));
    }
}
