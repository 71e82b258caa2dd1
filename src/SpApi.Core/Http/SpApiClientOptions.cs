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

    internal void Validate()
    {
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
