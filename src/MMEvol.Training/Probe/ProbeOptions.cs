using System.Text.Json.Serialization;

namespace MMEvol.Training.Probe;

/// <summary>
/// The probe model's shape and its training schedule. Defaults fit a 2-core CPU: a few hundred
/// samples per second, enough for the experiment's arms to separate within minutes.
/// </summary>
public sealed record ProbeOptions
{
    /// <summary>Images are downscaled to this square (pixels); three stride-2 convolutions make (size/8)^2 visual tokens.</summary>
    public int ImageSize { get; init; } = 48;
    public int Width { get; init; } = 128;
    public int Layers { get; init; } = 3;
    public int Heads { get; init; } = 4;
    /// <summary>Question and answer tokens together, beyond which a sample is cut (answers first lose their tail).</summary>
    public int MaxTextTokens { get; init; } = 96;
    public int MaxVocabulary { get; init; } = 20_000;

    public int Steps { get; init; } = 1_000;
    public int BatchSize { get; init; } = 64;
    public double LearningRate { get; init; } = 1e-3;
    public double MinLearningRate { get; init; } = 1e-5;
    /// <summary>Share of <see cref="Steps"/> spent warming up linearly, as the paper's 0.03.</summary>
    public double WarmupShare { get; init; } = 0.05;
    public double WeightDecay { get; init; } = 0.01;
    public double ClipNorm { get; init; } = 1.0;
    public int Seed { get; init; } = 1;
    /// <summary>Loss, learning rate and throughput are reported every this many steps.</summary>
    public int ReportEvery { get; init; } = 20;
    /// <summary>A checkpoint is written every this many steps (and at the end, and on cancel).</summary>
    public int CheckpointEvery { get; init; } = 200;
    /// <summary>Length buckets: batches are cut from runs of this many batches' worth of samples sorted by length.</summary>
    public int BucketBatches { get; init; } = 20;

    [JsonIgnore]
    public int VisualTokens => (ImageSize / 8) * (ImageSize / 8);

    [JsonIgnore]
    public int WarmupSteps => Math.Max(1, (int)Math.Round(Steps * WarmupShare));

    public void Validate()
    {
        var errors = new List<string>();
        if (ImageSize is < 16 or > 128 || ImageSize % 8 != 0)
            errors.Add($"image size {ImageSize}: must be a multiple of 8 from 16 to 128");
        if (Width < 16 || Heads < 1 || Width % Heads != 0)
            errors.Add($"width {Width} with {Heads} heads: the width must be at least 16 and divisible by the heads");
        if (Layers is < 1 or > 24)
            errors.Add($"layers {Layers}: 1 to 24");
        if (MaxTextTokens is < 8 or > 1024)
            errors.Add($"max text tokens {MaxTextTokens}: 8 to 1024");
        if (Steps < 1 || BatchSize < 1)
            errors.Add("steps and batch size must be at least 1");
        if (LearningRate <= 0 || MinLearningRate < 0 || MinLearningRate > LearningRate)
            errors.Add($"learning rate {LearningRate} / minimum {MinLearningRate}: 0 < minimum <= rate");
        if (WarmupShare is < 0 or >= 1)
            errors.Add($"warmup share {WarmupShare}: from 0 to below 1");
        if (ClipNorm <= 0 || WeightDecay < 0)
            errors.Add("clip norm must be positive and weight decay not negative");
        if (ReportEvery < 1 || CheckpointEvery < 1 || BucketBatches < 1)
            errors.Add("report, checkpoint and bucket intervals must be at least 1");
        if (errors.Count > 0)
            throw new ArgumentException("Probe settings: " + string.Join("; ", errors));
    }
}
