using System.Text.RegularExpressions;

namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>
/// Turns a question and a short answer into the statement the answer makes: "How many triangles are
/// there?" + "3" -> "there are 3 triangles"; "What color is the triangle?" + "Yellow" -> "the
/// triangle is yellow"; "Where is the red circle?" + "Top left" -> "the red circle is in the top
/// left"; "Which shape is the largest?" + "The blue square" -> "the blue square is the largest";
/// "Which is further left, the red circle or the blue square?" + "The red circle" -> "the red circle
/// is further left than the blue square". Full-sentence answers are read as sentences instead.
/// </summary>
internal static partial class ShortAnswers
{
    public static string? ToStatement(string question, IReadOnlyList<string> answerSentences, SceneIndex scene)
    {
        if (answerSentences.Count == 0)
        {
            return null;
        }

        var answer = Lead().Replace(answerSentences[0], "");
        if (HowManyBeside().Match(question) is { Success: true } beside && CountAnswer().Match(answer) is { Success: true, Groups: var g } && !g["np"].Success)
        {
            return $"{NumberWord(g["n"].Value)} {beside.Groups["np"].Value} lie {beside.Groups["rel"].Value} {beside.Groups["b"].Value}";
        }

        if (HowMany().Match(question) is { Success: true } howMany)
        {
            return Count(howMany.Groups["np"].Value, answer, scene);
        }

        if (WhatColor().Match(question) is { Success: true } color)
        {
            return Vocabulary.IsColor(answer) ? $"{color.Groups["np"].Value} is {answer}" : null;
        }

        if (Where().Match(question) is { Success: true } where && RegionAnswer().Match(answer) is { Success: true } region)
        {
            var place = region.Groups["prep"].Success ? region.Value : "in the " + region.Value;
            return $"{where.Groups["np"].Value} is {place}";
        }

        if (Sides().Match(question) is { Success: true } sides && answer is "left" or "right" or "top" or "bottom")
        {
            return $"{sides.Groups["np"].Value} is in the {answer} half of the image";
        }

        if (EitherOr().Match(question) is { Success: true } either && scene.Phrase(answer) is not null)
        {
            var (a, b) = (either.Groups["a"].Value, either.Groups["b"].Value);
            var other = Same(answer, a, scene) ? b : Same(answer, b, scene) ? a : null;
            // "Which is closer to c, a or b?" compares a's and b's distances to c: "than b is".
            var tail = either.Groups["cmp"].Value.Contains(" to ", StringComparison.Ordinal) ? " is" : "";
            return other is null ? null : $"{answer} is {either.Groups["cmp"].Value} than {other}{tail}";
        }

        if (Nearest().Match(question) is { Success: true } nearest && Subject(answer, answerSentences, nearest.Groups["b"].Value, scene) is { } subject)
        {
            // The question fixes the reading: the answer is the object nearest to the anchor.
            return $"the object {nearest.Groups["sup"].Value} to {nearest.Groups["b"].Value} is {subject}";
        }

        if (Contains().Match(question) is { Success: true } contains && scene.Phrase(answer) is not null)
        {
            return $"the image {(contains.Groups["not"].Success ? "does not contain" : "contains")} {answer}";
        }

        if (Which().Match(question) is { Success: true } which && scene.Phrase(answer) is not null)
        {
            return $"{answer} {which.Groups["pred"].Value}";
        }

        return null;
    }

    private static string? Count(string np, string answer, SceneIndex scene)
    {
        var m = CountAnswer().Match(answer);
        if (!m.Success || scene.Phrase(np) is not { Quantity: PhraseQuantity.Definite })
        {
            return null;
        }

        var named = m.Groups["np"].Success ? m.Groups["np"].Value : np;
        return scene.Phrase(named) is { Quantity: PhraseQuantity.Definite } ? $"there are {NumberWord(m.Groups["n"].Value)} {named}" : null;
    }

    // A short answer, or the subject of the answer's last sentence about the same anchor ("So the red circle is closest to it").
    private static string? Subject(string answer, IReadOnlyList<string> sentences, string anchor, SceneIndex scene)
    {
        if (scene.Phrase(answer) is not null)
        {
            return answer;
        }

        return sentences.Select(s => SentenceSubject().Match(s))
            .LastOrDefault(m => m.Success && m.Groups["b"].Value == anchor && scene.Phrase(m.Groups["a"].Value) is not null)?
            .Groups["a"].Value;
    }

