using System.Diagnostics;
using System.Globalization;
using MMEvol.Core.Demo;
using MMEvol.Core.Elimination;
using MMEvol.Core.Formats;
using MMEvol.Core.Model;

namespace MMEvol.Core.Tests.Elimination;

/// <summary>
/// The Shapes world's seed answers, captions and benchmark answers are all correct: the judge must
/// never call one wrong or hallucinated. Wrong benchmark answers show that it still reads them.
/// </summary>
public sealed class HeuristicJudgePrecisionTests
{
    private static readonly ShapesWorldOptions Options = new(Images: 600, BenchmarkImages: 200, Seed: 21);

    private static readonly IReadOnlyList<ShapesRecord> Records = ShapesWorldBuilder.Training(Options);

    private static readonly IReadOnlySet<string> Labels = Records.SelectMany(r => r.Detections).Select(d => d.Label).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Judge_SeedItemsOnTheirOwn_NoneFlaggedAndAllInSeedRange()
    {
        var flagged = new List<string>();
        var scores = new List<double>();
        foreach (var record in Records)
        {
            var items = record.Questions.Select(q => SourceItem.Plain(q.Question, q.Answer)).ToList();
            var verdicts = HeuristicJudge.Judge(new JudgeRequest(0, [], items, record.Caption, record.Detections, Labels));
            Assert.Equal(items.Count, verdicts.Count);
            for (var i = 0; i < items.Count; i++)
            {
                scores.Add(verdicts[i].Score!.Value);
                if (verdicts[i].Improved != true)
                {
                    flagged.Add($"{record.Id}: {items[i].Question} / {items[i].Answer} -> {verdicts[i].Reason}");
                }
            }
        }

        Assert.True(scores.Count > 800, $"only {scores.Count} seed items");
        Assert.Empty(flagged);
        Assert.InRange(scores.Min(), 2.5, 5.0);
        Assert.InRange(scores.Max(), 2.5, 5.0);
        Assert.InRange(scores.Average(), 3.0, 4.5);
    }

    [Fact]
    public void Judge_CaptionsAsAnswers_NoneFlagged()
    {
        var flagged = Records
            .Select(r => (r.Caption, Verdict: Judge(SourceItem.Plain("Describe the picture in detail.", r.Caption), r.Detections)))
            .Where(x => x.Verdict.Improved != true)
            .Select(x => $"{x.Caption} -> {x.Verdict.Reason}");

        Assert.Empty(flagged);
    }

    [Fact]
    public void Judge_BenchmarkAnswers_CorrectNeverFlaggedWrongFlagged()
    {
        var flagged = new List<string>();
        var missed = new List<string>();
        foreach (var scene in ShapesWorldBuilder.Benchmark(Options, Records))
        {
            var detections = scene.Scene.Detections();
            foreach (var item in scene.Items)
            {
                if (Judge(SourceItem.Plain(item.Prompt(), item.Answer), detections).Improved != true)
                {
                    flagged.Add($"{item.Prompt()} / {item.Answer}");
                }

                if (Wrong(item) is { } wrong && Judge(SourceItem.Plain(item.Prompt(), wrong), detections).Improved != false)
                {
                    missed.Add($"{item.Prompt()} / {wrong}");
                }
            }
        }

        Assert.Empty(flagged);
        Assert.Empty(missed);
    }

    [Fact]
    public void Judge_ThirtyThousandItems_TakesSeconds()
    {
        var requests = Enumerable.Range(0, 20).SelectMany(_ => Records).Select(r => new JudgeRequest(
            1,
            r.Questions.Select(q => SourceItem.Plain(q.Question, q.Answer)).ToList(),
            r.Questions.Select(q => SourceItem.Plain(q.Question, q.Answer + " So the picture shows it plainly.")).ToList(),
            r.Caption,
            r.Detections,
            Labels)).ToList();
        var items = requests.Sum(r => r.Items.Count);

        var clock = Stopwatch.StartNew();
        var verdicts = requests.Sum(r => HeuristicJudge.Judge(r).Count);
        clock.Stop();

        // A loose bound: test runs are unoptimized and share the machine; a warm release run is far faster.
        Assert.Equal(items, verdicts);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15.0 * items / 30_000), $"{items} items took {clock.Elapsed.TotalSeconds:0.00} s");
    }

    private static Verdict Judge(SourceItem item, IReadOnlyList<Detection> detections) =>
        Assert.Single(HeuristicJudge.Judge(new JudgeRequest(0, [], [item], null, detections, Labels)));

    // Wrong answers whose wrongness the boxes decide: yes/no flipped, a count one off, a side swapped.
    private static string? Wrong(BenchmarkItem item) => item.Answer switch
    {
        "yes" => "no",
        "no" => "yes",
        "left" => "right",
        "right" => "left",
        "top" => "bottom",
        "bottom" => "top",
        _ when item.Choices is null && int.TryParse(item.Answer, CultureInfo.InvariantCulture, out var n) => (n + 1).ToString(CultureInfo.InvariantCulture),
        _ => null,
    };
}
