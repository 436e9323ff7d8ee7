using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MMEvol.Core.Users;

namespace MMEvol.Web.Account;

/// <summary>
/// A circuit outlives the request that opened it: every few minutes it checks that its user still
/// exists with the same security stamp, so a reset password or a deleted account ends open sessions.
/// </summary>
internal sealed class WorkbenchAuthenticationStateProvider(ILoggerFactory loggers, IServiceScopeFactory scopes, IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(5);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        // A fresh scope: the circuit's own would keep one DbContext (and stale users) for hours.
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkbenchUser>>();
        var user = await users.GetUserAsync(state.User);
        if (user is null)
            return false;
        var stamp = state.User.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
