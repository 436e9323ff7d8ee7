using System.Globalization;

namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>
/// A strictly parsed noun phrase: [determiner or number] [color] noun, e.g. "the red circle",
/// "two triangles", "no purple stars", "a shape". Any other word (a size, a place, a clause) makes
/// the parse fail, so that a claim the judge does not fully understand is never judged.
/// </summary>
/// <param name="Count">The stated number for <see cref="PhraseQuantity.Exact"/>.</param>
/// <param name="Noun">Singular noun of the vocabulary, or null for a generic "shape"/"object".</param>
/// <param name="Generic">The generic word used, singular, for describing a generic phrase back.</param>
internal sealed record NounPhrase(PhraseQuantity Quantity, int Count, string? Color, string? Noun, bool Plural, string Generic = "shape")
{
    private static readonly string[] NumberWords =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    /// <summary>"red circle" or "shape": the phrase without its quantity, singular.</summary>
    public string Singular => Color is null ? Noun ?? Generic : $"{Color} {Noun ?? Generic}";

    public string PluralText => Color is null ? Vocabulary.Plural(Noun ?? Generic) : $"{Color} {Vocabulary.Plural(Noun ?? Generic)}";

    public string Counted(int n) => n switch
    {
        0 => "no " + PluralText,
        1 => "1 " + Singular,
        _ => string.Create(CultureInfo.InvariantCulture, $"{n} {PluralText}"),
    };

    public static NounPhrase? Parse(string text, Vocabulary vocabulary)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var i = 0;
        var quantity = PhraseQuantity.Definite;
        var count = 0;
        while (i < words.Length && words[i] is "exactly" or "only" or "just" or "all")
        {
            i++;
        }

        if (i < words.Length && words[i] is "the" or "a" or "an" or "any" or "no")
        {
            quantity = words[i] switch
            {
                "the" => PhraseQuantity.Definite,
                "no" => PhraseQuantity.Exact,
                _ => PhraseQuantity.AtLeastOne,
            };
            i++;
            if (quantity == PhraseQuantity.AtLeastOne && i < words.Length && words[i] == "single")
            {
                (quantity, count) = (PhraseQuantity.Exact, 1);
                i++;
            }
        }
        else if (i < words.Length && Number(words[i]) is { } n)
        {
            (quantity, count) = (PhraseQuantity.Exact, n);
            i++;
        }

        string? color = null;
        if (i < words.Length - 1 && Vocabulary.IsColor(words[i]))
        {
            color = words[i++];
        }

        if (i >= words.Length)
        {
            return null;
        }

        var rest = string.Join(' ', words[i..]);
        if (Vocabulary.IsGeneric(rest))
        {
            var plural = rest.EndsWith('s');
            return new NounPhrase(quantity, count, color, null, plural, plural ? rest[..^1] : rest);
        }

        return vocabulary.Noun(rest) is { } form ? new NounPhrase(quantity, count, color, form.Singular, form.Plural) : null;
    }

    /// <summary>A count written as digits or a word from zero to ten; null otherwise.</summary>
    public static int? Number(string word)
    {
        var index = Array.IndexOf(NumberWords, word);
        if (index >= 0)
        {
            return index;
        }

        return word.Length is > 0 and < 4 && word.All(char.IsAsciiDigit) ? int.Parse(word, CultureInfo.InvariantCulture) : null;
    }
}
