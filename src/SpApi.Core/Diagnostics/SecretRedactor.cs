using System.Text.RegularExpressions;

namespace SpApi.Core.Diagnostics;

/// <summary>
/// Removes LWA and SP-API token values from text. It is the last line of defence: the request path
/// never puts a secret into a message on purpose, but a server may echo one back in an error body.
/// </summary>
public static class SecretRedactor
{
    // Amazon's token families: Atza| access tokens, Atzr| refresh tokens, Atz.sprdt| RDTs.
    // Client secrets start with amzn1.oa2-cs.
    private static readonly Regex TokenPattern = new(
        @"(Atz[a-z]?\||Atz\.sprdt\||amzn1\.oa2-cs\.)[^\s""',;&]+",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    /// <summary>Returns the text with every token-shaped value replaced by [redacted].</summary>
    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        return TokenPattern.Replace(text, "$1[redacted]");
    }
}
