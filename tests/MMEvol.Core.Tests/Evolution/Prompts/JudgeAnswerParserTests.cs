using MMEvol.Core.Elimination;
using MMEvol.Core.Evolution.Prompts;
using MMEvol.Core.Model;

namespace MMEvol.Core.Tests.Evolution.Prompts;

public sealed class JudgeAnswerParserTests
{
    private const string Two = """[{"improved": "yes", "score": 7, "reason": "adds the candles"}, {"improved": "no", "score": 0, "reason": "needs no image"}]""";

    private static JudgeResponse Parse(string raw, int items = 2, bool scoreOnly = false) =>
        JudgeAnswerParser.Parse(raw, items, scoreOnly, "gpt-4o-mini", 120);

    private static IReadOnlyList<Verdict> Verdicts(JudgeResponse response)
    {
        Assert.Null(response.FailureReason);
        return Assert.IsAssignableFrom<IReadOnlyList<Verdict>>(response.Verdicts);
    }

    [Fact]
    public void Parse_CleanList_OneVerdictPerItemInOrder()
    {
        var response = Parse(Two);

        Assert.Equal([new Verdict(true, 7, "adds the candles", "gpt-4o-mini"), new Verdict(false, 0, "needs no image", "gpt-4o-mini")], Verdicts(response));
        Assert.Equal(Two, response.Raw);
        Assert.Equal(120, response.LatencyMs);
    }

    [Fact]
    public void Parse_FencedWithProse_Parsed()
    {
        var raw = "Here is my judgement:\n```json\n" + Two + "\n```\nI hope this helps.";

        Assert.Equal(2, Verdicts(Parse(raw)).Count);
    }

    [Fact]
    public void Parse_TrailingCommasAndComments_Parsed()
    {
        var raw = "[\n{\"improved\": \"Yes\", \"score\": 6, \"reason\": \"harder\",}, // first\n{\"improved\": false, \"score\": \"3.5\", \"reason\": \"same\"},\n]";

        var verdicts = Verdicts(Parse(raw));

        Assert.Equal(new Verdict(true, 6, "harder", "gpt-4o-mini"), verdicts[0]);
        Assert.Equal(new Verdict(false, 3.5, "same", "gpt-4o-mini"), verdicts[1]);
    }

    [Fact]
    public void Parse_SingleObjectForOneItem_Parsed()
    {
        var verdicts = Verdicts(Parse("{\"improved\": \"TRUE\", \"score\": 8, \"reason\": \"more steps\"}", items: 1));

        Assert.Equal([new Verdict(true, 8, "more steps", "gpt-4o-mini")], verdicts);
    }

    [Fact]
    public void Parse_ObjectWrappingTheList_Parsed() =>
        Assert.Equal(2, Verdicts(Parse("{\"verdicts\": " + Two + "}")).Count);

    [Theory]
    [InlineData(3, "the judge gave 2 verdicts for 3 items")]
    [InlineData(1, "the judge gave 2 verdicts for 1 item")]
    public void Parse_MisalignedCount_Unusable(int items, string reason)
    {
        var response = Parse(Two, items);

        Assert.Null(response.Verdicts);
        Assert.Equal(reason, response.FailureReason);
        Assert.Equal(Two, response.Raw);
    }

    [Theory]
    [InlineData("I think both rewrites are better than the originals.", "holds no JSON")]
    [InlineData("[{\"improved\": \"yes\", \"score\": 7 \"reason\": \"x\"}]", "not valid JSON")]
    [InlineData("\"yes\"", "holds no JSON")]
    [InlineData("{\"a\": [1], \"b\": [2]}", "neither a list of verdicts nor a verdict")]
    public void Parse_NotJson_Unusable(string raw, string reason)
    {
        var response = Parse(raw, items: 1);

        Assert.Null(response.Verdicts);
        Assert.Contains(reason, response.FailureReason);
    }

    [Theory]
    [InlineData("{\"improved\": \"yes\", \"score\": 11, \"reason\": \"x\"}", "verdict 2: score 11 is not a number from 0 to 10")]
    [InlineData("{\"improved\": \"yes\", \"score\": -1, \"reason\": \"x\"}", "verdict 2: score -1 is not a number from 0 to 10")]
    [InlineData("{\"improved\": \"yes\", \"score\": \"NaN\", \"reason\": \"x\"}", "verdict 2: score \"NaN\" is not a number from 0 to 10")]
    [InlineData("{\"improved\": \"yes\", \"score\": \"high\", \"reason\": \"x\"}", "verdict 2: score \"high\" is not a number from 0 to 10")]
    [InlineData("{\"improved\": \"yes\", \"reason\": \"x\"}", "verdict 2 has no score")]
    [InlineData("{\"improved\": \"maybe\", \"score\": 5}", "verdict 2: improved \"maybe\" is not yes or no")]
    [InlineData("{\"score\": 5}", "verdict 2 has no improved")]
    [InlineData("7", "verdict 2 is a number, not an object")]
    public void Parse_InvalidVerdict_UnusableNamingIt(string second, string reason)
    {
        var response = Parse("[{\"improved\": \"no\", \"score\": 2, \"reason\": \"ok\"}, " + second + "]");

        Assert.Null(response.Verdicts);
        Assert.Equal(reason, response.FailureReason);
    }

    [Fact]
    public void Parse_ScoreOnly_ImprovedIsNullAndNotRequired()
    {
        var verdicts = Verdicts(Parse("[{\"score\": 4, \"reason\": \"plain\"}, {\"improved\": \"yes\", \"score\": 6}]", scoreOnly: true));

        Assert.Equal([new Verdict(null, 4, "plain", "gpt-4o-mini"), new Verdict(null, 6, null, "gpt-4o-mini")], verdicts);
    }

    [Fact]
    public void Parse_ReasonAsList_JoinedIntoText() =>
        Assert.Equal("longer\nmore objects", Verdicts(Parse("{\"improved\": \"no\", \"score\": 1, \"reason\": [\"longer\", \"more objects\"]}", 1))[0].Reason);
}
