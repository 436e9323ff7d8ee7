using System.Text.Json;
using MMEvol.Core.Demo;
using MMEvol.Core.Evolution;
using MMEvol.Core.Evolution.Offline;
using MMEvol.Core.Formats;
using MMEvol.Core.Model;

namespace MMEvol.Core.Tests.Evolution.Offline;

/// <summary>Shapes records as evolution requests, and the evolver's answers read back as a consumer would.</summary>
internal static class OfflineWorld
{
    private static readonly Lazy<IReadOnlyList<ShapesRecord>> Default =
        new(() => ShapesWorldBuilder.Training(new ShapesWorldOptions(Images: 400, BenchmarkImages: 0, Seed: 23)));

    public static IReadOnlyList<ShapesRecord> Records => Default.Value;

    public static IReadOnlyList<SourceItem> Seeds(ShapesRecord record) =>
        record.Questions.Select(q => SourceItem.Plain(q.Question, q.Answer)).ToList();

    public static EvolutionRequest Request(ShapesRecord record, Direction direction, IReadOnlyList<SourceItem>? parents = null, int round = 1, int seed = 5) =>
        new(record.Id, round, direction, record.Caption, record.Detections, null, parents ?? Seeds(record), seed);

    public static EvolutionResponse Evolve(EvolutionRequest request, double faultRate = 0) =>
        new OfflineEvolver(new OfflineEvolverOptions(faultRate)).Evolve(request);

    public static IReadOnlyList<SourceItem> Items(string raw)
    {
        using var document = JsonDocument.Parse(raw);
        Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
        return document.RootElement.EnumerateArray().Select((e, i) => ItemReader.Read(e, $"[{i}]")).ToList();
    }

    /// <summary>A direction drawn per record and round, as the round planner's draw does: every order of directions occurs.</summary>
    public static Direction DirectionOf(int record, int round) => (Direction)(1 + new Random((record * 4) + round).Next(3));

    /// <summary>
    /// Evolves records over chained rounds, each round's items the next round's parents (a
    /// broken response keeps the old parents, as a failed round falls back to older data).
    /// </summary>
    public static IEnumerable<Step> Rounds(int records, int rounds, double faultRate, Func<int, int, Direction> direction, bool withDetections = true)
    {
        for (var r = 0; r < records; r++)
        {
            var record = Records[r];
            var parents = Seeds(record);
            for (var round = 1; round <= rounds; round++)
            {
                var request = Request(record, direction(r, round), parents, round) with
                {
                    Detections = withDetections ? record.Detections : [],
                };
                var response = Evolve(request, faultRate);
                if (response.ResponseFault is not null)
                {
                    yield return new Step(record, request, response, []);
                    continue;
                }

                var items = Items(response.Raw);
                yield return new Step(record, request, response, items);
                parents = items;
            }
        }
    }

    public sealed record Step(ShapesRecord Record, EvolutionRequest Request, EvolutionResponse Response, IReadOnlyList<SourceItem> Items)
    {
        public IEnumerable<(SourceItem Item, SourceItem Parent, FaultKind? Fault)> Pairs =>
            Items.Select((item, i) => (item, Request.Parents[i], Response.Faults![i]));
    }
}
