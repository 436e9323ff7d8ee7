using System.Text.RegularExpressions;
using MMEvol.Core.Demo;
using MMEvol.Training.Probe;

namespace MMEvol.Training.Experiment;

/// <summary>
/// The benchmark's second split: each question said another way, with the same answer, using only
/// words seen in training. A probe that learned the evolver's phrasings by rote does worse here than
/// one that learned what the words mean. Each question form has a few rewrites tried in order; the
/// first whose every word the training texts contain is used, and a question with none is left out.
/// </summary>
public static partial class BenchmarkParaphraser
{
    private static readonly (Regex Form, string[] Rewrites)[] Forms =
    [
        (ExistenceForm(), ["Can you see {1} in this picture?", "Does the picture show {1}?", "Is {1} in the picture?"]),
        (CountForm(), ["What is the number of {1} in the picture?", "How many {1} does the picture show?", "How many {1} can you see?"]),
        (ColorForm(), ["Which color does the {1} have?", "What is the color of the {1}?", "The {1} is what color?"]),
        (SideForm(), ["On which side of the picture is the {1}, the left or the right?", "Which side of the picture is the {1} on, left or right?"]),
        (HalfForm(), ["Which half of the picture is the {1} in, the top or the bottom?", "Is the {1} in the bottom or the top half of the picture?"]),
        (LeftOfForm(), ["Is the {2} to the right of the {1}?"]),
        (AboveForm(), ["Is the {2} below the {1}?"]),
        (LargerForm(), ["Is the {2} smaller than the {1}?"]),
        (FurtherLeftForm(), ["Of the {1} and the {2}, which one is further left?", "Which is further left, the {2} or the {1}?"]),
        (HigherForm(), ["Of the {1} and the {2}, which one is higher in the picture?", "Which is higher in the picture, the {2} or the {1}?"]),
        (MoreForm(), ["Does the picture have more {1} than {2}?", "Are there fewer {2} than {1} in the picture?"]),
        (SameColorForm(), ["Do the {1} and the {2} have the same color?", "Are the {1} and the {2} the same color?"]),
    ];

    /// <summary>The items that could be said again in known words, each with its new question; ids and answers unchanged.</summary>
    public static IReadOnlyList<BenchmarkItem> Paraphrase(IReadOnlyList<BenchmarkItem> items, WordTokenizer seen)
    {
        var result = new List<BenchmarkItem>();
        foreach (var item in items)
        {
            if (Rewrite(item.Question, seen) is { } question)
                result.Add(item with { Question = question });
        }
        return result;
    }

    internal static string? Rewrite(string question, WordTokenizer seen)
    {
        foreach (var (form, rewrites) in Forms)
        {
            var match = form.Match(question);
            if (!match.Success)
                continue;
            foreach (var rewrite in rewrites)
            {
                var text = rewrite.Replace("{1}", match.Groups[1].Value).Replace("{2}", match.Groups.Count > 2 ? match.Groups[2].Value : "");
                if (text != question && seen.Encode(text).All(id => id != WordTokenizer.Unknown))
                    return text;
            }
            return null;
        }
        return null;
    }

    [GeneratedRegex(@"^Is there (an? [a-z ]+) in the image\?$")]
    private static partial Regex ExistenceForm();

    [GeneratedRegex(@"^How many ([a-z ]+) are there in the image\?$")]
    private static partial Regex CountForm();

    [GeneratedRegex(@"^What color is the ([a-z ]+)\?$")]
    private static partial Regex ColorForm();

    [GeneratedRegex(@"^Is the ([a-z ]+) on the left or the right side of the picture\?$")]
    private static partial Regex SideForm();

    [GeneratedRegex(@"^Is the ([a-z ]+) in the top or the bottom half of the picture\?$")]
    private static partial Regex HalfForm();

    [GeneratedRegex(@"^Is the ([a-z ]+) to the left of the ([a-z ]+)\?$")]
    private static partial Regex LeftOfForm();

    [GeneratedRegex(@"^Is the ([a-z ]+) above the ([a-z ]+)\?$")]
    private static partial Regex AboveForm();

    [GeneratedRegex(@"^Is the ([a-z ]+) larger than the ([a-z ]+)\?$")]
    private static partial Regex LargerForm();

    [GeneratedRegex(@"^Which is further left, the ([a-z ]+) or the ([a-z ]+)\?$")]
    private static partial Regex FurtherLeftForm();

    [GeneratedRegex(@"^Which is higher in the picture, the ([a-z ]+) or the ([a-z ]+)\?$")]
    private static partial Regex HigherForm();

    [GeneratedRegex(@"^Are there more ([a-z ]+) than ([a-z ]+) in the image\?$")]
    private static partial Regex MoreForm();

    [GeneratedRegex(@"^Is the ([a-z ]+) the same color as the ([a-z ]+)\?$")]
    private static partial Regex SameColorForm();
}
