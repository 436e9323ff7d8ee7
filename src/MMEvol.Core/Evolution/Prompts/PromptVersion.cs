using System.Security.Cryptography;
using System.Text;

namespace MMEvol.Core.Evolution.Prompts;

/// <summary>
/// "name/v1-3f2a9c1b": a revision bumped by hand when the way prompts are assembled changes, and a
/// hash of every template text the prompt may use, so that editing any of them changes the version
/// stored on each round.
/// </summary>
internal static class PromptVersion
{
    public const int Revision = 1;

    public static string Of(string name, IEnumerable<string> resources)
    {
        var all = new StringBuilder();
        foreach (var resource in resources)
            all.Append(resource).Append('\0').Append(PromptResources.Text(resource)).Append('\0');
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(all.ToString()));
        return $"{name}/v{Revision}-{Convert.ToHexStringLower(hash)[..8]}";
    }
}
