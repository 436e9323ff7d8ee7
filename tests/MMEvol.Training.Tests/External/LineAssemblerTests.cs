using System.Text;
using MMEvol.Training.External;

namespace MMEvol.Training.Tests.External;

public sealed class LineAssemblerTests
{
    private static List<string> Feed(LineAssembler assembler, params string[] chunks)
    {
        var lines = new List<string>();
        foreach (var chunk in chunks)
            assembler.Feed(Encoding.UTF8.GetBytes(chunk), lines);
        return lines;
    }

    [Fact]
    public void Feed_CarriageReturnsAndNewlines_EachEndALine()
    {
        var lines = Feed(new LineAssembler(), " 1%|\r 2%|\r\n{'loss': 1.0}\nlast");

        Assert.Equal([" 1%|", " 2%|", "{'loss': 1.0}"], lines);
    }

    [Fact]
    public void Feed_CrLfSplitAcrossReads_IsOneLineEnd()
    {
        var lines = Feed(new LineAssembler(), "a\r", "\nb\n");

        Assert.Equal(["a", "b"], lines);
    }

    [Fact]
    public void Feed_PartialLine_WaitsForItsEnd()
    {
        var assembler = new LineAssembler();

        Assert.Empty(Feed(assembler, "{\"current_steps\": 10, "));
        Assert.Equal(["{\"current_steps\": 10, \"loss\": 1.0}"], Feed(assembler, "\"loss\": 1.0}\n"));
    }

    [Fact]
    public void Feed_CharacterSplitAcrossReads_IsDecodedWhole()
    {
        var bytes = Encoding.UTF8.GetBytes("▌ bar\n");
        var assembler = new LineAssembler();
        var lines = new List<string>();

        assembler.Feed(bytes.AsSpan(0, 1), lines);
        assembler.Feed(bytes.AsSpan(1), lines);

        Assert.Equal(["▌ bar"], lines);
    }

    [Fact]
    public void Finish_UnterminatedLastLine_CountsAsALine()
    {
        var assembler = new LineAssembler();
        var lines = Feed(assembler, "a\nb");

        assembler.Finish(lines);

        Assert.Equal(["a", "b"], lines);
    }

    [Fact]
    public void Feed_OverlongLine_IsCut()
    {
        var lines = Feed(new LineAssembler(maxLineLength: 4), "abcdefghij\n");

        Assert.Equal(["abcd", "efgh", "ij"], lines);
    }
}
