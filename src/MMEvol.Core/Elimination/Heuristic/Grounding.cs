using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>
/// Finds an object the item names that this record's detections lack: a known label or noun in its
/// objects list or text, including a "&lt;color&gt; &lt;noun&gt;" pair whose words both occur in the scene
/// but never together. Mentions that deny or ask about existence ("there is no purple star", "Is
/// there a purple star?", "How many stars?"), multiple-choice options and quoted statements to judge
/// are not claims that the object is there, so they are skipped; wrong answers to them are the
/// claim checker's business.
/// </summary>
internal static partial class Grounding
{
    private static readonly FrozenSet<string> Denials = FrozenSet.ToFrozenSet(
    [
        "no", "not", "never", "none", "without", "absent", "missing", "neither", "nor", "zero", "0", "lack", "lacks",
        "lacking", "instead", "if", "suppose", "imagine", "whether", "hypothetically",
    ]);

    public static string? Hallucination(ItemText text, SceneIndex scene)
    {
        var item = text.Item;
        foreach (var entry in item.Objects)
        {
            if (scene.Phrase(entry.Trim().ToLowerInvariant()) is { } phrase && Absent(phrase, scene))
            {
                return $"its objects list {Article(phrase.Singular)}, which is not in the image";
            }
        }

        var question = text.Choice is { } choice ? TextNormalizer.Normalize(choice.Stem) : text.Question;
        var quoted = Statements().IsMatch(question);
        var sentences = text.Choice is null && !quoted ? text.QuestionSentences
            : SentenceSplitter.Split(quoted ? Statements().Replace(question, " ") : question);
        // A question the answer rejects ("Are all the shapes circles?" "No, ...") asserts nothing.
        var rejected = YesNoQuestions.Answer(text.Answer) == false || Rejects().IsMatch(text.Answer);
        var texts = sentences.Where(s => !rejected && !AsksAboutExistence().IsMatch(s));
        // "Which object is missing?" is answered by naming an absent object.
        if (!Denies(question))
        {
            texts = texts.Concat(text.AnswerSentences);
        }

        texts = texts.Concat(item.Steps.SelectMany(s => new[] { s.Manipulation, s.Description }).Select(TextNormalizer.Normalize));
        foreach (var sentence in texts)
        {
            var words = TextNormalizer.Words(sentence);
            if (!words.Any(Denials.Contains) && FirstAbsent(words, scene) is { } named)
            {
                return $"names {Article(named)}, which is not in the image";
            }
        }

        return null;
    }

    private static bool Denies(string text) => TextNormalizer.Words(text).Any(Denials.Contains);

    private static string? FirstAbsent(string[] words, SceneIndex scene)
    {
        for (var i = 0; i < words.Length; i++)
        {
            var color = Vocabulary.IsColor(words[i]) ? words[i] : null;
            var start = color is null ? i : i + 1;
            for (var length = Math.Min(scene.Vocabulary.LongestNoun, words.Length - start); length >= 1; length--)
            {
                if (scene.Vocabulary.Noun(string.Join(' ', words, start, length)) is not { } noun)
                {
                    continue;
                }

                var phrase = new NounPhrase(PhraseQuantity.Definite, 0, color, noun.Singular, noun.Plural);
                if (Absent(phrase, scene))
                {
                    return phrase.Singular;
                }

                i = start + length - 1;
                break;
            }
        }

        return null;
    }

    private static bool Absent(NounPhrase phrase, SceneIndex scene) =>
        phrase.Noun is not null && scene.Resolve(phrase) is { Count: 0, Uncertain: false };

    private static string Article(string phrase) => ("aeiou".Contains(phrase[0]) ? "an " : "a ") + phrase;

    [GeneratedRegex(@"^(?:is|are) there\b|^(?:does|do) (?:the image|it|you)\b|^can you (?:see|find|spot)\b|^how many\b|^count\b|^what (?:is the )?number\b|^(?:is|are) any\b|^(?:check|determine|verify) (?:if|whether)\b")]
    private static partial Regex AsksAboutExistence();

    [GeneratedRegex(@"^(?:false|incorrect|wrong)\b")]
    private static partial Regex Rejects();

    // Statements the question asks to judge: quoted, or after "true or false".
    [GeneratedRegex(@"""[^""]*""|(?:^|(?<=[\s:]))'[^']{3,}'(?=[\s.,?!]|$)|true or false\s*[:,-]?[^.?!\n]*")]
    private static partial Regex Statements();
}
