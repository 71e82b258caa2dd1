namespace SpApi.Core.Http;

/// <summary>
/// Checks values a server gave that the client sends back as headers (access tokens, RDTs). A CR or LF
/// in one would let the server, or whoever sits in between, inject header lines into later requests, so
/// such a value is refused with a clear error and never sent.
/// </summary>
internal static class HeaderValues
{
    /// <summary>True when the value has no control character (CR, LF, NUL, ESC, DEL and the like).</summary>
    public static bool IsSafe(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns <paramref name="value"/>, or throws when it is not safe to send as a header.</summary>
    public static string RequireSafe(string value, string what, string operation) =>
        IsSafe(value)
            ? value
            : throw new SpApiException(
                $"{operation} returned {what} that contains a control character (such as a line break); it is refused and was not sent.",
                operation, SpApiFailureKind.InvalidResponse);
}
