using MMEvol.Training.Probe;

namespace MMEvol.Training.Tests.Probe;

public sealed class ProbePartsTests
{
    private static readonly WordTokenizer Tokenizer = WordTokenizer.Build(["Is there a red circle?", "Yes, there is one red circle.", "How many squares are there?", "3"]);

    [Fact]
    public void Tokenizer_EncodeDecode_WordsNumbersAndPunctuation()
    {
        var ids = Tokenizer.Encode("Is there a RED circle?");

        Assert.Equal(6, ids.Count);
        Assert.DoesNotContain(WordTokenizer.Unknown, ids);
        Assert.Equal("is there a red circle?", Tokenizer.Decode(ids));
        Assert.Equal(WordTokenizer.Unknown, Tokenizer.Encode("purple")[0]);
        Assert.NotNull(Tokenizer.SingleId("3"));
        Assert.Null(Tokenizer.SingleId("red circle"));
        Assert.Null(Tokenizer.SingleId("purple"));
    }

    [Fact]
    public void Tokenizer_JsonRoundTrip_SameIds()
    {
        var copy = WordTokenizer.FromJson(Tokenizer.ToJson());

        Assert.Equal(Tokenizer.VocabularySize, copy.VocabularySize);
        Assert.Equal(Tokenizer.Encode("yes, there is one red circle."), copy.Encode("yes, there is one red circle."));
        Assert.Throws<InvalidDataException>(() => WordTokenizer.FromJson("[\"a\", \"b\"]"));
    }

    [Fact]
    public void Tokenizer_MaxWords_KeepsTheMostFrequent()
    {
        var small = WordTokenizer.Build(["b a a", "c a b"], maxWords: 2);

        Assert.Equal(5 + 2, small.VocabularySize);
        Assert.Equal(WordTokenizer.Unknown, small.Encode("c")[0]);
        Assert.NotEqual(WordTokenizer.Unknown, small.Encode("b")[0]);
    }

    [Fact]
    public void Encode_ShortSample_QuestionThenAnswerWithMarkers()
    {
        var sample = ProbeData.Encode(new ProbeSample("x.png", "How many squares are there?", "3"), 0, Tokenizer, maxTextTokens: 32);

        Assert.Equal(WordTokenizer.Begin, sample.Tokens[0]);
        Assert.Equal(WordTokenizer.AnswerStart, sample.Tokens[sample.AnswerAt]);
        Assert.Equal(Tokenizer.SingleId("3"), sample.Tokens[sample.AnswerAt + 1]);
        Assert.Equal(WordTokenizer.End, sample.Tokens[^1]);
        Assert.Equal(1 + 6 + 1 + 1 + 1, sample.Tokens.Length);
    }

    [Fact]
    public void Encode_LongAnswer_CutToFitWithoutEnd()
    {
        var answer = string.Join(' ', Enumerable.Repeat("red circle", 40));

        var sample = ProbeData.Encode(new ProbeSample("x.png", "Is there a red circle?", answer), 0, Tokenizer, maxTextTokens: 20);

        Assert.True(sample.Tokens.Length <= 20 + 3);
        Assert.Equal(7, sample.AnswerAt); // [bos] + the whole six-token question
        Assert.NotEqual(WordTokenizer.End, sample.Tokens[^1]);
    }

    [Fact]
    public void Schedule_WarmsUpLinearlyThenDecaysToTheMinimum()
    {
        var options = new ProbeOptions { Steps = 100, WarmupShare = 0.1, LearningRate = 1e-3, MinLearningRate = 1e-5 };

        Assert.Equal(1e-4, LearningRateSchedule.At(0, options), 12);
        Assert.Equal(1e-3, LearningRateSchedule.At(9, options), 12);
        Assert.True(LearningRateSchedule.At(50, options) < 1e-3 && LearningRateSchedule.At(50, options) > 1e-5);
        Assert.Equal(1e-5, LearningRateSchedule.At(100, options), 12);
        for (var step = 10; step < 100; step++)
            Assert.True(LearningRateSchedule.At(step + 1, options) <= LearningRateSchedule.At(step, options));
    }

    [Fact]
    public void Options_Invalid_RefusedWithEveryReason()
    {
        var error = Assert.Throws<ArgumentException>(() => new ProbeOptions { ImageSize = 30, Width = 30, Heads = 4, Steps = 0 }.Validate());

        Assert.Contains("image size 30", error.Message);
        Assert.Contains("width 30", error.Message);
        Assert.Contains("steps", error.Message);
    }
}
