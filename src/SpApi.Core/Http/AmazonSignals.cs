namespace SpApi.Core.Http;

/// <summary>
/// The few places where Amazon signals a condition only in its error text, kept together so no other
/// code classifies a failure by its message. SP-API answers an expired access token or RDT with 403 and
/// "The security token included in the request is expired"; S3 answers a lapsed pre-signed URL with 403
/// and "Request has expired". Both are documented, and neither has its own code.
/// </summary>
internal static class AmazonSignals
{
    /// <summary>True when a 403's errors say the token expired, so a new token may succeed.</summary>
    public static bool SaysTokenExpired(RawResponse response, IReadOnlyList<SpApiError> errors) =>
        response.Status == System.Net.HttpStatusCode.Forbidden
        && errors.Any(e => MentionsExpiry(e.Message + " " + e.Details));

    /// <summary>True when a download's 403 says the pre-signed URL lapsed, so a new URL may succeed.</summary>
    public static bool SaysUrlExpired(RawResponse response) =>
        response.Status == System.Net.HttpStatusCode.Forbidden
        && MentionsExpiry(System.Text.Encoding.UTF8.GetString(response.Body));

    private static bool MentionsExpiry(string text) => text.IndexOf("expired", StringComparison.OrdinalIgnoreCase) >= 0;
}
