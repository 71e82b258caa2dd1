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
    public static async Task DownloadAsync(SpApiClient client, Uri url, string destination, CancellationToken cancellationToken, Action<Stream>? verify = null)
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

    /// <summary>How many times a document is fetched before its failure stands: a lapsed URL and a refused download count alike.</summary>
    public const int Attempts = 3;

    /// <summary>
    /// Downloads a document from a pre-signed URL that <paramref name="freshUrl"/> asks for just before each attempt.
    /// A URL that lapsed before the download began (it lives 30 seconds), or a download that
    /// <paramref name="verify"/> refused (<see cref="CorruptZipException"/>), is tried again with a new URL, up to
    /// <see cref="Attempts"/> times; <paramref name="retrying"/> hears why before each new attempt. The URL
    /// operations' own buckets pace the asking, so renewing never breaches their limits.
    /// </summary>
    public static async Task DownloadFromFreshUrlAsync(
        SpApiClient client,
        Func<CancellationToken, Task<Uri>> freshUrl,
        string destination,
        CancellationToken cancellationToken,
        Action<Stream>? verify = null,
        Action<Exception, int>? retrying = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var url = await freshUrl(cancellationToken).ConfigureAwait(false);
            try
            {
                await DownloadAsync(client, url, destination, cancellationToken, verify).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is DocumentUrlExpiredException or CorruptZipException && attempt < Attempts)
            {
                retrying?.Invoke(ex, attempt);
            }
        }
    }
}
