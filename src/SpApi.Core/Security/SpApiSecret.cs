using System.Security.Cryptography;
using System.Text;

namespace SpApi.Core.Security;

/// <summary>
/// A secret value (client secret, refresh token, access token, RDT). Its ToString never shows the
/// value, so a secret that ends up in a log line, an exception or a formatted object stays hidden.
/// </summary>
public sealed class SpApiSecret
{
    private readonly string value;

    /// <summary>Wraps a secret. Empty values are refused, because an empty secret is always a mistake.</summary>
    public SpApiSecret(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("A secret must not be empty.", nameof(value));
        }

        this.value = value;
    }

    /// <summary>The clear value; only the request path and the profile store call this.</summary>
    internal string Reveal() => value;

    /// <summary>A stable, non-reversible id of the secret, for cache keys and account keys.</summary>
    internal string Fingerprint
    {
        get
        {
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(value));
            return BitConverter.ToString(hash, 0, 12).Replace("-", string.Empty);
        }
    }

    /// <inheritdoc />
    public override string ToString() => "[redacted]";
}
