using System.Collections.Concurrent;
using MMEvol.Training.External;

namespace MMEvol.Training.Tests.External;

/// <summary>
/// A fresh folder with an exported data file, an image folder and an output folder, the trainer scripts a
/// test writes, and what a run passed to its callbacks. Every wait is bounded, so a bug fails instead of hanging.
/// </summary>
internal sealed class TrainerRunHarness : IDisposable
{
    public static readonly ExternalTrainerOptions Fast = new()
    {
        PollInterval = TimeSpan.FromMilliseconds(100),
        CancelTimeout = TimeSpan.FromSeconds(5),
        GracePeriod = TimeSpan.FromSeconds(2),
        DrainTimeout = TimeSpan.FromSeconds(2),
    };

    public TrainerRunHarness(string dataFolder = "data")
    {
        Root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "mmevol-trainer-" + Guid.NewGuid().ToString("N"))).FullName;
        var data = Directory.CreateDirectory(Path.Combine(Root, dataFolder)).FullName;
        Paths = new TrainerPaths(Path.Combine(data, "export.json"), Directory.CreateDirectory(Path.Combine(data, "images")).FullName, Path.Combine(Root, "out"));
        File.WriteAllText(Paths.Data, "[]");
    }

    public string Root { get; }

    public TrainerPaths Paths { get; set; }

    public ConcurrentQueue<string> Lines { get; } = new();

    public ConcurrentQueue<TrainingPoint> Reported { get; } = new();

    /// <summary>Writes a POSIX shell script; returns the command that runs it with the data, image and output placeholders.</summary>
    public string Script(string body)
    {
        var path = Path.Combine(Root, $"trainer-{Guid.NewGuid():N}.sh");
        File.WriteAllText(path, "set -e\n" + body.ReplaceLineEndings("\n"));
        return $"exec sh '{path}' {{data}} {{images}} {{output}}";
    }

    public string OutputFile(string name) => Path.Combine(Paths.Output, name);

    public Task<ExternalTrainerOutcome> RunAsync(TrainerProfile profile, ExternalTrainerOptions? options = null, CancellationToken cancellationToken = default) =>
        ExternalTrainerRun.RunAsync(profile, Paths, Lines.Enqueue, Reported.Enqueue, options ?? Fast, cancellationToken).WaitAsync(TimeSpan.FromSeconds(60));

    public async Task<string> LineAsync(Func<string, bool> match, int timeoutSeconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            if (Lines.FirstOrDefault(match) is { } line)
                return line;
            await Task.Delay(20);
        }
        throw new TimeoutException($"No such line within {timeoutSeconds} s; lines: {string.Join(" | ", Lines)}");
    }

    public async Task<string> FileTextAsync(string path, int timeoutSeconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(path) && File.ReadAllText(path) is { Length: > 0 } text && text.EndsWith('\n'))
                return text.Trim();
            await Task.Delay(20);
        }
        throw new TimeoutException($"{path} was not written within {timeoutSeconds} s.");
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
            Directory.Delete(Root, recursive: true);
    }
}
