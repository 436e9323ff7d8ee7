using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MMEvol.Core.Evolution;
using MMEvol.Core.Model;
using MMEvol.Core.Review;
using MMEvol.Core.Tests.Evolution;

namespace MMEvol.Core.Tests.Review;

/// <summary>
/// A Shapes dataset evolved three rounds (failed rounds included) and partly reviewed: confirmations,
/// overrides both ways, corrected scores that tie with judged ones, a JudgeFailed round, questions
/// with LIKE wildcards, quotes and accented letters in them (edited after the phrase index caught up), and a second
/// dataset whose items must never show up.
/// </summary>
public sealed class ReviewWorld : IAsyncLifetime
{
    public const string Wildcards = "50%_off";

    /// <summary>Text whose case LIKE folds only in part: the trigram index folds "É" as well, so it must not decide alone.</summary>
    public const string Accented = "Café Noël";

    private EvolutionWorld? _world;

    public EvolutionWorld World => _world!;
    public int DatasetId => World.DatasetId;
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    public StoreFactory Factory(params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors) => new(World.Store, interceptors);

    public ReviewActions Actions() => new(Factory(), Time);

    public async Task InitializeAsync()
    {
        _world = await EvolutionWorld.CreateAsync(36, seed: 11);
        await World.EvolveAsync(new EvolveSettings { Rounds = 3, Seed = 3 });
        await World.Store.ImportAsync(World.Store.Write("other.json",
            """[{"id": "o1", "conversations": [{"from": "human", "value": "What color is 50%_off?"}, {"from": "gpt", "value": "Red."}]}]"""), "other");

        await using var db = World.Open();
        var items = await db.Instructions.Where(i => i.DatasetId == DatasetId).OrderBy(i => i.Id).ToListAsync();
        var actions = Actions();
        foreach (var item in items)
        {
            var command = (item.Id % 17) switch
            {
                1 => ReviewCommand.Confirm,
                2 => ReviewCommand.Keep,
                3 => ReviewCommand.Eliminate,
                4 => ReviewCommand.CorrectScore(item.JudgeScore is null ? 7.5 : 5),
                _ => null,
            };
            if (command is not null)
                Assert.IsType<ReviewSaved>(await actions.ApplyAsync(item.Id, item.Version, command, "fixture"));
        }

        // The phrase index as the web host keeps it, before the text edits below: those are read as pending.
        await World.Store.IndexPhrasesAsync();
        var judgeFailed = await db.Rounds.Where(r => r.Number == 2 && r.Status == RoundStatus.Evolved).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
        await db.Rounds.Where(r => r.Id == judgeFailed).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RoundStatus.JudgeFailed));
        await db.Instructions.Where(i => i.Id == items[5].Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Question, $"Is the {Wildcards} label red?"));
        await db.Instructions.Where(i => i.Id == items[9].Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Answer, "Yes, 50 percent off."));
        await db.Instructions.Where(i => i.Id == items[14].Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Answer, $"The {Accented} sign says \"OPEN\"."));
        await db.Instructions.Where(i => i.Id == items[12].Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Question, "Is 5000 off? " + new string('x', 300)));
    }

    /// <summary>Every item of the dataset with what the oracle needs, read straight from the store.</summary>
    public async Task<(List<Instruction> Items, HashSet<int> FailedRecords)> SnapshotAsync()
    {
        await using var db = World.Open();
        var items = await db.Instructions.AsNoTracking().Include(i => i.Round).Where(i => i.DatasetId == DatasetId).ToListAsync();
        var failed = await db.Rounds.Where(r => r.Status != RoundStatus.Evolved).Select(r => r.RecordId).ToListAsync();
        return (items, failed.ToHashSet());
    }

    public async Task DisposeAsync()
    {
        if (_world is not null)
            await _world.DisposeAsync();
    }
}
