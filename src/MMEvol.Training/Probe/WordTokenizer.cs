using System.Text.Json;
using System.Text.RegularExpressions;

namespace MMEvol.Training.Probe;

/// <summary>
/// A word-level tokenizer built from the training snapshot: lower-cased words, numbers and single
/// punctuation marks, in order of first appearance (so the same snapshot gives the same ids). The
/// probe's texts are short and drawn from a small vocabulary, where words beat sub-words: shorter
/// sequences, and every answer in the benchmark's closed sets ("yes", "red", "3", "left") is one token.
/// </summary>
public sealed partial class WordTokenizer
{
    public const int Pad = 0;
    public const int Unknown = 1;
    public const int Begin = 2;
    /// <summary>Between question and answer: the model answers after it.</summary>
    public const int AnswerStart = 3;
    public const int End = 4;
    private static readonly string[] Specials = ["<pad>", "<unk>", "<bos>", "<answer>", "<eos>"];

    private readonly List<string> _words;
    private readonly Dictionary<string, int> _ids;

    private WordTokenizer(List<string> words)
    {
        _words = words;
        _ids = new Dictionary<string, int>(words.Count, StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
            _ids.TryAdd(words[i], i);
    }

    public int VocabularySize => _words.Count;

    /// <param name="maxWords">Words beyond this many (the rarest; ties by first appearance) map to &lt;unk&gt;.</param>
    public static WordTokenizer Build(IEnumerable<string> texts, int maxWords = 20_000)
    {
        var counts = new Dictionary<string, (int Count, int First)>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (var word in Words(text))
            {
                counts[word] = counts.TryGetValue(word, out var seen) ? (seen.Count + 1, seen.First) : (1, counts.Count);
            }
        }
        var kept = counts.OrderByDescending(c => c.Value.Count).ThenBy(c => c.Value.First).Take(maxWords)
            .OrderBy(c => c.Value.First).Select(c => c.Key);
        return new WordTokenizer([.. Specials, .. kept]);
    }

    public List<int> Encode(string text)
    {
        var ids = new List<int>();
        foreach (var word in Words(text))
            ids.Add(_ids.GetValueOrDefault(word, Unknown));
        return ids;
    }

    /// <summary>The id of a text that is exactly one known word, else null.</summary>
    public int? SingleId(string text)
    {
        var ids = Encode(text);
        return ids is [var id] && id != Unknown ? id : null;
    }

    /// <summary>Words joined by spaces, punctuation attached to the word before it; special tokens dropped.</summary>
    public string Decode(IEnumerable<int> ids)
    {
        var text = new System.Text.StringBuilder();
        foreach (var id in ids)
        {
            if (id < Specials.Length || id >= _words.Count)
                continue;
            var word = _words[id];
            if (text.Length > 0 && char.IsLetterOrDigit(word[0]))
                text.Append(' ');
            text.Append(word);
        }
        return text.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(_words);

    public static WordTokenizer FromJson(string json)
    {
        var words = JsonSerializer.Deserialize<List<string>>(json) ?? throw new InvalidDataException("The tokenizer file is empty.");
        if (words.Count < Specials.Length || !words.Take(Specials.Length).SequenceEqual(Specials))
            throw new InvalidDataException("The tokenizer file does not start with the special tokens this version expects.");
        return new WordTokenizer(words);
    }

    private static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value);

    [GeneratedRegex(@"[\p{L}]+|\d+|[^\s\p{L}\d]")]
    private static partial Regex WordPattern();
}
