namespace MMEvol.Training.External;

/// <summary>
/// One loss series from several sources. LLaMA-Factory prints each log dict on stdout and also writes it to
/// trainer_log.jsonl: steps read from a log (jsonl, a tqdm count) are exact, and the first report of a step
/// wins. A step counted from bare HF dicts is only a guess: counted points wait for a poll of the files and
/// are dropped for good once any exact source has spoken, rather than drawing a second, shifted curve.
/// </summary>
internal sealed class PointMerger(Action<TrainingPoint> report)
{
    private readonly HashSet<long> _steps = [];
    private readonly List<TrainingPoint> _points = [];
    private readonly List<(TrainingPoint Point, int Poll)> _held = [];
    private bool _exactSeen;
    private int _poll;

    public IReadOnlyList<TrainingPoint> Points => _points;

    public void Add(ParsedPoint parsed)
    {
        if (parsed.ExactStep)
        {
            _exactSeen = true;
            _held.Clear();
            Report(parsed.Point);
        }
        else if (!_exactSeen)
            _held.Add((parsed.Point, _poll));
    }

    /// <summary>
    /// After each poll of the files. A counted point waits for the second poll after its arrival: only that one
    /// surely began reading after it, and so would have seen the same step written to a jsonl at the same moment.
    /// </summary>
    public void PollDone()
    {
        _poll++;
        var released = _held.TakeWhile(h => _poll - h.Poll >= 2).ToList();
        _held.RemoveRange(0, released.Count);
        released.ForEach(h => Report(h.Point));
    }

    public void Finish()
    {
        _held.ForEach(h => Report(h.Point));
        _held.Clear();
    }

    private void Report(TrainingPoint point)
    {
        if (!_steps.Add(point.Step))
            return;
        _points.Add(point);
        report(point);
    }
}
