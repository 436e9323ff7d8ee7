using MMEvol.Core.Formats;
using MMEvol.Core.Llm;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace MMEvol.Core.Tests.Llm;

public sealed class ImagePreparerTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mmevol-prep-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string Write(string name, byte[] data)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllBytes(path, data);
        return path;
    }

    [Theory]
    [InlineData(900, 1600, 288, 512)]
    [InlineData(1600, 900, 512, 288)]
    [InlineData(300, 200, 300, 200)]
    public void Jpeg_AnySize_LongestSideAtMost512WithoutUpscaling(int width, int height, int expectedWidth, int expectedHeight)
    {
        var path = Write("image.png", TestImages.Png(width, height));

        var jpeg = ImagePreparer.Jpeg(path, ImageLimits.Default);

        var info = Image.Identify(jpeg, out var format);
        Assert.Equal("JPEG", format.Name);
        Assert.Equal((expectedWidth, expectedHeight), (info.Width, info.Height));
    }

    [Fact]
    public void Jpeg_TransparentPng_LaysPixelsOnWhite()
    {
        using var image = new Image<Rgba32>(20, 10, new Rgba32(0, 0, 0, 0));
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        var path = Write("clear.png", stream.ToArray());

        using var decoded = Image.Load<Rgb24>(ImagePreparer.Jpeg(path, ImageLimits.Default));

        Assert.True(decoded[10, 5].R > 240 && decoded[10, 5].G > 240 && decoded[10, 5].B > 240);
    }

    [Fact]
    public void Jpeg_NotAnImage_ThrowsNamingTheFile()
    {
        var path = Write("page.png", TestImages.NotAnImage());

        var error = Assert.Throws<WorkbenchException>(() => ImagePreparer.Jpeg(path, ImageLimits.Default));

        Assert.Contains("page.png", error.Message);
    }

    [Fact]
    public void Jpeg_Truncated_ThrowsClearError()
    {
        var path = Write("cut.png", TestImages.Truncated(TestImages.Png(64, 64)));

        var error = Assert.Throws<WorkbenchException>(() => ImagePreparer.Jpeg(path, ImageLimits.Default));

        Assert.Contains("cut.png", error.Message);
    }

    [Fact]
    public void Jpeg_MissingFile_ThrowsClearError()
    {
        var error = Assert.Throws<WorkbenchException>(() => ImagePreparer.Jpeg(Path.Combine(_folder.FullName, "gone.png"), ImageLimits.Default));

        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void Jpeg_HeaderClaimsTooManyPixels_RefusedBeforeDecoding()
    {
        var path = Write("huge.png", TestImages.PngClaiming(100_000, 100_000));

        var error = Assert.Throws<WorkbenchException>(() => ImagePreparer.Jpeg(path, ImageLimits.Default));

        Assert.Contains("100000x100000", error.Message);
    }
}