    private static string NumberWord(string n) => n == "none" ? "no" : n;

    private static bool Same(string answer, string option, SceneIndex scene) =>
        scene.Single(answer) is { } x && x == scene.Single(option);

    [GeneratedRegex(@"^(?:the (?:correct )?answer is|answer is|it is|it's|they are|that would be|the color is)\s+")]
    private static partial Regex Lead();

    [GeneratedRegex(@"^how many (?<np>[a-z ]+?) (?:are there|is there|are|is|can you see|can be seen|do you see|does the image (?:contain|have|show)|appear|are visible|are present|are shown)(?: in the image)?(?: in total)?$")]
    private static partial Regex HowMany();

    [GeneratedRegex(@"^how many (?<np>objects|shapes|things|items|[a-z]+s) (?:lie|are|sit|are located) (?<rel>to the left of|to the right of|left of|right of|above|below) (?<b>.+?)(?: in the image)?$")]
    private static partial Regex HowManyBeside();

    [GeneratedRegex(@"^(?:there (?:is|are) |i (?:can )?see |i count )?(?<n>\d{1,3}|zero|one|two|three|four|five|six|seven|eight|nine|ten|no|none)(?: (?<np>(?!in |of )[a-z ]+?))?(?: of them)?(?: in total| in the image)?$")]
    private static partial Regex CountAnswer();

    [GeneratedRegex(@"^(?:what|which) color (?:is|are) (?<np>.+?)(?: in the image)?$|^what is the color of (?<np>.+?)(?: in the image)?$|^(?:what|which) color does (?<np>.+?) have(?: in the image)?$")]
    private static partial Regex WhatColor();

    [GeneratedRegex(@"^where (?:is|are) (?<np>.+?)(?: located| positioned| placed)?(?: in the image)?$")]
    private static partial Regex Where();

    [GeneratedRegex(@"^(?<prep>(?:in|at|on|near) the )?(?:top|bottom|upper|lower|left|right|center)(?: (?:left|right))?(?: (?:corner|side|part|area|half))?(?: of the image)?$")]
    private static partial Regex RegionAnswer();

    [GeneratedRegex(@"^is (?<np>.+?) (?:on|in|at) the (?:left|top) or (?:the )?(?:right|bottom)(?: side| half)?(?: of the image)?$")]
    private static partial Regex Sides();

    [GeneratedRegex(@"^which (?:one |shape |object )?is (?<cmp>further left|farther left|further right|farther right|higher|lower|larger|bigger|smaller|closer to .+?|nearer to .+?)(?: in the image)?[,:] (?<a>.+?) or (?<b>.+)$")]
    private static partial Regex EitherOr();

    [GeneratedRegex(@"^(?:which|what) (?:object|shape|one) (?:is|lies|sits) (?:the )?(?<sup>closest|nearest|farthest|furthest) (?:to|from) (?<b>.+?)(?: in the image)?$")]
    private static partial Regex Nearest();

    [GeneratedRegex(@"^(?<a>.+?) (?:is|lies|sits) (?:the )?(?:object |shape |one )?(?:closest|nearest|farthest|furthest) (?:to|from) (?<b>.+?)(?: in the image)?$")]
    private static partial Regex SentenceSubject();

    [GeneratedRegex(@"^(?:which|what)(?: of these| of the following)?(?: (?:objects?|shapes?|items?|things?))? (?:does|do) the image (?<not>not )?(?:contain|have|show|include)$")]
    private static partial Regex Contains();

    // Only generic subjects: "which red shape is the largest" restricts a set that this form would lose.
    [GeneratedRegex(@"^(?:which|what)(?: one| of these| of the following| of them)?(?: (?:shapes?|objects?|items?|things?|ones?|options?))?(?: of these| of the following| below| in the image)?\s(?<pred>(?:is|are|lies|lie|sits|sit|appears) .+)$")]
    private static partial Regex Which();
}
