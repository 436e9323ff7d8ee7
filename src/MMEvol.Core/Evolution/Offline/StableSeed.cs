using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MMEvol.Core.Evolution.Offline;

/// <summary>
/// A random seed from (record, seed, round) that is the same in every process and on every
/// machine: string.GetHashCode is randomized per process, so SHA-256 it is.
/// </summary>
internal static class StableSeed
{
    public static int Of(string recordKey, int seed, int round)
    {
        var text = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{recordKey}\u001f{seed}\u001f{round}");
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return BinaryPrimitives.ReadInt32LittleEndian(hash);
    }
}
