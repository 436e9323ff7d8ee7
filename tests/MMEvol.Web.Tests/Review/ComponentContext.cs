using Bunit;
using MudBlazor.Services;

namespace MMEvol.Web.Tests.Review;

/// <summary>A bUnit context with MudBlazor's services, made the one way STACK.md says works with xunit 2.</summary>
internal static class ComponentContext
{
    public static BunitContext Create()
    {
        var context = new BunitContext();
        context.Services.AddMudServices();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        return context;
    }
}
