namespace MMEvol.Web.Extensions;

/// <summary>
/// The web root is the repository's top-level wwwroot (DESIGN.md's layout), not a folder inside
/// this project: found by walking up to MMEvol.sln from the binaries (a test host's too) and then
/// from the working directory.
/// </summary>
internal static class WebRoot
{
    public const string Folder = "wwwroot";

    public static string Locate() =>
        Find(AppContext.BaseDirectory) ?? Find(Environment.CurrentDirectory) ?? Path.Combine(AppContext.BaseDirectory, Folder);

    private static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, Folder);
            if (File.Exists(Path.Combine(dir.FullName, "MMEvol.sln")) && Directory.Exists(candidate))
                return candidate;
        }
        return null;
    }
}
