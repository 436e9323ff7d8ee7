using MMEvol.Core.Storage;
using MMEvol.Core.Users;
using MMEvol.Web.Account;

namespace MMEvol.Web.Setup;

/// <summary>
/// A store without users gets one Admin, "admin", with a random password that is shown once: in
/// a warning in the log and in a file of the data directory that only its owner can read.
/// </summary>
internal sealed class AdminBootstrap(UserAdministration users, DataDirectory data, ILogger<AdminBootstrap> logger)
{
    public const string UserName = "admin";
    public const string PasswordFileName = "admin-password.txt";

    public string PasswordFile => Path.Combine(data.Root, PasswordFileName);

    public async Task CreateIfNoUsersAsync()
    {
        if (await users.AnyAsync())
            return;
        var password = PasswordGenerator.Create();
        // The file first: an admin whose password was never written down could not be recovered.
        WriteOwnerOnly(PasswordFile, password + "\n");
        try
        {
            await users.CreateAsync(UserName, WorkbenchRoles.Admin, password, createdBy: "first start");
        }
        catch
        {
            File.Delete(PasswordFile);
            throw;
        }
        logger.LogWarning(
            "No user existed, so the Admin account {UserName} was created with the password {Password}. It is also in {PasswordFile}, "
            + "readable only by this system user; sign in and create the other users on the Users page. This is the only time it is shown.",
            UserName, password, PasswordFile);
    }

    private static void WriteOwnerOnly(string path, string content)
    {
        // Created 0600 from the start (never readable by others, not even for a moment), then set explicitly past any umask.
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(path, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options))
            writer.Write(content);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
