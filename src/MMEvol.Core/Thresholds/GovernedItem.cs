using System.Runtime.InteropServices;
using MMEvol.Core.Model;

namespace MMEvol.Core.Thresholds;

/// <summary>
/// What a policy reads of one governed item, and what it decided, packed small (about 56 bytes):
/// two million of them fit in about 110 MB and are scanned in milliseconds, so a proposal is
/// previewed without touching the store. Doubles, as stored: a float would round a score of 6.7
/// below a threshold of 6.7. NaN stands for a missing score.
/// </summary>
[StructLayout(LayoutKind.Auto)]
public readonly record struct GovernedItem(
    long Id,
    byte Round,
    Direction Direction,
    bool? Improved,
    double Score,
    double StepGain,
    double SkillGain,
    double ObjectGain,
    bool? Grounded,
    bool FailsCheapCheck,
    Decision? Override,
    Decision AutoDecision,
    Decision FinalDecision)
{
    public bool HasScore => !double.IsNaN(Score);
}
