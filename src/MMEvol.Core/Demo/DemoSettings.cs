using System.Text.Json;
using MMEvol.Core.Evolution;

namespace MMEvol.Core.Demo;

/// <summary>A demo job's configuration: which Shapes world to make and how far to evolve it afterwards.</summary>
public sealed record DemoSettings
{
    public int Images { get; init; } = 300;
    public int BenchmarkImages { get; init; } = 100;
    public int Seed { get; init; } = 7;
    public string Dataset { get; init; } = DemoDataset.DefaultName;

    /// <summary>The rounds of the evolve job queued once the seed set is in; 0 queues none.</summary>
    public int Rounds { get; init; } = 3;

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public ShapesWorldOptions World => new(Images, BenchmarkImages, Seed);

    public EvolveSettings Evolution => new() { Rounds = Rounds };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static DemoSettings FromJson(string json) =>
        JsonSerializer.Deserialize<DemoSettings>(json, Json) ?? throw new WorkbenchException("The demo job's settings are empty.");

    public void Validate()
    {
        if (Images < 1)
            throw new WorkbenchException("The demo needs at least 1 image.");
        if (BenchmarkImages < 0)
            throw new WorkbenchException("The demo's benchmark images cannot be negative.");
        if (string.IsNullOrWhiteSpace(Dataset))
            throw new WorkbenchException("The demo needs a dataset name.");
        if (Rounds != 0)
            Evolution.Validate();
    }
}
