using System.Text.Json;
using System.Text.RegularExpressions;

namespace MMEvol.Training.External;

/// <summary>
/// Reads loss points from an external trainer's log lines: Hugging Face Trainer log dicts as its
/// progress callback prints them (Python repr or JSON, maybe behind a tqdm bar) and LLaMA-Factory's
/// <c>trainer_log.jsonl</c> lines. Lines that are not a training point give null, whatever they hold.
/// One parser per log: HF dicts carry no step, so without a tqdm <c>n/total</c> the parser counts them.
/// </summary>
public sealed partial class TrainerLogParser
{
    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true };

    private long _lastStep;

    [GeneratedRegex(@"(\d+)/(\d+)\s*\[")]
    private static partial Regex ProgressCount();

    public TrainingPoint? Parse(string line) => Read(line)?.Point;

    /// <summary>As <see cref="Parse"/>, also saying whether the step was read (exact) or counted.</summary>
    internal ParsedPoint? Read(string line)
    {
        var open = line.IndexOf('{', StringComparison.Ordinal);
        var close = line.LastIndexOf('}');
        if (open < 0 || close < open || PythonLiteral.ToJson(line.AsSpan(open, close - open + 1)) is not { } json)
            return null;
        try
        {
            using var document = JsonDocument.Parse(json, Lenient);
            return Read(document.RootElement, line.AsSpan(0, open));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private ParsedPoint? Read(JsonElement log, ReadOnlySpan<char> prefix)
    {
        // Eval dicts have eval_loss, the end-of-training summary train_loss: neither is a step of the loss curve.
        if (log.ValueKind != JsonValueKind.Object || !log.TryGetProperty("loss", out var loss) || log.TryGetProperty("train_runtime", out _))
            return null;
        var bar = Progress(prefix);
        var readStep = WholeNumber(log, "current_steps") ?? WholeNumber(log, "global_step") ?? WholeNumber(log, "step") ?? bar?.Step;
        var step = readStep ?? _lastStep + 1;
        _lastStep = step;
        var total = WholeNumber(log, "total_steps") ?? WholeNumber(log, "max_steps") ?? bar?.Total;
        var point = new TrainingPoint(step, Number(loss), Number(log, "learning_rate") ?? Number(log, "lr"), Number(log, "epoch"),
            TotalSteps: total > 0 ? total : null);
        return new ParsedPoint(point, ExactStep: readStep is not null);
    }

    /// <summary>The last tqdm count before the dict (the bar shows the global step when the dict is printed) and the bar's total.</summary>
    private static (long Step, long Total)? Progress(ReadOnlySpan<char> prefix)
    {
        (long, long)? progress = null;
        foreach (var match in ProgressCount().EnumerateMatches(prefix))
        {
            var bar = prefix.Slice(match.Index, match.Length);
            var slash = bar.IndexOf('/');
            var end = slash + 1 + bar[(slash + 1)..].IndexOfAnyExceptInRange('0', '9');
            if (long.TryParse(bar[..slash], out var step) && long.TryParse(bar[(slash + 1)..end], out var total))
                progress = (step, total);
        }
        return progress;
    }

    private static long? WholeNumber(JsonElement log, string name) =>
        Number(log, name) is { } value && value >= 0 && value == Math.Floor(value) && value < long.MaxValue ? (long)value : null;

    private static double? Number(JsonElement log, string name) => log.TryGetProperty(name, out var value) ? Number(value) : null;

    private static double? Number(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number) ? number : null;
}
