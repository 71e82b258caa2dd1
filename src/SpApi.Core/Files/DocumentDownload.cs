using SpApi.Core.Endpoints;
using SpApi.Core.Http;

namespace SpApi.Core.Files;

/// <summary>A pre-signed document URL had expired before the download started; ask for a new one.</summary>
public sealed class DocumentUrlExpiredException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DocumentUrlExpiredException(string message)
        : base(message)
    {
    }
}

/// <summary>
/// Downloads a document from a pre-signed URL (no SP-API token: the URL is its own credential, so only
/// its path is ever logged), streaming to a temporary file that is renamed into place when complete. It goes
/// through the connection's send path: retried through 5xx and resets like a GET, bounded by
/// <see cref="SpApiClientOptions.MaxDownloadBytes"/>, following redirects to https only.
/// </summary>
public static class DocumentDownload
{
    /// <summary>
    /// Downloads to <paramref name="destination"/>. Throws <see cref="DocumentUrlExpiredException"/> for a lapsed URL.
    /// <paramref name="verify"/>, when given, checks the complete download before it takes the name; what it refuses is deleted.
    /// </summary>
    public static async Task DownloadAsync(SpApiClient client, Uri url, string destination, CancellationToken cancellationToken, Action<string>? verify = null)
    {
        SpApiEndpoint.Validate(url, nameof(url));
        var response = await client.SendPath.DownloadAsync(
            url,
            (body, ct) => AtomicFile.WriteAsync(destination, (file, c) => body.CopyToAsync(file, 81920, c), ct, verify),
            cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw ErrorMapper.ForDownload(url, response);
        }
    }
}
