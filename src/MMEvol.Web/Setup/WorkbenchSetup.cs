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
        await WorkbenchStore.MigrateAsync(factory, cancellationToken);
        logger.LogInformation("Workbench store {DatabaseFile} is ready (data directory {DataDirectory})", data.DatabaseFile, data.Root);
        await users.EnsureRolesAsync();
        await admin.CreateIfNoUsersAsync();
        await demo.QueueIfEmptyAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
