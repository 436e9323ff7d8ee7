using MMEvol.Core.Storage;

namespace MMEvol.Core.Tests.Storage;

public sealed class DataDirectoryTests
{
    [Fact]
    public void Resolve_NothingGiven_UsesDataAtTheRepositoryRoot()
    {
        var root = Directory.CreateTempSubdirectory("mmevol-repo-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "MMEvol.sln"), "");
            var below = Directory.CreateDirectory(Path.Combine(root, "src", "deep")).FullName;

            var data = DataDirectory.Resolve(null, null, null, below);

            Assert.Equal((Path.Combine(root, "data"), Path.Combine(root, "data", "mmevol.db")), (data.Root, data.DatabaseFile));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Resolve_EnvironmentThenOption_OptionWins()
    {
        var fromEnvironment = DataDirectory.Resolve(null, null, "/srv/env-data", "/work");
        var fromOption = DataDirectory.Resolve("relative", null, "/srv/env-data", "/work");

        Assert.Equal("/srv/env-data", fromEnvironment.Root);
        Assert.Equal(("/work/relative", "/work/relative/mmevol.db"), (fromOption.Root, fromOption.DatabaseFile));
    }

    [Fact]
    public void Resolve_DbOption_MovesOnlyTheDatabase()
    {
        var data = DataDirectory.Resolve("/srv/data", "other/store.db", null, "/work");

        Assert.Equal(("/srv/data", "/work/other/store.db", "/srv/data/images"), (data.Root, data.DatabaseFile, data.Images));
    }
}
