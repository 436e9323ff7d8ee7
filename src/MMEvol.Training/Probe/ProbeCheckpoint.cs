using System.Text.Json;
using System.Text.Json.Serialization;

namespace MMEvol.Training.Probe;

/// <summary>
/// Everything a run needs to go on exactly where it stopped: the weights, the optimizer's moments,
/// the step, and the order of the current epoch's batches. Written to a fresh folder and swapped in
/// by renames, so a crash mid-write leaves the previous checkpoint whole.
/// </summary>
internal static class ProbeCheckpoint
{
    public const string Folder = "checkpoint";
    private const string Weights = "weights.bin";
    private const string Optimizer = "optimizer.bin";
    private const string StateFile = "state.json";

    // A run cancelled before its first step has no loss yet: NaN must survive the file.
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public sealed record State(int Step, int Epoch, int BatchInEpoch, List<int[]> EpochOrder, double LastLoss);

    public static bool Exists(string runDirectory) => File.Exists(Path.Combine(runDirectory, Folder, StateFile));

    public static void Save(string runDirectory, ProbeModel model, ProbeOptimizer optimizer, State state)
    {
        var target = Path.Combine(runDirectory, Folder);
        var fresh = Path.Combine(runDirectory, Folder + ".new");
        var old = Path.Combine(runDirectory, Folder + ".old");
        if (Directory.Exists(fresh))
            Directory.Delete(fresh, recursive: true);
        Directory.CreateDirectory(fresh);
        model.save(Path.Combine(fresh, Weights));
        optimizer.Save(Path.Combine(fresh, Optimizer));
        File.WriteAllText(Path.Combine(fresh, StateFile), JsonSerializer.Serialize(state, Json));
        if (Directory.Exists(old))
            Directory.Delete(old, recursive: true);
        if (Directory.Exists(target))
            Directory.Move(target, old);
        Directory.Move(fresh, target);
        if (Directory.Exists(old))
            Directory.Delete(old, recursive: true);
    }

    /// <summary>The weights alone, for evaluation.</summary>
    public static void LoadWeights(string runDirectory, ProbeModel model) => model.load(Path.Combine(runDirectory, Folder, Weights));

    public static State Load(string runDirectory, ProbeModel model, ProbeOptimizer optimizer)
    {
        var folder = Path.Combine(runDirectory, Folder);
        model.load(Path.Combine(folder, Weights));
        optimizer.Load(Path.Combine(folder, Optimizer));
        return JsonSerializer.Deserialize<State>(File.ReadAllText(Path.Combine(folder, StateFile)), Json)
            ?? throw new InvalidDataException($"{folder}: the checkpoint's state file is empty");
    }

    /// <summary>A checkpoint interrupted between its two renames leaves only the .old folder: take it back.</summary>
    public static void Recover(string runDirectory)
    {
        var target = Path.Combine(runDirectory, Folder);
        var old = Path.Combine(runDirectory, Folder + ".old");
        if (!Directory.Exists(target) && Directory.Exists(old))
            Directory.Move(old, target);
    }
}
