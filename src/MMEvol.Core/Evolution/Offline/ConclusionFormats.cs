using MMEvol.Core.Formats;
using T = MMEvol.Core.Evolution.Offline.OfflineTemplates;

namespace MMEvol.Core.Evolution.Offline;

/// <summary>
/// Interaction rewrites that keep a plain parent item's content: its confirmed conclusion as a
/// statement to match against the image, or its reasoned conclusion with one word blanked. The
/// parent's steps, objects and skills stay, since the same reasoning decides the new item.
/// </summary>
internal static class ConclusionFormats
{
    public static Draft? Write(RewriteContext context, SourceItem parent, string format)
    {
        if (ConclusionReader.Read(context, parent) is not var (fact, reasoned))
            return null;
        return format switch
        {
            StatementFormats.TextImageMatching => Matching(context, parent, fact),
            StatementFormats.FillInTheBlank when reasoned => FillIn(context, parent, fact),
            _ => null,
        };
    }

    private static Draft? Matching(RewriteContext context, SourceItem parent, Fact fact)
    {
        if (fact.Wrong is not { } wrong)
            return null;
        var holds = context.Chance(0.5);
        var work = string.Concat(fact.Work.Select(w => w + " "));
        return Keep(parent, StatementFormats.TextImageMatching, T.MatchStatement(holds ? fact.Claims[^1] : wrong[^1]),
            (holds ? T.TrueWord : T.FalseWord) + ". " + work + fact.Claims[^1],
            (holds ? T.FalseWord : T.TrueWord) + ". " + work + wrong[^1]);
    }

    // Blanks the words where the right and the wrong claim differ ("left" against "right"); where
    // they differ by swapping two objects, the first object, which the parent's question decides.
    private static Draft? FillIn(RewriteContext context, SourceItem parent, Fact fact)
    {
        if (fact.Wrong is not { } wrongClaims)
            return null;
        var right = fact.Claims[^1].TrimEnd('.').Split(' ');
        var wrong = wrongClaims[^1].TrimEnd('.').Split(' ');
        var prefix = 0;
        while (prefix < Math.Min(right.Length, wrong.Length) && right[prefix] == wrong[prefix])
            prefix++;
        var suffix = 0;
        while (suffix < Math.Min(right.Length, wrong.Length) - prefix && right[^(suffix + 1)] == wrong[^(suffix + 1)])
            suffix++;
        var word = string.Join(" ", right[prefix..^suffix]);
        var other = string.Join(" ", wrong[prefix..^suffix]);
        string sentence;
        string? wrongAnswer;
        if (right.Length - prefix - suffix is 1 or 2)
        {
            sentence = string.Join(" ", right[..prefix].Append(T.Blank).Concat(right[^suffix..])) + ".";
            wrongAnswer = T.BlankIs(other) + " " + wrongClaims[^1];
        }
        else if (fact.Winner is { } winner && T.BlankLeading(fact.Claims[^1], winner.Label) is { } blanked)
        {
            word = winner.Label;
            sentence = blanked;
            wrongAnswer = null;
        }
        else
        {
            return null;
        }

        return Keep(parent, StatementFormats.FillInTheBlank, T.FinishAnswer(parent.Question, sentence),
            T.BlankIs(word) + " " + fact.Claims[^1], wrongAnswer);
    }

    private static Draft Keep(SourceItem parent, string format, string question, string answer, string? wrong) =>
        new(format, question, answer, wrong, parent.Steps, parent.Objects, parent.Skills);
}
