using System.Text.Json;
using TorchSharp;

namespace MMEvol.Training.Probe;

/// <summary>A run folder's last checkpoint loaded for use: the model in evaluation mode, its tokenizer and settings.</summary>
public sealed class TrainedProbe : IDisposable
{
    private TrainedProbe(ProbeModel model, WordTokenizer tokenizer, ProbeOptions options)
    {
        Model = model;
        Tokenizer = tokenizer;
        Options = options;
    }

    public ProbeModel Model { get; }
    public WordTokenizer Tokenizer { get; }
    public ProbeOptions Options { get; }

    public static TrainedProbe Load(string runDirectory)
    {
        if (!ProbeCheckpoint.Exists(runDirectory))
            throw new FileNotFoundException($"{runDirectory} holds no probe checkpoint.");
        var options = JsonSerializer.Deserialize<ProbeOptions>(File.ReadAllText(Path.Combine(runDirectory, ProbeTrainer.OptionsFile)))
            ?? throw new InvalidDataException($"{runDirectory}: the settings file is empty");
        var tokenizer = WordTokenizer.FromJson(File.ReadAllText(Path.Combine(runDirectory, ProbeTrainer.TokenizerFile)));
        var model = new ProbeModel(options, tokenizer.VocabularySize);
        ProbeCheckpoint.LoadWeights(runDirectory, model);
        model.to(TorchDevice.Current);
        model.eval();
        return new TrainedProbe(model, tokenizer, options);
    }

    public void Dispose() => Model.Dispose();
}
