using Microsoft.AspNetCore.Identity;

namespace MMEvol.Core.Users;

/// <summary>
/// A person who signs in to the workbench. Identity's columns are all it needs: the user name is
/// what audit entries record, and roles (<see cref="WorkbenchRoles"/>) say what it may do.
/// </summary>
public sealed class WorkbenchUser : IdentityUser
{
    public WorkbenchUser()
    {
    }

    public WorkbenchUser(string userName) : base(userName)
    {
    }
}
