using System.ComponentModel;
using MMEvol.Core.Data;
using MMEvol.Core.Storage;
using Spectre.Console.Cli;

namespace MMEvol.Cli.Infrastructure;

/// <summary>The options every command shares: where the data directory and the store are.</summary>
public class StoreSettings : CommandSettings
{
    [CommandOption("--data <DIR>")]
    [Description("Data directory (store, copied images, demo world). Default: $MMEVOL_DATA, else data/ at the repository root.")]
    public string? Data { get; init; }

    [CommandOption("--db <FILE>")]
    [Description("SQLite store file. Default: mmevol.db in the data directory.")]
    public string? Db { get; init; }

    public DataDirectory Directory() => DataDirectory.FromEnvironment(Data, Db);

    /// <summary>Opens the store, bringing its schema up to date first.</summary>
    public async Task<WorkbenchDb> OpenAsync(CancellationToken cancellationToken)
    {
        var data = Directory();
        data.EnsureCreated();
        var db = WorkbenchStore.Open(data.DatabaseFile);
        await WorkbenchStore.MigrateAsync(db, cancellationToken);
        return db;
    }
}
