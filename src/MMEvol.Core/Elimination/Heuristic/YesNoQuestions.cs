using System.Text.RegularExpressions;

namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>
/// Turns a yes/no question into the statement a "yes" asserts: "Is there a red circle?" -> "there is
/// a red circle", "Is the red circle left of the blue square?" -> "the red circle is left of the blue
/// square", "Does the image contain a star?" -> "the image contains a star".
/// </summary>
internal static partial class YesNoQuestions
{
    public static string? ToStatement(string question, SceneIndex scene)
    {
        if (IsThere().Match(question) is { Success: true } there)
        {
            return $"there is {there.Groups["rest"].Value}";
        }

        if (ImageHas().Match(question) is { Success: true } has)
        {
            return $"the image contains {has.Groups["rest"].Value}";
        }

        if (YouSee().Match(question) is { Success: true } see)
        {
            return $"i can see {see.Groups["rest"].Value}";
        }

        if (Copula().Match(question) is not { Success: true } copula)
        {
            return null;
        }

        // The subject is the shortest leading run of words that parses as a noun phrase.
        var words = copula.Groups["rest"].Value.Split(' ');
        for (var k = 1; k < words.Length && k <= 6; k++)
        {
            var subject = string.Join(' ', words[..k]);
            if (scene.Phrase(subject) is not null)
            {
                return $"{subject} is {string.Join(' ', words[k..])}";
            }
        }

        return null;
    }

    /// <summary>"yes" or "no" when the answer opens with one, else null. A bare "No" before a noun is a determiner, not an answer.</summary>
    public static bool? Answer(string normalizedAnswer)
    {
        var m = YesNo().Match(normalizedAnswer);
        return !m.Success ? null : m.Groups["w"].Value is "yes" or "yeah" or "correct" or "true";
    }

    [GeneratedRegex(@"^(?:is|are) there (?<rest>.+)$")]
    private static partial Regex IsThere();

    [GeneratedRegex(@"^(?:does|do) (?:the image|it) (?:also )?(?:contain|have|show|include|feature|depict|display) (?<rest>.+)$")]
    private static partial Regex ImageHas();

    [GeneratedRegex(@"^(?:can|do) you (?:see|find|spot|notice) (?<rest>.+)$")]
    private static partial Regex YouSee();

    [GeneratedRegex(@"^(?:is|are) (?<rest>.+)$")]
    private static partial Regex Copula();

    [GeneratedRegex(@"^(?:(?<w>yes|yeah)\b|(?<w>no|nope)(?:[.,!;]|$))")]
    private static partial Regex YesNo();
}
