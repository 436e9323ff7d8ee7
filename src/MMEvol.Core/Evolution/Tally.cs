using MMEvol.Core.Model;

namespace MMEvol.Core.Evolution;

/// <summary>A run's counts and spend, updated from concurrent units.</summary>
internal sealed class Tally(double spent)
{
    private readonly Lock _gate = new();
    private RoundSummary _round = new(0, 0, 0, 0, 0, 0, 0, 0);
    private int _done;
    private int _total;
    private double _spent = spent;

    public double Spent
    {
        get
        {
            lock (_gate)
                return _spent;
        }
    }

    public RoundSummary Summary
    {
        get
        {
            lock (_gate)
                return _round;
        }
    }

    /// <param name="remaining">Units of this round and, estimated from it, of the rounds after it.</param>
    public void StartRound(int round, int planned, int remaining)
    {
        lock (_gate)
        {
            _round = new RoundSummary(round, planned, 0, 0, 0, 0, 0, 0);
            _total = _done + remaining;
        }
    }

    public EvolutionProgress Add(UnitOutcome outcome)
    {
        lock (_gate)
        {
            _spent += outcome.Cost;
            _round = outcome.Status switch
            {
                null => _round with { Skipped = _round.Skipped + 1 },
                RoundStatus.Failed => _round with { Failed = _round.Failed + 1 },
                RoundStatus.JudgeFailed => _round with { JudgeFailed = _round.JudgeFailed + 1, Items = _round.Items + outcome.Items },
                _ => _round with { Evolved = _round.Evolved + 1, Items = _round.Items + outcome.Items, Kept = _round.Kept + outcome.Kept },
            };
            return new EvolutionProgress(_round.Round, ++_done, _total, outcome);
        }
    }
}
