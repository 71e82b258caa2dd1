using System.Net;
using SpApi.Core.Diagnostics;
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
/// its path is ever logged), streaming to a temporary file that is renamed into place when complete.
/// </summary>
public static class DocumentDownload
{
    /// <summary>Downloads to <paramref name="destination"/>. Throws <see cref="DocumentUrlExpiredException"/> for a lapsed URL.</summary>
    public static async Task DownloadAsync(SpApiClient client, Uri url, string destination, CancellationToken cancellationToken)
    {
        SpApiEndpoint.Validate(url, nameof(url));
        SpApiLogScope.Write(client.Options.Log, new SpApiLogEvent(SpApiLogLevel.Verbose, SpApiLogKind.Request, "download", $"GET {url.AbsolutePath}"));
        using var response = await GetHeadersAsync(client, url, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Forbidden && body.IndexOf("expired", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                throw new DocumentUrlExpiredException($"The document URL for {url.AbsolutePath} had expired.");
            }

            throw new SpApiException($"Downloading {url.AbsolutePath} failed with HTTP {(int)response.StatusCode}.", "download", SpApiException.KindOf(response.StatusCode), response.StatusCode);
        }

        await AtomicFile.WriteAsync(destination, async (file, ct) =>
        {
            using var content = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            await content.CopyToAsync(file, 81920, ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    // The shared HttpClient has no timeout of its own (the request path times each attempt), so a stalled
    // server is given the request timeout to start answering; the body then streams as long as it takes.
    // The timeout runs on the client's clock, like the request path's.
    private static async Task<HttpResponseMessage> GetHeadersAsync(SpApiClient client, Uri url, CancellationToken cancellationToken)
    {
        using var timeout = Polyfills.TimeProviderCancellation.After(client.Options.TimeProvider, client.Options.RequestTimeout);
        using var headersDue = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await client.Http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, headersDue.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SpApiException(
                $"Downloading {url.AbsolutePath} got no answer within {client.Options.RequestTimeout.TotalSeconds:0.#} s.", "download", SpApiFailureKind.Timeout, innerException: ex);
        }
    }
}
