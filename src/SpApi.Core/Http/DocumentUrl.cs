namespace SpApi.Core.Http;

/// <summary>
/// The download URL of a document as an answer gives it (getInvoicesDocument, getGovernmentInvoiceDocument). A
/// pre-signed URL is absolute and https; anything else (missing, relative, another scheme) is the server's fault,
/// reported as InvalidResponse naming the operation rather than a UriFormatException naming nothing.
/// </summary>
internal static class DocumentUrl
{
    /// <summary>
    /// The URL, when it is absolute and https (or http to a loopback host, as a local sandbox serves it, which is
    /// the rule for endpoints too). The URL itself is never quoted: a pre-signed URL is its own credential.
    /// </summary>
    public static Uri From(string? url, string operation)
    {
        if (url is not null
            && (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            && Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || Endpoints.SpApiEndpoint.IsLoopback(uri)))
        {
            return uri;
        }

        throw new SpApiException(
            $"{operation}: the answer's document URL {Fault(url)}; a document URL must be an absolute https URL. Nothing was downloaded.",
            operation,
            SpApiFailureKind.InvalidResponse);
    }

    private static string Fault(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "is missing";
        }

        var scheme = url!.IndexOf("://", StringComparison.Ordinal) is var end and > 0 ? url.Substring(0, end) : null;
        return scheme is null || scheme.Any(c => !char.IsLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            ? "is relative or not a URL"
            : scheme.Equals("http", StringComparison.OrdinalIgnoreCase) ? "uses plain http to a host that is not loopback" : $"uses the scheme '{scheme}'";
    }
}
