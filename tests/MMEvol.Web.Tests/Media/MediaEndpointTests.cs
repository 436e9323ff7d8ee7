using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Model;
using MMEvol.Core.Storage;

namespace MMEvol.Web.Tests.Media;

[Collection(DemoServerCollection.Name)]
public sealed class MediaEndpointTests(DemoServerFixture fixture)
{
    private readonly WorkbenchServer _server = fixture.Server;

    private async Task<(HttpClient Client, ImageRecord Record)> SignedInWithRecordAsync()
    {
        var client = _server.CreateClient();
        await SignIn.AsAdminAsync(_server, client);
        await using var db = await _server.OpenStoreAsync();
        var record = await db.Records.AsNoTracking().Include(r => r.Dataset).Where(r => r.ImagePath != null).OrderBy(r => r.Id).FirstAsync();
        return (client, record);
    }

    [Fact]
    public async Task GetThumb_SignedIn_ReturnsJpegWithEtagCacheHeadersAndNosniff()
    {
        var (client, record) = await SignedInWithRecordAsync();
        using var _ = client;

        using var response = await client.GetAsync($"/media/records/{record.Id}/thumb");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0xFF, 0xD8, 0xFF], bytes[..3]);
        Assert.Equal($"\"{record.Sha256}\"", response.Headers.ETag!.Tag);
        Assert.True(response.Headers.CacheControl!.Private);
        Assert.NotNull(response.Headers.CacheControl.MaxAge);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [InlineData("thumb")]
    [InlineData("image")]
    public async Task Get_IfNoneMatchCurrentEtag_Returns304WithoutBody(string kind)
    {
        var (client, record) = await SignedInWithRecordAsync();
        using var _ = client;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/media/records/{record.Id}/{kind}");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{record.Sha256}\""));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal($"\"{record.Sha256}\"", response.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task GetImage_SignedIn_ReturnsTheOriginalBytesWithTheirDetectedType()
    {
        var (client, record) = await SignedInWithRecordAsync();
        using var _ = client;
        var original = await File.ReadAllBytesAsync(ImageLocator.Resolve(_server.Data, record.Dataset!, record)!);

        using var response = await client.GetAsync($"/media/records/{record.Id}/image");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(original, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task GetThumb_SignedIn_KeepsTheThumbnailUnderThumbsByHash()
    {
        var (client, record) = await SignedInWithRecordAsync();
        using var _ = client;

        using var response = await client.GetAsync($"/media/records/{record.Id}/thumb");

        var cached = Path.Combine(_server.Data.Thumbnails, "ui-256", record.Sha256![..2], record.Sha256 + ".jpg");
        Assert.True(File.Exists(cached), cached);
        Assert.Equal(await File.ReadAllBytesAsync(cached), await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("thumb")]
    [InlineData("image")]
    public async Task Get_UnknownRecord_Returns404(string kind)
    {
        var (client, _) = await SignedInWithRecordAsync();
        using var __ = client;

        using var response = await client.GetAsync($"/media/records/987654/{kind}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("thumb")]
    [InlineData("image")]
    public async Task Get_TextOnlyRecord_Returns404(string kind)
    {
        var (client, _) = await SignedInWithRecordAsync();
        using var __ = client;
        var textOnly = await AddTextOnlyRecordAsync();

        using var response = await client.GetAsync($"/media/records/{textOnly}/{kind}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_RecordIdNotANumber_Returns404()
    {
        var (client, _) = await SignedInWithRecordAsync();
        using var __ = client;

        using var response = await client.GetAsync("/media/records/..%2F..%2Fmmevol.db/image");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<int> AddTextOnlyRecordAsync()
    {
        await using var db = await _server.OpenStoreAsync();
        var dataset = new Dataset { Name = "text-" + Guid.NewGuid().ToString("N")[..8] };
        var record = new ImageRecord { Dataset = dataset, SourceId = "t1", Caption = "no image", Fingerprint = Guid.NewGuid().ToString("N") };
        db.Records.Add(record);
        await db.SaveChangesAsync();
        return record.Id;
    }
}
