using MMEvol.Core.Model;
using MMEvol.Core.Review;

namespace MMEvol.Web.Tests.Review;

/// <summary>A record with a seed, an evolved round rewriting it, and a failed round: the shapes the lineage view must draw.</summary>
internal static class LineageSample
{
    public static Instruction Item(long id, int round, string question, string answer, long? parent = null) => new()
    {
        Id = id,
        RecordId = 1,
        RoundNumber = round,
        Index = 0,
        Question = question,
        Answer = answer,
        ParentItemId = parent,
    };

    public static RecordLineageView Build(out Instruction seed, out Instruction evolved)
    {
        seed = Item(10, 0, "What color is the circle?", "The circle is red.");
        evolved = Item(20, 1, "What color is the small circle?", "The small circle is red.", parent: 10);
        evolved.Steps = [new Step("Grounding_1(small circle)->bbx_1", "The small circle is at the top.")];
        evolved.Skills = ["Grounding"];
        evolved.SetVerdict(new Verdict(true, 6, "richer than its parent", "heuristic"));
        var record = new ImageRecord { Id = 1, SourceId = "scene-1", Caption = "A red circle.", Fingerprint = "scene-1" };
        var rounds = new List<EvolutionRound>
        {
            new() { Id = 1, RecordId = 1, Number = 0, Status = RoundStatus.Evolved, Items = [seed] },
            new()
            {
                Id = 2, RecordId = 1, Number = 1, Direction = Direction.Perception, Status = RoundStatus.Evolved,
                Model = "qwen2-vl-7b", PromptVersion = "perception-3f2a", Items = [evolved],
            },
            new()
            {
                Id = 3, RecordId = 1, Number = 2, Direction = Direction.Reasoning, Status = RoundStatus.Failed,
                Model = "qwen2-vl-7b", PromptVersion = "reasoning-91bc", FailureReason = "reply is not JSON",
                RawResponse = "Sorry, <b>I</b> cannot help with that.",
            },
        };
        return new RecordLineageView(record, rounds);
    }
}
