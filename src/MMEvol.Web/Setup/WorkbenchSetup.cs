using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Data;
using MMEvol.Core.Storage;
using MMEvol.Web.Account;

namespace MMEvol.Web.Setup;

/// <summary>
/// What the web host does before it serves or runs anything: brings the store to the newest schema,
/// makes sure the roles exist, creates the first admin, and on an empty store queues the demo.
/// </summary>
internal sealed class WorkbenchSetup(
    IDbContextFactory<WorkbenchDb> factory, DataDirectory data, UserAdministration users, AdminBootstrap admin, DemoBootstrap demo, ILogger<WorkbenchSetup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        data.EnsureCreated();
        await SayUpgradeAsync(cancellationToken);
        await WorkbenchStore.MigrateAsync(factory, cancellationToken);
        logger.LogInformation("Workbench store {DatabaseFile} is ready (data directory {DataDirectory})", data.DatabaseFile, data.Root);
        await users.EnsureRolesAsync();
        await admin.CreateIfNoUsersAsync();
        await demo.QueueIfEmptyAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>An existing store about to be migrated says so first: some migrations rewrite every item (minutes on millions).</summary>
    private async Task SayUpgradeAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(data.DatabaseFile))
            return;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
            logger.LogInformation("Upgrading the store {DatabaseFile} with {Count} migrations ({Migrations}); a large store can take a few minutes",
                data.DatabaseFile, pending.Count, string.Join(", ", pending));
    }
}
