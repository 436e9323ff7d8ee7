using MMEvol.Web.Account;
using MMEvol.Web.Components;
using MMEvol.Web.Downloads;
using MMEvol.Web.Media;

namespace MMEvol.Web.Extensions;

internal static class EndpointExtensions
{
    public static WebApplication MapWorkbenchEndpoints(this WebApplication app)
    {
        // blazor.web.js and MudBlazor's css/js: library files the sign-in page loads before anyone signed in.
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
        app.MapMediaEndpoints();
        app.MapExportEndpoints();
        return app;
    }
}
