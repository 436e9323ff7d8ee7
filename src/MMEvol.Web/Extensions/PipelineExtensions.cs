namespace MMEvol.Web.Extensions;

internal static class PipelineExtensions
{
    /// <summary>The sign-in page's own styles, scripts and fonts: the only files of the web root served to anyone.</summary>
    private static readonly PathString[] PublicFolders = ["/css", "/js", "/fonts"];

    public static WebApplication UseWorkbenchPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/error", createScopeForErrors: true);

        // Before authentication, so the sign-in page can load them.
        app.UseWhen(context => IsPublic(context.Request.Path), branch => branch.UseStaticFiles());
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        // After authorization: the fallback policy covers the rest of the web root (screenshots, say).
        app.UseStaticFiles();
        return app;
    }

    private static bool IsPublic(PathString path) => PublicFolders.Any(folder => path.StartsWithSegments(folder));
}
