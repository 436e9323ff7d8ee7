using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MMEvol.Core;
using MMEvol.Core.Users;

namespace MMEvol.Web.Account;

/// <summary>
/// Users and roles for the Admin page and the first start. Each call works in its own scope, so a
/// long-lived circuit never holds Identity's DbContext.
/// </summary>
public sealed class UserAdministration(IServiceScopeFactory scopes, TimeProvider time, ILogger<UserAdministration> logger)
{
    // Users are managed by the web process only (the CLI has no user commands), so a process-wide lock is enough.
    private readonly SemaphoreSlim _roleChanges = new(1, 1);

    public async Task EnsureRolesAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in WorkbenchRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create the role {role}");
        }
    }

    public async Task<bool> AnyAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        return await Users(scope).Users.AnyAsync();
    }

    public async Task<IReadOnlyList<UserSummary>> ListAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var now = time.GetUtcNow();
        var result = new List<UserSummary>();
        foreach (var user in await users.Users.OrderBy(u => u.UserName).ToListAsync())
            result.Add(new UserSummary(user.Id, user.UserName ?? "", [.. await users.GetRolesAsync(user)], user.LockoutEnd > now));
        return result;
    }

    /// <exception cref="WorkbenchException">The name is taken or invalid, or the password too weak.</exception>
    public async Task CreateAsync(string userName, string role, string password, string createdBy)
    {
        if (!WorkbenchRoles.All.Contains(role))
            throw new WorkbenchException($"'{role}' is not a role; choose one of {string.Join(", ", WorkbenchRoles.All)}.");
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var user = new WorkbenchUser(userName.Trim());
        Check(await users.CreateAsync(user, password), $"create the user '{userName}'");
        Check(await users.AddToRoleAsync(user, role), $"give '{userName}' the role {role}");
        logger.LogInformation("User {UserName} created with role {Role} by {CreatedBy}", user.UserName, role, createdBy);
    }

    /// <summary>Sets a new password and lifts a lockout; the new security stamp ends the user's open sessions.</summary>
    public async Task ResetPasswordAsync(string userId, string password, string resetBy)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var user = await users.FindByIdAsync(userId) ?? throw new WorkbenchException("That user no longer exists.");
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, password), $"reset the password of '{user.UserName}'");
        Check(await users.SetLockoutEndDateAsync(user, null), $"unlock '{user.UserName}'");
        Check(await users.ResetAccessFailedCountAsync(user), $"unlock '{user.UserName}'");
        logger.LogInformation("Password of {UserName} reset by {ResetBy}", user.UserName, resetBy);
    }

    /// <summary>
    /// Gives the user this one role instead of the ones they had; the security stamp changes so open
    /// sessions pick the new role up. The last Admin cannot stop being one: nobody could manage users then.
    /// </summary>
    /// <exception cref="WorkbenchException">Not a role, no such user, or the last Admin.</exception>
    public async Task SetRoleAsync(string userId, string role, string changedBy)
    {
        if (!WorkbenchRoles.All.Contains(role))
            throw new WorkbenchException($"'{role}' is not a role; choose one of {string.Join(", ", WorkbenchRoles.All)}.");
        // One role change at a time: two admins demoting each other at once would both see another Admin left.
        await _roleChanges.WaitAsync();
        try
        {
            await ChangeRoleAsync(userId, role, changedBy);
        }
        finally
        {
            _roleChanges.Release();
        }
    }

    private async Task ChangeRoleAsync(string userId, string role, string changedBy)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var user = await users.FindByIdAsync(userId) ?? throw new WorkbenchException("That user no longer exists.");
        var before = await users.GetRolesAsync(user);
        if (before.Count == 1 && before[0] == role)
            return;
        if (before.Contains(WorkbenchRoles.Admin) && role != WorkbenchRoles.Admin
            && (await users.GetUsersInRoleAsync(WorkbenchRoles.Admin)).Count <= 1)
            throw new WorkbenchException($"'{user.UserName}' is the last Admin; make another user Admin first.");
        Check(await users.RemoveFromRolesAsync(user, before), $"take the roles of '{user.UserName}'");
        Check(await users.AddToRoleAsync(user, role), $"give '{user.UserName}' the role {role}");
        Check(await users.UpdateSecurityStampAsync(user), $"end the sessions of '{user.UserName}'");
        logger.LogInformation("Roles of {UserName} changed from {Before} to {Role} by {ChangedBy}", user.UserName, string.Join(",", before), role, changedBy);
    }

    private static UserManager<WorkbenchUser> Users(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<UserManager<WorkbenchUser>>();

    private static void Check(IdentityResult result, string action)
    {
        if (!result.Succeeded)
            throw new WorkbenchException($"Could not {action}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
