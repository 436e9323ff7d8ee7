using Microsoft.AspNetCore.Components.Authorization;

namespace MMEvol.Web.Account;

/// <summary>
/// Who is signed in on this circuit: the name that audit entries (Review.User) and queued jobs
/// (Job.CreatedBy) record. Scoped, so inject it into components.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication)
{
    public async Task<string> NameAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return state.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name }
            ? name
            : throw new InvalidOperationException("No user is signed in on this circuit.");
    }

    public async Task<bool> IsInRoleAsync(string role) =>
        (await authentication.GetAuthenticationStateAsync()).User.IsInRole(role);
}
