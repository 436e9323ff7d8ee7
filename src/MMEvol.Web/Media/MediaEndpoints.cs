using Microsoft.Net.Http.Headers;

namespace MMEvol.Web.Media;

/// <summary>
/// Record images over plain HTTP (never through the circuit), so the browser caches them: the
/// original bytes and a 256 px JPEG thumbnail, both behind sign-in, revalidated by the content hash.
/// </summary>
internal static class MediaEndpoints
{
    public const string Prefix = "/media";

    // A record's image never changes under its id; after an hour the browser revalidates for a 304.
    private const string CacheControl = "private, max-age=3600";

    public static string ImageUrl(int recordId) => $"media/records/{recordId}/image";

    public static string ThumbnailUrl(int recordId) => $"media/records/{recordId}/thumb";

    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var records = endpoints.MapGroup(Prefix + "/records/{recordId:int}").RequireAuthorization();
        records.MapGet("/image", ImageAsync);
        records.MapGet("/thumb", ThumbnailAsync);
        return endpoints;
    }

    private static async Task<IResult> ImageAsync(int recordId, HttpContext context, RecordImages images, CancellationToken cancellationToken)
    {
        NoSniff(context);
        if (await images.FindAsync(recordId, cancellationToken) is not { } image || images.ContentType(image) is not { } contentType)
            return TypedResults.NotFound();
        var tag = Cache(context, image);
        return IsCurrent(context, tag) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.PhysicalFile(image.Path, contentType);
    }

    private static async Task<IResult> ThumbnailAsync(int recordId, HttpContext context, RecordImages images, CancellationToken cancellationToken)
    {
        NoSniff(context);
        if (await images.FindAsync(recordId, cancellationToken) is not { } image)
            return TypedResults.NotFound();
        var tag = Cache(context, image);
        if (IsCurrent(context, tag))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return images.Thumbnail(image) is { } jpeg ? TypedResults.File(jpeg, "image/jpeg") : TypedResults.NotFound();
    }

    private static void NoSniff(HttpContext context) => context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";

    private static EntityTagHeaderValue? Cache(HttpContext context, RecordImage image)
    {
        context.Response.Headers.CacheControl = CacheControl;
        if (image.Sha256 is null)
            return null;
        var tag = new EntityTagHeaderValue($"\"{image.Sha256}\"");
        context.Response.GetTypedHeaders().ETag = tag;
        return tag;
    }

    private static bool IsCurrent(HttpContext context, EntityTagHeaderValue? tag) =>
        tag is not null && context.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(tag, useStrongComparison: false));
}
