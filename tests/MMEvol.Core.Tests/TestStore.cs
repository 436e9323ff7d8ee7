using Microsoft.Data.Sqlite;
using MMEvol.Core.Data;
using MMEvol.Core.Export;
using MMEvol.Core.Import;
using MMEvol.Core.Storage;
using MMEvol.Core.Tests.Review;
using Microsoft.Extensions.Logging.Abstractions;

namespace MMEvol.Core.Tests;

/// <summary>A real SQLite file in a fresh data directory, deleted afterwards.</summary>
public sealed class TestStore : IAsyncDisposable
{
    private TestStore(string root)
    {
        Root = root;
        Data = new DataDirectory(Path.Combine(root, "data"), Path.Combine(root, "data", DataDirectory.DefaultDatabaseName));
        Files = Directory.CreateDirectory(Path.Combine(root, "files")).FullName;
    }

    public string Root { get; }
    public DataDirectory Data { get; }

    /// <summary>Where a test writes its source files and images.</summary>
    public string Files { get; }

    public static async Task<TestStore> CreateAsync()
    {
        var store = new TestStore(Directory.CreateTempSubdirectory("mmevol-test-").FullName);
        store.Data.EnsureCreated();
        await using var db = store.Open();
        await WorkbenchStore.MigrateAsync(db);
        return store;
    }

    public WorkbenchDb Open() => WorkbenchStore.Open(Data.DatabaseFile);

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Files, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string Write(string relativePath, byte[] content)
    {
        var path = Path.Combine(Files, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public async Task<ImportReport> ImportAsync(string file, string dataset = "test", Func<ImportOptions, ImportOptions>? configure = null)
    {
        await using var db = Open();
        var options = new ImportOptions(file, dataset) { ImageRoot = Files, User = "tester" };
        return await new Importer(Data, TimeProvider.System).ImportAsync(db, configure is null ? options : configure(options));
    }

    /// <summary>What the web host's background indexer does: the phrase index brought up to every item.</summary>
    public Task<int> IndexPhrasesAsync() =>
        new PhraseIndexer(new StoreFactory(this), TimeProvider.System, NullLogger<PhraseIndexer>.Instance).CatchUpAsync();

    public async Task<string> ExportAsync(string dataset, ExportFormat format, ItemSelection selection = ItemSelection.Kept, bool latest = false,
        string? name = null, bool absolute = false)
    {
        var path = Path.Combine(Root, "out", name ?? $"{dataset}-{format}-{selection}{(latest ? "-latest" : "")}.json");
        await using var db = Open();
        await Exporter.ExportAsync(db, Data, new ExportOptions(dataset, format, path) { Selection = selection, Latest = latest, AbsoluteImagePaths = absolute });
        return path;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open leaves a temp folder behind, not a failed test.
        }
        return ValueTask.CompletedTask;
    }
}
