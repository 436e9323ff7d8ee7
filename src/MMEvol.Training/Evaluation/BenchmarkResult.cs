namespace MMEvol.Training.Evaluation;

/// <summary>Accuracy of one category (or one split of it).</summary>
public sealed record CategoryScore(string Category, int Items, int Correct)
{
    public double Accuracy => Items == 0 ? 0 : (double)Correct / Items;
}

/// <summary>POPE's figures for the existence questions of one sampling, "yes" being the positive class.</summary>
public sealed record PopeScore(string Sampling, int Items, int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives)
{
    public double Accuracy => Items == 0 ? 0 : (double)(TruePositives + TrueNegatives) / Items;
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public double YesRatio => Items == 0 ? 0 : (double)(TruePositives + FalsePositives) / Items;
}

/// <summary>What the probe answered to one benchmark item.</summary>
public sealed record ItemAnswer(string Id, string Category, string? Sampling, string Expected, string Given, bool Closed)
{
    public bool Correct => string.Equals(Normalize(Expected), Normalize(Given), StringComparison.Ordinal);

    internal static string Normalize(string text) => string.Join(' ', text.ToLowerInvariant()
        .Split([' ', '.', ',', '!', '?', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>A benchmark's outcome: accuracy per category, POPE per sampling, and every answer.</summary>
public sealed record BenchmarkResult(IReadOnlyList<CategoryScore> Categories, IReadOnlyList<PopeScore> Pope, IReadOnlyList<ItemAnswer> Answers)
{
    public double Accuracy => Answers.Count == 0 ? 0 : (double)Answers.Count(a => a.Correct) / Answers.Count;

    public static BenchmarkResult From(IReadOnlyList<ItemAnswer> answers)
    {
        var categories = answers.GroupBy(a => a.Category, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CategoryScore(g.Key, g.Count(), g.Count(a => a.Correct))).ToList();
        var pope = answers.Where(a => a.Sampling is not null).GroupBy(a => a.Sampling!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PopeScore(g.Key, g.Count(),
                TruePositives: g.Count(a => IsYes(a.Expected) && IsYes(a.Given)),
                FalsePositives: g.Count(a => !IsYes(a.Expected) && IsYes(a.Given)),
                TrueNegatives: g.Count(a => !IsYes(a.Expected) && !IsYes(a.Given)),
                FalseNegatives: g.Count(a => IsYes(a.Expected) && !IsYes(a.Given))))
            .ToList();
        return new BenchmarkResult(categories, pope, answers);
    }

    private static bool IsYes(string answer) => ItemAnswer.Normalize(answer) == "yes";
}
