using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using MMEvol.Core.Users;

namespace MMEvol.Web.Account;

internal static class AccountEndpoints
{
    /// <summary>Signing out is a plain form post: the cookie can only be cleared on an HTTP response, not over the circuit.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(AccountPaths.SignOut, SignOutAsync);
        return endpoints;
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<WorkbenchUser> signIn, ILogger<SignInManager<WorkbenchUser>> logger)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
            return TypedResults.BadRequest();
        var name = context.User.Identity?.Name;
        await signIn.SignOutAsync();
        logger.LogInformation("User {UserName} signed out", name);
        return TypedResults.LocalRedirect("~" + AccountPaths.SignIn);
    }
}
