using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SpApi.Sandbox;

/// <summary>
/// Opaque nextTokens: an offset signed together with the query it belongs to, so a token replayed
/// with other parameters is refused as SP-API refuses it.
/// </summary>
internal static class PageTokens
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    public static string Write(int offset, string binding)
    {
        var offsetText = offset.ToString(CultureInfo.InvariantCulture);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(offsetText + "." + Sign(offsetText, binding)));
    }

    public static bool TryRead(string token, string binding, out int offset)
    {
        offset = 0;
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('.');
            return parts.Length == 2
                && parts[1] == Sign(parts[0], binding)
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string Sign(string offset, string binding) =>
        Convert.ToHexString(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(offset + "|" + binding)))[..16];
}
