using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Demo;

namespace MMEvol.Core.Tests.Demo;

public sealed class DemoDatasetTests
{
    [Fact]
    public async Task Generate_SameSeedInTwoDataDirectories_SameSeedFileBytes()
    {
        await using var a = await TestStore.CreateAsync();
        await using var b = await TestStore.CreateAsync();
        var options = new ShapesWorldOptions(Images: 8, BenchmarkImages: 2, Seed: 11);

        DemoDataset.Generate(a.Data, options);
        DemoDataset.Generate(b.Data, options);

        var file = Path.Combine("shapes-seed11-8x2", DemoDataset.SeedFileName);
        Assert.Equal(File.ReadAllBytes(Path.Combine(a.Data.Demo, file)), File.ReadAllBytes(Path.Combine(b.Data.Demo, file)));
    }

    [Fact]
    public async Task Import_DemoWorld_RecordsCarryCaptionDetectionsAndSeedQuestions()
    {
        await using var store = await TestStore.CreateAsync();
        var world = DemoDataset.Generate(store.Data, new ShapesWorldOptions(Images: 6, BenchmarkImages: 1));

        await using var db = store.Open();
        var report = await DemoDataset.ImportAsync(db, store.Data, world, "shapes", TimeProvider.System);

        Assert.Equal((6, 0), (report.Imported, report.Refused.Count));
        var records = await db.Records.OrderBy(r => r.Id).ToListAsync();
        for (var i = 0; i < records.Count; i++)
        {
            Assert.Equal((world.Records[i].Id, world.Records[i].Caption), (records[i].SourceId, records[i].Caption));
            Assert.Equal(world.Records[i].Detections, records[i].Detections);
            Assert.Equal((256, 256), (records[i].Width, records[i].Height));
            var questions = await db.Instructions.Where(q => q.RecordId == records[i].Id).OrderBy(q => q.Index).Select(q => q.Question).ToListAsync();
            Assert.Equal(world.Records[i].Questions.Select(q => q.Question), questions);
        }
    }
}
