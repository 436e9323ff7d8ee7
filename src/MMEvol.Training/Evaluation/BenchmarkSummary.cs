using System.Text.Json;

namespace MMEvol.Training.Evaluation;

/// <summary>A benchmark outcome without its item-by-item answers: what a training run stores and the pages compare.</summary>
public sealed record BenchmarkSummary(string Benchmark, int Items, double Accuracy, IReadOnlyList<CategoryScore> Categories, IReadOnlyList<PopeScore> Pope)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static BenchmarkSummary From(string benchmark, BenchmarkResult result) =>
        new(benchmark, result.Answers.Count, result.Accuracy, result.Categories, result.Pope);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static BenchmarkSummary? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<BenchmarkSummary>(json, Json);
}
