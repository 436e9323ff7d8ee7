using System.Text.Json;
using System.Text.Json.Serialization;
using MMEvol.Core.Llm;

namespace MMEvol.Core.Evolution;

/// <summary>
/// An evolve job's configuration, stored as the job's config: running the same command again
/// finds the unfinished job with identical settings and resumes it.
/// </summary>
public sealed record EvolveSettings
{
    /// <summary>Bring every eligible record up to this round.</summary>
    public int Rounds { get; init; } = 3;
    public string Evolver { get; init; } = "offline";
    public string Judge { get; init; } = "heuristic";
    public double FaultRate { get; init; } = 0.15;
    public string Weights { get; init; } = DirectionWeights.Equal.ToString();
    public int Seed { get; init; } = 1;

    /// <summary>Only the first N records of the dataset (by store order).</summary>
    public int? Limit { get; init; }
    public bool RetryFailed { get; init; }

    /// <summary>Units whose model calls run at once; commits stay one at a time.</summary>
    public int Concurrency { get; init; } = 1;

    /// <summary>The chat model behind the llm evolver and the llm judge (never the key: only its variable's name).</summary>
    public LlmOptions? Llm { get; init; }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>
    /// The work these settings describe, without how fast or at what price it runs: a job resumed
    /// with another concurrency, timeout or price list is still the same job.
    /// </summary>
    public string WorkJson() => (this with
    {
        Concurrency = 1,
        Llm = Llm is null ? null : Llm with
        {
            AttemptTimeoutSeconds = 0,
            TotalTimeoutSeconds = 0,
            MaxRetries = 0,
            RetryBaseDelaySeconds = 0,
            PricePerMillionInputTokens = 0,
            PricePerMillionOutputTokens = 0,
        },
    }).ToJson();

    public static bool SameWork(string stored, string config)
    {
        try
        {
            return FromJson(stored).WorkJson() == FromJson(config).WorkJson();
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    public static EvolveSettings FromJson(string json) =>
        JsonSerializer.Deserialize<EvolveSettings>(json, Json) ?? throw new WorkbenchException("The job's settings are empty.");

    public void Validate()
    {
        if (Rounds is < 1 or > 20)
            throw new WorkbenchException("--rounds must be between 1 and 20.");
        if (FaultRate is < 0 or > 1 || double.IsNaN(FaultRate))
            throw new WorkbenchException("--fault-rate must be between 0 and 1.");
        if (Limit is < 1)
            throw new WorkbenchException("--limit must be at least 1.");
        if (Concurrency is < 1 or > 256)
            throw new WorkbenchException("--concurrency must be between 1 and 256.");

        DirectionWeights.Parse(Weights);
        if ((Evolver == "llm" || Judge == "llm") && Llm is null)
            throw new WorkbenchException("The llm evolver and judge need a model: pass --model (and --endpoint, --api-key-env).");
        Llm?.Validate();
    }
}
