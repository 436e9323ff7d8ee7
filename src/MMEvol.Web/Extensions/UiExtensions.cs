using MudBlazor.Services;

namespace MMEvol.Web.Extensions;

internal static class UiExtensions
{
    /// <summary>Blazor with interactive server rendering, and MudBlazor's services.</summary>
    public static IServiceCollection AddWorkbenchUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        return services;
    }
}
