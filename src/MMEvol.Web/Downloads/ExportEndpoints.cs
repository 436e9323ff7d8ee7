using MMEvol.Core.Export;
using MMEvol.Core.Jobs;
using MMEvol.Core.Model;
using MMEvol.Core.Storage;
using MMEvol.Core.Users;
using Microsoft.Net.Http.Headers;

namespace MMEvol.Web.Downloads;

/// <summary>
/// Export files over plain HTTP (never through the circuit), for curators and admins. The browser
/// names only a job id: the path comes from the job's stored result and must lie inside that job's
/// own export folder, so no request can reach any other file.
/// </summary>
internal static class ExportEndpoints
{
    public static string DownloadUrl(int jobId) => $"downloads/exports/{jobId}";

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/downloads/exports/{jobId:int}", DownloadAsync).RequireAuthorization(p => p.RequireRole(WorkbenchRoles.Curator, WorkbenchRoles.Admin));
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(int jobId, HttpContext context, JobQueue queue, DataDirectory data, CancellationToken cancellationToken)
    {
        context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        var job = await queue.GetAsync(jobId, cancellationToken: cancellationToken);
        if (job is not { Kind: JobKind.Export, State: JobState.Succeeded } || ExportJobHandler.ReadResult(job.Result) is not { } report)
            return TypedResults.NotFound();
        var folder = Path.GetFullPath(ExportJobHandler.Folder(data, jobId)) + Path.DirectorySeparatorChar;
        var file = Path.GetFullPath(report.Out);
        if (!file.StartsWith(folder, StringComparison.Ordinal) || !File.Exists(file))
            return TypedResults.NotFound();
        var contentType = file.EndsWith(".jsonl", StringComparison.Ordinal) ? "application/x-ndjson" : "application/json";
        // The name was made of safe characters by ExportSettings; PhysicalFile writes it as an attachment, quoted and encoded.
        return TypedResults.PhysicalFile(file, contentType, Path.GetFileName(file));
    }
}
