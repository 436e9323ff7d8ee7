namespace MMEvol.Core.Storage;

/// <summary>
/// The one folder every host works in (DESIGN.md, "One data directory"): the store, copied
/// images, thumbnails, run outputs and the demo world.
/// </summary>
public sealed record DataDirectory(string Root, string DatabaseFile)
{
    public const string EnvironmentVariable = "MMEVOL_DATA";
    public const string DefaultDatabaseName = "mmevol.db";

    public string Images => Path.Combine(Root, "images");
    public string Thumbnails => Path.Combine(Root, "thumbs");
    public string Runs => Path.Combine(Root, "runs");
    public string Demo => Path.Combine(Root, "demo");

    /// <summary>Export jobs' files, one folder per job: the only files the web app hands out for download.</summary>
    public string Exports => Path.Combine(Root, "exports");

    /// <summary>Files sent through the browser, kept until imported (and after, as the import's source).</summary>
    public string Uploads => Path.Combine(Root, "uploads");

    /// <summary>
    /// --data wins over MMEVOL_DATA, which wins over data/ at the repository root (found by
    /// walking up to MMEvol.sln, so the README's commands work from any folder of the checkout),
    /// and last ./data. --db overrides only the database file.
    /// </summary>
    public static DataDirectory Resolve(string? dataOption, string? dbOption, string? environmentValue, string currentDirectory)
    {
        var root = !string.IsNullOrWhiteSpace(dataOption) ? dataOption
            : !string.IsNullOrWhiteSpace(environmentValue) ? environmentValue
            : Path.Combine(FindRepositoryRoot(currentDirectory) ?? currentDirectory, "data");
        root = Path.GetFullPath(root, currentDirectory);
        var db = string.IsNullOrWhiteSpace(dbOption)
            ? Path.Combine(root, DefaultDatabaseName)
            : Path.GetFullPath(dbOption, currentDirectory);
        return new DataDirectory(root, db);
    }

    public static DataDirectory FromEnvironment(string? dataOption = null, string? dbOption = null) =>
        Resolve(dataOption, dbOption, Environment.GetEnvironmentVariable(EnvironmentVariable), Environment.CurrentDirectory);

    public void EnsureCreated()
    {
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(Path.GetDirectoryName(DatabaseFile)!);
    }

    private static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MMEvol.sln")))
                return dir.FullName;
        }
        return null;
    }
}
