using MMEvol.Core.Evolution;

namespace MMEvol.Core.Tests.Evolution;

public sealed class ResponseParserTests
{
    private const string Item = """{"question": "Which shape is left?", "answer": "The red circle.", "steps": [], "objects": ["red circle"], "skills": ["Grounding"], "format": "Norm", "image_position": "single"}""";

    [Theory]
    [InlineData("[" + Item + "]")]
    [InlineData("```json\n[" + Item + "]\n```")]
    [InlineData("Here are the rewritten items:\n[" + Item + "]\nHope this helps.")]
    [InlineData("[" + Item + ",]")]
    [InlineData("[\n// the rewrite\n" + Item + "\n]")]
    [InlineData(Item)]
    [InlineData("{\"items\": [" + Item + "]}")]
    [InlineData("Note [1]: boxes are normalized. [" + Item + "]")]
    public void Parse_CommonWaysModelsWrapJson_OneItem(string raw)
    {
        var parsed = ResponseParser.Parse(raw);

        Assert.True(parsed.Usable, parsed.Error);
        Assert.Equal("Which shape is left?", Assert.Single(parsed.Items).Question);
    }

    [Fact]
    public void Parse_AnswersAsAList_JoinedIntoText()
    {
        var parsed = ResponseParser.Parse("""[{"question": "Q?", "answers": ["First.", "Second."]}]""");

        Assert.Equal("First.\nSecond.", Assert.Single(parsed.Items).Answer);
    }

    [Fact]
    public void Parse_InvalidItemAmongValid_DroppedWithReasonAndPositionsKept()
    {
        var parsed = ResponseParser.Parse("[{\"answer\": \"no question\"}, " + Item + "]");

        Assert.Equal([1], parsed.Positions);
        Assert.Contains("item 0.question: missing", Assert.Single(parsed.Dropped));
    }

    [Fact]
    public void Parse_LoneSurrogateInText_DropsThatItemInsteadOfThrowing()
    {
        var parsed = ResponseParser.Parse("[{\"question\": \"Bad \\uD800 text?\", \"answer\": \"A.\"}, " + Item + "]");

        Assert.Equal([1], parsed.Positions);
        Assert.Contains("unreadable text", Assert.Single(parsed.Dropped));
    }

    [Fact]
    public void Parse_ScoresAndDecisionsAModelWroteAboutItsOwnItems_Ignored()
    {
        var parsed = ResponseParser.Parse("""[{"question": "Q?", "answer": "A.", "score": 42, "decision": "maybe"}]""");

        var item = Assert.Single(parsed.Items);
        Assert.Null(item.Verdict);
        Assert.Null(item.Decision);
    }

    [Theory]
    [InlineData("I am sorry, I cannot help with that.", "holds no JSON")]
    [InlineData("[{\"question\": \"Q?\", \"answer\": ", "not valid JSON")]
    [InlineData("[]", "empty list")]
    [InlineData("[{\"answer\": \"A.\"}]", "no item of the answer is valid")]
    public void Parse_UnusableAnswers_FailWithReason(string raw, string reason)
    {
        var parsed = ResponseParser.Parse(raw);

        Assert.False(parsed.Usable);
        Assert.Contains(reason, parsed.Error);
    }
}
