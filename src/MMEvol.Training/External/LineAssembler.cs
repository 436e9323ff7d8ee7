using System.Text;

namespace MMEvol.Training.External;

/// <summary>
/// Turns UTF-8 bytes as they arrive into lines. A lone <c>\r</c> ends a line as <c>\n</c> does: tqdm redraws its
/// bar with <c>\r</c> and would otherwise make one endless line. A character split across two reads, or a
/// line not finished yet, waits for the next bytes; an over-long line is cut rather than held.
/// </summary>
internal sealed class LineAssembler(int maxLineLength = 64 * 1024)
{
    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetDecoder();
    private readonly StringBuilder _line = new();
    private char[] _chars = [];
    private bool _afterCarriageReturn;

    public void Feed(ReadOnlySpan<byte> bytes, List<string> lines)
    {
        var needed = _decoder.GetCharCount(bytes, flush: false);
        if (_chars.Length < needed)
            _chars = new char[Math.Max(needed, 4096)];
        var count = _decoder.GetChars(bytes, _chars, flush: false);
        foreach (var c in _chars.AsSpan(0, count))
        {
            var afterCarriageReturn = _afterCarriageReturn;
            _afterCarriageReturn = c == '\r';
            if (c == '\n' && afterCarriageReturn)
                continue;
            if (c is '\r' or '\n' || _line.Length >= maxLineLength)
                lines.Add(Take());
            if (c is not ('\r' or '\n'))
                _line.Append(c);
        }
    }

    /// <summary>At the end of the stream: the unfinished last line, if any, counts as a line.</summary>
    public void Finish(List<string> lines)
    {
        Feed([], lines);
        if (_line.Length > 0)
            lines.Add(Take());
    }

    private string Take()
    {
        var line = _line.ToString();
        _line.Clear();
        return line;
    }
}
