using SpApi.Core.Auth;
using SpApi.Core.Diagnostics;
using SpApi.Core.Endpoints;
using SpApi.Core.Limits;

namespace SpApi.Core.Http;

/// <summary>Everything a client needs: where to go, who it is, and how patient to be.</summary>
public sealed class SpApiClientOptions
{
    /// <summary>Creates options; the endpoints are checked at once.</summary>
    public SpApiClientOptions(LwaCredentials credentials, Uri endpoint, Uri? tokenEndpoint = null)
    {
        Credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        Endpoint = SpApiEndpoint.Validate(endpoint, nameof(endpoint));
        TokenEndpoint = SpApiEndpoint.Validate(tokenEndpoint ?? SpApiEndpoint.DefaultTokenEndpoint, nameof(tokenEndpoint));
    }

    /// <summary>The LWA credentials.</summary>
    public LwaCredentials Credentials { get; }

    /// <summary>The SP-API base address (a region's host, a gateway or a local sandbox).</summary>
    public Uri Endpoint { get; }

    /// <summary>The LWA token endpoint.</summary>
    public Uri TokenEndpoint { get; }

    /// <summary>The clock for token lifetimes, rate limits and retry delays.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The buckets; the process-wide registry unless a test brings its own.</summary>
    public RateLimiterRegistry RateLimiters { get; init; } = RateLimiterRegistry.Shared;

    /// <summary>The token cache; the process-wide one unless a test brings its own.</summary>
    public TokenCache TokenCache { get; init; } = TokenCache.Shared;

    /// <summary>Receives diagnostic events; null discards them.</summary>
    public ISpApiLog? Log { get; init; }

    /// <summary>How many times a failed request is retried (default 5).</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>The first retry delay; later ones grow exponentially with jitter (default 1 s).</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest single retry delay (default 30 s).</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may take, from sending to the end of the body (default 100 s).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// The largest JSON response body read, counted after decompression (default 64 MiB). The largest real page
    /// is getCustomerInvoices at its page size of 100, each invoice a base64 PDF: at a generous 400 KB per
    /// PDF that is about 53 MB, so 64 MiB leaves room while an endless or a decompression-bomb body is
    /// stopped long before it threatens the process. Error bodies meet the same limit.
    /// </summary>
    public long MaxResponseBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// The largest document downloaded from a pre-signed URL, counted after decompression (default 2 GiB). A
    /// tax-invoice export is a zip of at most a few hundred MB; the cap only stops a body that never ends
    /// from filling the disk.
    /// </summary>
    public long MaxDownloadBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>
    /// The transport under the send path; null for the default (sockets, gzip, no redirects). Tests pass an
    /// in-memory handler. It must not follow redirects itself; the client disposes it with itself.
    /// </summary>
    public HttpMessageHandler? Transport { get; init; }

    internal void Validate()
    {
        if (MaxResponseBytes <= 0 || MaxDownloadBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxResponseBytes), "MaxResponseBytes and MaxDownloadBytes must be positive.");
        }

        if (MaxRetries is < 0 or > 20)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, "MaxRetries must be between 0 and 20.");
        }

        if (RetryBaseDelay < TimeSpan.Zero || RetryMaxDelay < RetryBaseDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(RetryMaxDelay), RetryMaxDelay, "RetryMaxDelay must be at least RetryBaseDelay, and both must not be negative.");
        }

        if (RequestTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RequestTimeout), RequestTimeout, "RequestTimeout must be positive.");
        }
    }
}
