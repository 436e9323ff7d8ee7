using System.Security.Cryptography;

namespace MMEvol.Web.Account;

/// <summary>Passwords the workbench hands out (the first admin's, a reset's), from the OS's secure random source.</summary>
public static class PasswordGenerator
{
    // Look-alikes (l, 1, I, O, 0) left out: these passwords are read off a screen or a file and typed.
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";
    private const string Symbols = "-_.!@#%+=";

    public static string Create(int length = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 12);
        var chars = RandomNumberGenerator.GetItems<char>(Lower + Upper + Digits + Symbols, length);
        // One of each class whatever the draw, so Identity's password rules always accept it.
        chars[0] = RandomNumberGenerator.GetItems<char>(Lower, 1)[0];
        chars[1] = RandomNumberGenerator.GetItems<char>(Upper, 1)[0];
        chars[2] = RandomNumberGenerator.GetItems<char>(Digits, 1)[0];
        chars[3] = RandomNumberGenerator.GetItems<char>(Symbols, 1)[0];
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
