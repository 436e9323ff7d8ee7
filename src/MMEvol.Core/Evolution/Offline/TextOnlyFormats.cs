using MMEvol.Core.Formats;
using MMEvol.Core.Model;
using T = MMEvol.Core.Evolution.Offline.OfflineTemplates;

namespace MMEvol.Core.Evolution.Offline;

/// <summary>
/// Format rewrites for a record without detections: nothing can be checked against the picture,
/// so every answer is made only of the parent list's own words (METHOD.md: ask no counting or
/// localization question when no boxes are given).
/// </summary>
internal static class TextOnlyFormats
{
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "there", "these", "those", "their", "which", "where", "while", "about", "would", "could",
        "should", "image", "picture", "photo", "shows", "with", "from", "that", "this", "they", "have",
    };

    public static Draft Write(RewriteContext context, SourceItem parent)
    {
        var writers = new List<(string Format, Func<Draft?> Write)>
        {
            (ChoiceFormats.MultiChoice, () => MultiChoice(context, parent)),
            (StatementFormats.FillInTheBlank, () => FillIn(context, parent)),
            (StatementFormats.TextImageMatching, () => Matching(parent)),
            (StatementFormats.InstructionFollowing, () => Briefly(context, parent)),
        };
        var usable = writers.Where(w => w.Format != parent.Format).ToList();
        while (usable.Count > 0)
        {
            var pick = context.Pick(usable);
            if (pick.Write() is { } draft)
                return draft;
            usable.Remove(pick);
        }

        // Unreachable while matching and the brief rewrite always apply; kept so the format never repeats.
        return parent.Format == StatementFormats.TextImageMatching ? Briefly(context, parent) : Matching(parent);
    }

    private static Draft? MultiChoice(RewriteContext context, SourceItem parent)
    {
        var answer = Flat(parent.Answer);
        var others = context.Parents.Select(p => Flat(p.Answer)).Where(a => a != answer).ToList();
        if (others.Count == 0)
            return null;
        var choices = Choices.Arrange(answer, others, context.Random);
        return Keep(parent, ChoiceFormats.MultiChoice, choices.Question(parent.Question), choices.Answer, choices.WrongAnswer);
    }

    private static Draft? FillIn(RewriteContext context, SourceItem parent)
    {
        var words = parent.Answer.Split([' ', '\n', '\t', ',', '.', ';', ':', '!', '?', '"', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 4 && w.All(char.IsLetter) && !StopWords.Contains(w))
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(w => w.Length)
            .ThenBy(w => w, StringComparer.Ordinal)
            .ToList();
        if (words.Count == 0)
            return null;
        var word = context.Pick(words.Take(3).ToList());
        var blanked = TextSearch.ReplaceWord(parent.Answer, word, T.Blank);
        var wrong = words.FirstOrDefault(w => w != word && !TextSearch.ContainsWord(w, word));
        return Keep(parent, StatementFormats.FillInTheBlank, T.FillInAnswerTo(parent.Question, blanked),
            T.BlankIs(word) + " " + parent.Answer,
            wrong is null ? null : T.BlankIs(wrong) + " " + TextSearch.ReplaceWord(parent.Answer, word, wrong));
    }

    private static Draft Matching(SourceItem parent) =>
        Keep(parent, StatementFormats.TextImageMatching, T.MatchStatement(Flat(parent.Answer)),
            T.TrueWord + ". " + parent.Answer, T.FalseWord + ". " + T.NoMatch);

    private static Draft Briefly(RewriteContext context, SourceItem parent)
    {
        var others = context.Parents.Where(p => Flat(p.Answer) != Flat(parent.Answer)).ToList();
        return Keep(parent, StatementFormats.InstructionFollowing, T.AnswerBriefly(parent.Question), parent.Answer,
            others.Count == 0 ? null : context.Pick(others).Answer);
    }

    // The parent's steps, objects and skills stay: the content is the parent's, only its form changes.
    private static Draft Keep(SourceItem parent, string format, string question, string answer, string? wrong) =>
        new(format, question, answer, wrong, parent.Steps, parent.Objects, parent.Skills);

    private static string Flat(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
