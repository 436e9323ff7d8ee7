using System.Text.RegularExpressions;
using MMEvol.Core.Formats;
using MMEvol.Core.Model;

namespace MMEvol.Core.Tests.Evolution.Offline;

/// <summary>Records without detections: only format rewrites, made of the parent list's own words.</summary>
public sealed class TextOnlyTests
{
    [Fact]
    public void EvolveAsync_NoDetections_OnlyFormatRewritesThatInventNoFacts()
    {
        var steps = OfflineWorld.Rounds(200, 3, 0, OfflineWorld.DirectionOf, withDetections: false).ToList();
        var formats = new HashSet<string>();
        foreach (var step in steps)
        {
            foreach (var (item, parent, _) in step.Pairs)
            {
                Assert.NotEqual(parent.Format, item.Format);
                Assert.Equal(parent.Objects, item.Objects);
                Assert.Null(Invented(item, parent, step.Request.Parents));
                formats.Add(item.Format);
            }
        }

        Assert.Equal(["fill_in_the_blank", "instruction_following", "multi_choice", "text_image_matching"], formats.Order());
    }

    [Fact]
    public void EvolveAsync_NoDetectionsWrongAnswer_AnswerLeavesTheParentsWords()
    {
        var wrong = OfflineWorld.Rounds(300, 3, 0.3, OfflineWorld.DirectionOf, withDetections: false)
            .Where(s => s.Items.Count > 0)
            .SelectMany(s => s.Pairs.Where(p => p.Fault == FaultKind.WrongAnswer).Select(p => (p.Item, p.Parent, s.Request.Parents)))
            .ToList();

        Assert.True(wrong.Count > 30, $"only {wrong.Count}");
        Assert.All(wrong, w => Assert.NotNull(Invented(w.Item, w.Parent, w.Parents)));
        Assert.DoesNotContain(OfflineWorld.Rounds(300, 3, 0.3, OfflineWorld.DirectionOf, withDetections: false)
            .Where(s => s.Items.Count > 0).SelectMany(s => s.Response.Faults!), f => f == FaultKind.HallucinatedObject);
    }

    // Null when the item restates the parent's answer in its new format; else what it added.
    private static string? Invented(SourceItem item, SourceItem parent, IReadOnlyList<SourceItem> parents)
    {
        static string Flat(string text) => Regex.Replace(text.Trim(), @"\s+", " ");
        Match m;
        switch (item.Format)
        {
            case "multi_choice":
                var lines = item.Question.Split('\n');
                if (lines[0] != parent.Question.Split('\n')[0] && !item.Question.StartsWith(parent.Question + "\n", StringComparison.Ordinal))
                    return "question is not the parent's";
                var options = lines[^(lines.Length - parent.Question.Split('\n').Length)..].Select(l => l[3..]).ToList();
                if (options.Any(o => parents.All(p => Flat(p.Answer) != o)))
                    return "an option is no parent's answer";
                return item.Answer[3..] == Flat(parent.Answer) ? null : $"picked '{item.Answer}'";
            case "fill_in_the_blank":
                m = Regex.Match(item.Question, "^Fill in the blank in this answer to \"(.*)\": (.*)$", RegexOptions.Singleline);
                var filled = Regex.Match(item.Answer, "^The blank is (\\w+)\\. (.*)$", RegexOptions.Singleline);
                return m.Success && filled.Success && m.Groups[1].Value == parent.Question && filled.Groups[2].Value == parent.Answer
                    && m.Groups[2].Value.Replace("___", filled.Groups[1].Value, StringComparison.Ordinal) == parent.Answer
                    ? null : $"blank does not restore the parent's answer: {item.Answer}";
            case "text_image_matching":
                return item.Question == $"Does this statement match the image? \"{Flat(parent.Answer)}\"" && item.Answer == "True. " + parent.Answer
                    ? null : $"statement or verdict is not the parent's: {item.Answer}";
            case "instruction_following":
                return item.Question.EndsWith("\n" + parent.Question, StringComparison.Ordinal) && item.Answer == parent.Answer ? null : "answer is not the parent's";
            default:
                return $"format {item.Format} needs boxes";
        }
    }
}
