using System.Security.Cryptography;
using System.Text;

namespace SpApi.Core.Security;

/// <summary>SHA-256 in lower-case hex, for names the module derives from keys (file names of ledgers, caches, buckets) and content hashes.</summary>
internal static class Sha256Hex
{
    /// <summary>The first <paramref name="bytes"/> bytes (all 32 when not given) of the SHA-256 of <paramref name="data"/>.</summary>
    public static string Of(byte[] data, int bytes = 32)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(data);
        var text = new StringBuilder(bytes * 2);
        for (var i = 0; i < bytes; i++)
        {
            text.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>The same for the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static string Of(string text, int bytes = 32) => Of(Encoding.UTF8.GetBytes(text), bytes);
}
