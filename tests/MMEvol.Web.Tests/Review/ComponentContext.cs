using Bunit;
using Microsoft.AspNetCore.Components;
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

    /// <summary>
    /// As on a live circuit, for components that wait for interactivity (timers, counts). Call it
    /// after adding services: reaching the renderer freezes the context's service collection.
    /// </summary>
    public static BunitContext Interactive(this BunitContext context)
    {
        context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return context;
    }
}
