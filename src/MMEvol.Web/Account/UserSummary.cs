namespace MMEvol.Web.Account;

/// <summary>A row of the Users page.</summary>
public sealed record UserSummary(string Id, string UserName, IReadOnlyList<string> Roles, bool LockedOut);
