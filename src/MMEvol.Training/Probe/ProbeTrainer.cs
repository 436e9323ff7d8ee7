using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace MMEvol.Training.Probe;

/// <summary>
/// Trains the probe on a list of samples in a run folder: AdamW (<see cref="ProbeOptimizer"/>), warmup
/// then cosine, gradient clipping, every step's tensors freed by its own dispose scope. A folder that holds a checkpoint
/// is resumed from it, with the same tokenizer, settings and data order, so a run stopped and resumed
/// ends with the weights an uninterrupted run would have. Deterministic on CPU for a seed.
/// </summary>
public sealed class ProbeTrainer(ProbeOptions options, ILogger<ProbeTrainer>? logger = null)
{
    public const string TokenizerFile = "tokenizer.json";
    public const string OptionsFile = "probe-options.json";

    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    /// <summary>Cancellation stops before the next step and checkpoints the last finished one.</summary>
    /// <param name="progress">Mean loss, learning rate and samples/s every <see cref="ProbeOptions.ReportEvery"/> steps.</param>
    public ProbeRun Train(IReadOnlyList<ProbeSample> samples, string runDirectory, IProgress<TrainingPoint>? progress, CancellationToken cancellationToken)
    {
        options.Validate();
        if (samples.Count == 0)
            throw new ArgumentException("The snapshot holds no samples to train on.", nameof(samples));
        Directory.CreateDirectory(runDirectory);
        ProbeCheckpoint.Recover(runDirectory);
        var resuming = ProbeCheckpoint.Exists(runDirectory);
        var tokenizer = PrepareRun(samples, runDirectory, resuming);

        var device = TorchDevice.Current;
        torch.manual_seed(options.Seed);
        using var model = new ProbeModel(options, tokenizer.VocabularySize);
        model.to(device);
        using var optimizer = new ProbeOptimizer(model.parameters(), options.WeightDecay);
        var data = ProbeData.Build(samples, tokenizer, options);
        var order = new DataOrder(data, options.BatchSize, options.BucketBatches, options.Seed);
        var state = resuming
            ? ProbeCheckpoint.Load(runDirectory, model, optimizer)
            : new ProbeCheckpoint.State(0, 0, 0, order.Epoch(0), double.NaN);
        if (resuming)
            _logger.LogInformation("Resuming the probe run in {RunDirectory} at step {Step} of {Steps}", runDirectory, state.Step, options.Steps);

        var (step, epoch, batchInEpoch, epochOrder, lastLoss) = (state.Step, state.Epoch, state.BatchInEpoch, state.EpochOrder, state.LastLoss);
        var watch = Stopwatch.StartNew();
        var (intervalLoss, intervalSteps, intervalSamples, trained) = (0.0, 0, 0, 0L);
        var intervalStart = watch.Elapsed;
        var cancelled = false;
        model.train();
        while (step < options.Steps)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                cancelled = true;
                break;
            }
            if (batchInEpoch == epochOrder.Count)
                (epoch, batchInEpoch, epochOrder) = (epoch + 1, 0, order.Epoch(epoch + 1));
            var batch = epochOrder[batchInEpoch];
            lastLoss = Step(model, optimizer, data, batch, LearningRateSchedule.At(step, options), device);
            (step, batchInEpoch) = (step + 1, batchInEpoch + 1);
            (intervalLoss, intervalSteps, intervalSamples, trained) = (intervalLoss + lastLoss, intervalSteps + 1, intervalSamples + batch.Length, trained + batch.Length);

            if (step % options.ReportEvery == 0 || step == options.Steps)
            {
                var seconds = (watch.Elapsed - intervalStart).TotalSeconds;
                progress?.Report(new TrainingPoint(step, intervalLoss / intervalSteps, LearningRateSchedule.At(step - 1, options),
                    epoch + (double)batchInEpoch / epochOrder.Count, seconds > 0 ? intervalSamples / seconds : null));
                (intervalLoss, intervalSteps, intervalSamples, intervalStart) = (0, 0, 0, watch.Elapsed);
            }
            if (step % options.CheckpointEvery == 0 && step < options.Steps)
                ProbeCheckpoint.Save(runDirectory, model, optimizer, new(step, epoch, batchInEpoch, epochOrder, lastLoss));
        }
        ProbeCheckpoint.Save(runDirectory, model, optimizer, new(step, epoch, batchInEpoch, epochOrder, lastLoss));
        var elapsed = watch.Elapsed;
        _logger.LogInformation("Probe run {State} at step {Step} of {Steps}: loss {Loss:0.0000}, {Rate:0} samples/s on {Device}",
            cancelled ? "cancelled" : "finished", step, options.Steps, lastLoss, trained / Math.Max(elapsed.TotalSeconds, 1e-9), TorchDevice.Describe());
        return new ProbeRun(step, options.Steps, cancelled, lastLoss, elapsed, trained / Math.Max(elapsed.TotalSeconds, 1e-9), runDirectory);
    }

    private double Step(ProbeModel model, ProbeOptimizer optimizer, ProbeData data, int[] batch, double learningRate, Device device)
    {
        using var scope = NewDisposeScope();
        var (images, text, labels) = data.Batch(batch);
        optimizer.ZeroGrad();
        var logits = model.call(images.to(device), text.to(device));
        var loss = nn.functional.cross_entropy(logits.reshape(-1, logits.shape[2]), labels.to(device).reshape(-1), ignore_index: ProbeData.Ignored);
        loss.backward();
        optimizer.ClipGradients(options.ClipNorm);
        optimizer.Step(learningRate);
        return loss.item<float>();
    }

    /// <summary>A new run writes its tokenizer and settings; a resumed one must find the same settings and reuses its tokenizer.</summary>
    private WordTokenizer PrepareRun(IReadOnlyList<ProbeSample> samples, string runDirectory, bool resuming)
    {
        var tokenizerPath = Path.Combine(runDirectory, TokenizerFile);
        var optionsPath = Path.Combine(runDirectory, OptionsFile);
        if (resuming)
        {
            var saved = JsonSerializer.Deserialize<ProbeOptions>(File.ReadAllText(optionsPath));
            if (saved != options)
                throw new InvalidOperationException($"{runDirectory} holds a checkpoint trained with other settings; resume it with the same settings or start a new run folder.");
            return WordTokenizer.FromJson(File.ReadAllText(tokenizerPath));
        }
        var tokenizer = WordTokenizer.Build(samples.SelectMany(s => new[] { s.Question, s.Answer }), options.MaxVocabulary);
        File.WriteAllText(tokenizerPath, tokenizer.ToJson());
        File.WriteAllText(optionsPath, JsonSerializer.Serialize(options));
        return tokenizer;
    }
}
