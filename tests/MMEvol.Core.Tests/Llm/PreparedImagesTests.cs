using MMEvol.Core.Formats;
using MMEvol.Core.Llm;

namespace MMEvol.Core.Tests.Llm;

public sealed class PreparedImagesTests
{
    [Fact]
    public async Task Jpeg_SecondTime_ServedFromTheCacheByContentHash()
    {
        await using var store = await TestStore.CreateAsync();
        var png = TestImages.Png(900, 600);
        var path = store.Write("big.png", png);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png));
        var images = PreparedImages.In(store.Data, ImageLimits.Default);

        var first = images.Jpeg(path, sha);
        File.Delete(path);
        var second = images.Jpeg(path, sha);

        Assert.Equal(first, second);
        Assert.True(File.Exists(Path.Combine(store.Data.Thumbnails, "model-512", sha[..2], sha + ".jpg")));
    }

    [Fact]
    public async Task Jpeg_WithoutHash_PreparesEveryTimeAndCachesNothing()
    {
        await using var store = await TestStore.CreateAsync();
        var path = store.Write("a.png", TestImages.Png(40, 30));
        var images = PreparedImages.In(store.Data, ImageLimits.Default);

        images.Jpeg(path, null);

        Assert.False(Directory.Exists(store.Data.Thumbnails));
    }
}
