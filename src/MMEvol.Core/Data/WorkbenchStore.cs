using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MMEvol.Core.Storage;

namespace MMEvol.Core.Data;

/// <summary>Opening the shared SQLite store: connection settings, migrations, WAL.</summary>
public static class WorkbenchStore
{
    public static string ConnectionString(string databaseFile) => new SqliteConnectionStringBuilder
    {
        DataSource = databaseFile,
        Pooling = true,
        DefaultTimeout = 60,
    }.ToString();

    public static void Configure(DbContextOptionsBuilder options, string databaseFile) =>
        options.UseSqlite(ConnectionString(databaseFile))
            .AddInterceptors(new SqlitePragmas());

    public static IServiceCollection AddWorkbenchStore(this IServiceCollection services, DataDirectory data)
    {
        services.AddSingleton(data);
        services.AddDbContextFactory<WorkbenchDb>(options => Configure(options, data.DatabaseFile));
        return services;
    }

    public static WorkbenchDb Open(string databaseFile)
    {
        var options = new DbContextOptionsBuilder<WorkbenchDb>();
        Configure(options, databaseFile);
        return new WorkbenchDb(options.Options);
    }

    /// <summary>Brings the file up to the newest schema; WAL lets readers (the UI) run beside a writer (a job).</summary>
    public static async Task MigrateAsync(IDbContextFactory<WorkbenchDb> factory, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await MigrateAsync(db, cancellationToken);
    }

    public static async Task MigrateAsync(WorkbenchDb db, CancellationToken cancellationToken = default)
    {
        var file = db.Database.GetDbConnection().DataSource;
        if (!string.IsNullOrEmpty(file) && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
            Directory.CreateDirectory(folder);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }
}
