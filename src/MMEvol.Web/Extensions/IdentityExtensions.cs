using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using MMEvol.Core.Data;
using MMEvol.Core.Users;
using MMEvol.Web.Account;
using MMEvol.Web.Media;

namespace MMEvol.Web.Extensions;

internal static class IdentityExtensions
{
    /// <summary>
    /// ASP.NET Core Identity on the workbench store, a cookie for the browser, and a fallback policy
    /// that lets nothing through anonymously unless it says so (the sign-in page and its assets).
    /// </summary>
    public static IServiceCollection AddWorkbenchIdentity(this IServiceCollection services)
    {
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddIdentityCore<WorkbenchUser>(options =>
            {
                // Lockout is the sign-in throttle: a guessed password costs minutes after a few tries.
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                options.Password.RequiredLength = 12;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<WorkbenchDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(ConfigureCookie);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, WorkbenchAuthenticationStateProvider>();
        services.AddScoped<CurrentUser>();
        services.AddSingleton<UserAdministration>();
        return services;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = "MMEvol.Auth";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        // The workbench is served over plain http on localhost by default; behind TLS the cookie follows it.
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        options.LoginPath = AccountPaths.SignIn;
        options.LogoutPath = AccountPaths.SignOut;
        options.AccessDeniedPath = AccountPaths.AccessDenied;
        // An <img> cannot follow a redirect to a sign-in form: media answers with the status itself.
        options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments(MediaEndpoints.Prefix))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
