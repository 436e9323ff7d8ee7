namespace MMEvol.Core.Users;

/// <summary>The roles a workbench user can hold; each includes the rights of those after it.</summary>
public static class WorkbenchRoles
{
    /// <summary>Manages users, and everything a curator may do.</summary>
    public const string Admin = "Admin";

    /// <summary>Launches jobs and edits elimination policies, and reviews.</summary>
    public const string Curator = "Curator";

    /// <summary>Confirms and overrides decisions.</summary>
    public const string Reviewer = "Reviewer";

    public static IReadOnlyList<string> All { get; } = [Admin, Curator, Reviewer];
}
