namespace MMEvol.Web.Account;

/// <summary>The account pages' addresses, shared by the cookie options, the pages and the sign-out form.</summary>
public static class AccountPaths
{
    public const string SignIn = "/account/login";
    public const string SignOut = "/account/logout";
    public const string AccessDenied = "/account/access-denied";
}
