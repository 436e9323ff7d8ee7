using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MMEvol.Core.Demo;
using MMEvol.Core.Evolution;
using MMEvol.Core.Jobs;
using MMEvol.Core.Model;

namespace MMEvol.Web.Tests.Setup;

public sealed class FirstStartTests
{
    [Fact]
    public async Task Start_EmptyStore_DemoJobImportsThenItsEvolveJobRunsThreeRounds()
    {
        await using var server = WorkbenchServer.Start(WorkbenchServer.SmallDemo(rounds: 3));

        var jobs = await server.WaitForJobsAsync(all => all.Count == 2 && all.All(j => j.State == JobState.Succeeded));

        var (demo, evolve) = (jobs[0], jobs[1]);
        Assert.Equal((JobKind.Demo, "first start"), (demo.Kind, demo.CreatedBy));
        Assert.Equal(8, DemoSettings.FromJson(demo.Config).Images);
        Assert.Equal(JobKind.Evolve, evolve.Kind);
        Assert.Equal(3, EvolveSettings.FromJson(evolve.Config).Rounds);
        await using var db = await server.OpenStoreAsync();
        Assert.Equal(evolve.DatasetId, (await db.Datasets.SingleAsync(d => d.Name == DemoDataset.DefaultName)).Id);
        Assert.Equal(8, await db.Records.CountAsync());
        Assert.Equal(3, await db.Rounds.MaxAsync(r => r.Number));
    }

    [Fact]
    public async Task Start_EmptyStore_PhraseIndexCatchesUpWithTheEvolvedItemsInTheBackground()
    {
        await using var server = WorkbenchServer.Start(WorkbenchServer.SmallDemo(rounds: 2));
        await server.WaitForJobsAsync(all => all.Count == 2 && all.All(j => j.State == JobState.Succeeded));
        await using var db = await server.OpenStoreAsync();
        var last = await db.Instructions.MaxAsync(i => i.Id);

        // The indexer sleeps between passes; a loaded machine gets a minute for it.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        long through;
        while ((through = await db.Database.SqlQuery<long>($"SELECT \"Through\" AS \"Value\" FROM \"ItemPhrasesIndexed\"").SingleAsync()) < last
               && DateTime.UtcNow < deadline)
            await Task.Delay(200);

        Assert.Equal(last, through);
        Assert.True(await db.Database.SqlQuery<int>($"SELECT count(*) AS \"Value\" FROM \"ItemPhrases\"").SingleAsync() > 0);
    }

    [Fact]
    public async Task Start_DemoDisabled_QueuesNothing()
    {
        await using var server = WorkbenchServer.Start(new() { ["Demo:Enabled"] = "false" });

        await using var db = await server.OpenStoreAsync();
        Assert.False(await db.Jobs.AnyAsync());
        Assert.True(await db.Users.AnyAsync());
    }

    [Fact]
    public async Task Start_RunWorkerFalse_HostsNoJobWorker()
    {
        await using var server = WorkbenchServer.Start(new() { ["Jobs:RunWorker"] = "false", ["Demo:Images"] = "2" });

        Assert.Empty(server.Services.GetServices<IHostedService>().OfType<JobWorker>());
        await using var db = await server.OpenStoreAsync();
        Assert.Equal(JobState.Queued, (await db.Jobs.SingleAsync()).State);
    }

    [Fact]
    public async Task Start_SecondTime_KeepsTheAdminPasswordAndQueuesNoSecondDemo()
    {
        var root = Directory.CreateTempSubdirectory("mmevol-web-").FullName;
        var first = WorkbenchServer.Start(new() { ["Jobs:RunWorker"] = "false" }, root);
        var password = first.AdminPassword;
        await first.StopAsync();

        await using var second = WorkbenchServer.Start(new() { ["Jobs:RunWorker"] = "false" }, root);

        Assert.Equal(password, second.AdminPassword);
        await using var db = await second.OpenStoreAsync();
        Assert.Equal(1, await db.Users.CountAsync());
        Assert.Equal(1, await db.Jobs.CountAsync());
    }

    [Fact]
    public async Task Start_AnyStart_RolesExistAndAdminHoldsAdmin()
    {
        await using var server = WorkbenchServer.Start(new() { ["Demo:Enabled"] = "false" });

        await using var db = await server.OpenStoreAsync();
        Assert.Equal(["Admin", "Curator", "Reviewer"], await db.Roles.OrderBy(r => r.Name).Select(r => r.Name!).ToListAsync());
        var admin = await db.Users.SingleAsync();
        var roleIds = await db.UserRoles.Where(ur => ur.UserId == admin.Id).Select(ur => ur.RoleId).ToListAsync();
        Assert.Equal("Admin", (await db.Roles.SingleAsync(r => roleIds.Contains(r.Id))).Name);
    }
}
